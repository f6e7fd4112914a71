package ru.voronka.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Production mail: a UTF-8 MIME message through the SMTP server of {@code spring.mail.*}. */
class SmtpMail implements MailPort {

  private final JavaMailSender sender;
  private final String from;

  SmtpMail(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(OutgoingMail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      var helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body() == null ? "" : mail.body(), false);
      for (MailAttachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      sender.send(message);
    } catch (MessagingException | MailException e) {
      throw new MailNotSentException("Письмо «" + mail.subject() + "» не отправлено (" + String.join(", ", mail.to())
          + "): " + e.getMessage(), e);
    }
  }
}
