package ru.voronka.deals;

/** The side processes that can start at any stage (FUN-5); each opens an order of the deal. */
public enum OrderKind {
  IMPORT("Заказ Импорт", "importOrder"),
  PRODUCTION("Производство", "production"),
  PROCUREMENT("Закупки", "procurement");

  private final String title;
  private final String processKey;

  OrderKind(String title, String processKey) {
    this.title = title;
    this.processKey = processKey;
  }

  public String title() {
    return title;
  }

  public String processKey() {
    return processKey;
  }
}
