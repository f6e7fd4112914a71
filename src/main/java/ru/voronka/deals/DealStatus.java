package ru.voronka.deals;

public enum DealStatus {
  OPEN("В работе"),
  WON("Успешна"),
  LOST("Провалена");

  private final String title;

  DealStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
