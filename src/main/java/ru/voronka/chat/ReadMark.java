package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.voronka.directory.Employee;

/** How far an employee has read a chat: every message up to {@code lastReadMessageId}. */
@Entity
@Table(name = "chat_read_mark")
class ReadMark {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Chat chat;

  @ManyToOne(fetch = FetchType.LAZY)
  private Employee employee;

  private long lastReadMessageId;
  private Instant readAt;

  protected ReadMark() {}

  ReadMark(Chat chat, Employee employee) {
    this.chat = chat;
    this.employee = employee;
    this.readAt = Instant.now();
  }

  /** Marks only move forward: a late click on an old message does not unread newer ones. */
  boolean advanceTo(long messageId) {
    if (messageId <= lastReadMessageId) {
      return false;
    }
    lastReadMessageId = messageId;
    readAt = Instant.now();
    return true;
  }

  long getLastReadMessageId() {
    return lastReadMessageId;
  }

  Employee getEmployee() {
    return employee;
  }
}
