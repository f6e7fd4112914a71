package ru.voronka.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The demo's mail: stored in {@code mail_outbox} within the caller's transaction, so a mail of a
 * rolled-back job disappears with it — unlike a real SMTP send, which cannot be taken back.
 */
class MailOutbox implements MailPort {

  private final OutboxMailRepository outbox;

  private final Clock clock;

  MailOutbox(OutboxMailRepository outbox, Clock clock) {
    this.clock = clock;
    this.outbox = outbox;
  }

  @Override
  public void send(OutgoingMail mail) {
    String attachments = mail.attachments().isEmpty() ? null
        : mail.attachments().stream().map(MailAttachment::fileName).collect(Collectors.joining(", "));
    outbox.save(new OutboxMail(clock.instant(), String.join(", ", mail.to()), mail.subject(), mail.body(), attachments));
  }
}
