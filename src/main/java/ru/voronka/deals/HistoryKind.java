package ru.voronka.deals;

public enum HistoryKind {
  CREATED("Сделка создана"),
  STAGE("Смена стадии"),
  RESPONSIBLE("Смена ответственного"),
  TASK_CREATED("Поставлена задача"),
  TASK_COMPLETED("Задача выполнена"),
  MESSAGE("Сообщение клиенту"),
  AUTOMATION("Действие бизнес-процесса"),
  ACTION("Действие"),
  ESCALATION("Эскалация"),
  DOCUMENT("Документы"),
  PAYMENT("Оплата"),
  ONE_C("1С"),
  ORDER("Заказ"),
  NOTE("Комментарий"),
  EDIT("Изменение сделки");

  private final String title;

  HistoryKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
