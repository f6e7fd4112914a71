package ru.voronka.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsPort.SmsNotSentException;

/**
 * Tells employees what needs them: a notification in the bell and a mail to their address in the
 * directory.
 *
 * <p>It joins the caller's transaction and lets a failed send escape as {@link MailNotSentException}.
 * The callers are Camunda jobs: the exception rolls the job back (the notifications too), the
 * engine retries it and finally raises an incident an administrator sees — a mail is never lost
 * silently. The price is at-least-once: on a retry, whoever already got the mail gets it again.
 */
@Service
@Transactional
public class Notifier {

  private final NotificationRepository notifications;
  private final Directory directory;
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final MailPort mail;
  private final SmsPort sms;
  private final boolean smsToEmployees;

  private final Clock clock;

  Notifier(NotificationRepository notifications, Directory directory, MailPort mail, SmsPort sms,
      @Value("${voronka.sms.notify-employees:false}") boolean smsToEmployees, Clock clock) {
    this.clock = clock;
    this.sms = sms;
    this.smsToEmployees = smsToEmployees;
    this.notifications = notifications;
    this.directory = directory;
    this.mail = mail;
  }

  /**
   * One notification per distinct user; one mail to each of them with an e-mail in the directory.
   *
   * @throws MailNotSentException when a mail could not be sent
   */
  public void notifyUsers(Collection<String> userIds, Notice notice) {
    Set<String> recipients = new LinkedHashSet<>();
    userIds.stream().filter(Objects::nonNull).map(String::trim).filter(id -> !id.isEmpty()).forEach(recipients::add);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the column keeps
    for (String userId : recipients) {
      notifications.save(new Notification(userId, notice, now));
    }
    for (String userId : recipients) {
      emailOf(userId).ifPresent(address ->
          mail.send(new OutgoingMail(List.of(address), notice.title(), mailBody(notice), List.of())));
    }
    if (smsToEmployees) {
      recipients.forEach(userId -> textToMobile(userId, notice));
    }
  }

  /**
   * TEL-10: a short SMS to the employee's mobile, from the gateway's SIM of their carrier. A lost
   * SMS is logged, not retried: the mail and the bell carry the notice.
   */
  private void textToMobile(String userId, Notice notice) {
    directory.employee(userId).filter(e -> e.getMobilePhone() != null).ifPresent(e -> {
      try {
        sms.send(e.getMobilePhone(), "Воронка: " + notice.title(), e.getMobileCarrier());
      } catch (SmsNotSentException failure) {
        log.warn("SMS to {} not sent: {}", userId, failure.getMessage());
      }
    });
  }

  /** {@link #notifyUsers} for every member of the group. */
  public void notifyGroup(Group group, Notice notice) {
    notifyUsers(directory.memberIds(group), notice);
  }

  /**
   * One mail to every member of the group that has an e-mail, without a notification — e.g. signed
   * documents to the accountants (DOC-2).
   *
   * @throws MailNotSentException when the mail could not be sent, or no member has an e-mail:
   *     documents that reach nobody must not pass for sent
   */
  public void emailGroup(Group group, String subject, String body, List<MailAttachment> attachments) {
    List<String> addresses = directory.memberIds(group).stream()
        .map(this::emailOf).flatMap(Optional::stream).distinct().toList();
    if (addresses.isEmpty()) {
      throw new MailNotSentException("Письмо «" + subject + "» некому отправить: ни у кого в группе «" + group.title()
          + "» нет e-mail в справочнике сотрудников");
    }
    mail.send(new OutgoingMail(addresses, subject, body, attachments));
  }

  /** A mail to addresses outside the staff (a client's), e.g. with a document attached. */
  public void emailTo(List<String> addresses, String subject, String body, List<MailAttachment> attachments) {
    mail.send(new OutgoingMail(addresses, subject, body, attachments));
  }

  private Optional<String> emailOf(String userId) {
    return directory.employee(userId).map(Employee::getEmail).map(String::trim).filter(email -> !email.isEmpty());
  }

  private static String mailBody(Notice notice) {
    StringBuilder text = new StringBuilder(notice.body() == null ? notice.title() : notice.body());
    if (notice.link() != null) {
      text.append("\n\nОткрыть: ").append(notice.link());
    }
    return text.append("\n\n—\nVoronka CRM. Это письмо отправлено автоматически.").toString();
  }
}
