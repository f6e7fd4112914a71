package ru.voronka.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The production adapter against a real SMTP server (GreenMail on a free port). */
class SmtpMailTest {

  @RegisterExtension
  static GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final byte[] SIGNED_ACT = "%PDF-1.7\n% Акт подписан\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void signed_act_reaches_the_accountant_with_a_cyrillic_subject_and_the_pdf_intact() throws Exception {
    var mail = new SmtpMail(sender(smtpServer.getSmtp().getPort()), "Воронка CRM <crm@voronka.local>");

    mail.send(new OutgoingMail(List.of("sokolova@voronka.local", "buh@voronka.local"),
        "Подписанные документы по сделке №42 «Поставка клапанов»",
        "Клиент подписал акт выполненных работ и УПД.",
        List.of(new MailAttachment("Акт выполненных работ №17.pdf", "application/pdf", SIGNED_ACT))));

    MimeMessage[] received = smtpServer.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per mailbox, one message
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("Подписанные документы по сделке №42 «Поставка клапанов»");
    assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Воронка CRM");
    assertThat(message.getAllRecipients()).extracting(Object::toString)
        .containsExactly("sokolova@voronka.local", "buh@voronka.local");

    Multipart parts = (Multipart) message.getContent();
    BodyPart attachment = attachmentOf(parts);
    assertThat(attachment.getFileName()).isEqualTo("Акт выполненных работ №17.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(SIGNED_ACT);
    assertThat(textOf(parts)).isEqualTo("Клиент подписал акт выполненных работ и УПД.");
  }

  @Test
  void an_escalation_without_attachments_is_a_plain_utf8_text() throws Exception {
    new SmtpMail(sender(smtpServer.getSmtp().getPort()), "crm@voronka.local").send(new OutgoingMail(
        List.of("rop@voronka.local"), "Просрочен транш", "Транш 2: 30 % до 01.12.2026.", List.of()));

    MimeMessage message = smtpServer.getReceivedMessages()[0];
    assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
    assertThat(((String) message.getContent()).strip()).isEqualTo("Транш 2: 30 % до 01.12.2026.");
  }

  @Test
  void a_mail_server_that_is_down_fails_the_send_so_the_job_is_retried() throws IOException {
    var mail = new SmtpMail(sender(closedPort()), "crm@voronka.local");

    assertThatThrownBy(() -> mail.send(new OutgoingMail(List.of("rop@voronka.local"), "Просрочен транш", "…", List.of())))
        .isInstanceOf(MailNotSentException.class)
        .hasMessageContaining("Просрочен транш")
        .hasMessageContaining("rop@voronka.local");
  }

  private static JavaMailSenderImpl sender(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return sender;
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static BodyPart attachmentOf(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        return parts.getBodyPart(i);
      }
    }
    throw new AssertionError("no attachment");
  }

  private static String textOf(Multipart parts) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return ((String) part.getContent()).strip();
      }
      if (part.getContent() instanceof Multipart nested) {
        return textOf(nested);
      }
    }
    throw new AssertionError("no text");
  }
}
