package ru.voronka.deals;

public enum Funnel {
  SALES("Продажа"),
  ENGINEERS("Инженеры");

  private final String title;

  Funnel(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
