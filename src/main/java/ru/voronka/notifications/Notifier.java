package ru.voronka.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;

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
  private final MailPort mail;

  Notifier(NotificationRepository notifications, Directory directory, MailPort mail) {
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
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the column keeps
    for (String userId : recipients) {
      notifications.save(new Notification(userId, notice, now));
    }
    for (String userId : recipients) {
      emailOf(userId).ifPresent(address ->
          mail.send(new OutgoingMail(List.of(address), notice.title(), mailBody(notice), List.of())));
    }
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
