package ru.voronka.deals;

/** Which documents a deal needs; the DMN table {@code documentSet} picks it by amount. */
public enum DocumentSet {
  CONTRACT_AND_INVOICE("Договор и счет"),
  INVOICE_CONTRACT("Счет-договор"),
  INVOICE("Счет");

  private final String title;

  DocumentSet(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
