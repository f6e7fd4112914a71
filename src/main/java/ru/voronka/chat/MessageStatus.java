package ru.voronka.chat;

public enum MessageStatus {
  RECEIVED("Получено"),
  QUEUED("Отправляется"),
  SENT("Отправлено"),
  DELIVERED("Доставлено"),
  READ("Прочитано"),
  FAILED("Ошибка");

  private final String title;

  MessageStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** Statuses only move forward (sent → delivered → read); a failure may come after any other and is final. */
  boolean mayMoveTo(MessageStatus next) {
    return this != FAILED && (next == FAILED || next.ordinal() > ordinal());
  }

  /** Sent, or further along (delivered, read): nothing to send any more. */
  boolean isOnItsWay() {
    return this == SENT || this == DELIVERED || this == READ;
  }
}
