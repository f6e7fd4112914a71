package ru.voronka.deals;

public enum PaymentTerms {
  PREPAYMENT("Предоплата"),
  POSTPAYMENT("Постоплата");

  private final String title;

  PaymentTerms(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
