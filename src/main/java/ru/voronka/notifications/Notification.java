package ru.voronka.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One notice as one employee sees it in the bell; read once they open it. */
@Entity
class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String recipient;
  private String title;
  private String body;
  private Long dealId;
  private String link;
  private Instant createdAt;
  private Instant readAt;

  protected Notification() {}

  Notification(String recipient, Notice notice, Instant createdAt) {
    this.recipient = recipient;
    this.title = Texts.fit(notice.title(), 300);
    this.body = Texts.fit(notice.body(), 4000);
    this.dealId = notice.dealId();
    this.link = Texts.fit(notice.link(), 500);
    this.createdAt = createdAt;
  }

  /** Keeps the first reading time: opening it again changes nothing. */
  void markRead(Instant at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  Long getId() {
    return id;
  }

  String getRecipient() {
    return recipient;
  }

  String getTitle() {
    return title;
  }

  String getBody() {
    return body;
  }

  Long getDealId() {
    return dealId;
  }

  String getLink() {
    return link;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getReadAt() {
    return readAt;
  }

  boolean isRead() {
    return readAt != null;
  }
}
