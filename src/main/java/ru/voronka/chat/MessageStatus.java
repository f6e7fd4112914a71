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
}
