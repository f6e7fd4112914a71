package ru.voronka.chat;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.voronka.directory.Employee;
import ru.voronka.platform.time.Timestamped;
import ru.voronka.platform.time.WriteTimes;

/** How far an employee has read a chat: every message up to {@code lastReadMessageId}. */
@Entity
@Table(name = "chat_read_mark")
@EntityListeners(WriteTimes.class)
class ReadMark implements Timestamped {

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

  @Override
  public void created(Instant now) {
    readAt = now;
  }

  @Override
  public void updated(Instant now) {
    readAt = now;
  }

  ReadMark(Chat chat, Employee employee) {
    this.chat = chat;
    this.employee = employee;
  }

  /** Marks only move forward: a late click on an old message does not unread newer ones. */
  boolean advanceTo(long messageId) {
    if (messageId <= lastReadMessageId) {
      return false;
    }
    lastReadMessageId = messageId;
    return true;
  }

  long getLastReadMessageId() {
    return lastReadMessageId;
  }

  Employee getEmployee() {
    return employee;
  }
}
