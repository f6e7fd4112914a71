package ru.voronka.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail the demo "sent": what the mail simulator shows instead of a real mailbox. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant sentAt;
  private String recipients;
  private String subject;
  private String body;
  private String attachmentNames;

  protected OutboxMail() {}

  OutboxMail(Instant sentAt, String recipients, String subject, String body, String attachmentNames) {
    this.sentAt = sentAt;
    this.recipients = Texts.fit(recipients, 2000);
    this.subject = Texts.fit(subject, 500);
    this.body = Texts.fit(body, 10000);
    this.attachmentNames = Texts.fit(attachmentNames, 2000);
  }

  Long getId() {
    return id;
  }

  Instant getSentAt() {
    return sentAt;
  }

  String getRecipients() {
    return recipients;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  String getAttachmentNames() {
    return attachmentNames;
  }
}
