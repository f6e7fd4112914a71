package ru.voronka.deals;

public enum LostReason {
  NO_MONEY("Денег нет"),
  COMPETITOR("Ушли к конкурентам"),
  NOT_TARGET("Нецелевой клиент"),
  NO_DECISION("Не приняли решение"),
  TOO_LONG("Долго"),
  OTHER("Другое");

  private final String title;

  LostReason(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
