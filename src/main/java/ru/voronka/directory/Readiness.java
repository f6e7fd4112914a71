package ru.voronka.directory;

/** TEL-6: how ready a new client is to buy, as the manager who took their first call judged. */
public enum Readiness {
  HOT("Горячий"), NORM("Норм"), JUNK("Отстой");

  private final String title;

  Readiness(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
