package ru.voronka.deals;

import java.util.Arrays;
import java.util.List;

/** The stages of both funnels, in order. The names are what users see in lists and the history. */
public enum DealStage {
  NEW(Funnel.SALES, "Новая заявка"),
  IN_WORK(Funnel.SALES, "Взят в работу"),
  KP(Funnel.SALES, "КП"),
  CONTRACT(Funnel.SALES, "Договор"),
  INVOICE(Funnel.SALES, "Счет"),
  LAUNCH(Funnel.SALES, "Запуск реализации сделки"),
  ACCEPTED(Funnel.SALES, "Принят"),
  TO_SHIP(Funnel.SALES, "К отгрузке"),
  SHIPPED(Funnel.SALES, "Отгружен/Доставлен"),
  WON(Funnel.SALES, "Сделка успешна"),
  LOST(Funnel.SALES, "Сделка провалена"),

  ENGINEERS_NEW(Funnel.ENGINEERS, "Новая"),
  ENGINEERS_IN_WORK(Funnel.ENGINEERS, "В работе у инженеров"),
  ENGINEERS_DONE(Funnel.ENGINEERS, "Работы выполнены");

  private final Funnel funnel;
  private final String title;

  DealStage(Funnel funnel, String title) {
    this.funnel = funnel;
    this.title = title;
  }

  public Funnel funnel() {
    return funnel;
  }

  public String title() {
    return title;
  }

  public boolean isFinal() {
    return this == WON || this == LOST || this == ENGINEERS_DONE;
  }

  /** Stages a user may move a sales deal to by hand; «Сделка провалена» needs a reason, so it has its own call. */
  public static List<DealStage> manualTargets(Funnel funnel) {
    return Arrays.stream(values()).filter(s -> s.funnel == funnel && s != LOST).toList();
  }
}
