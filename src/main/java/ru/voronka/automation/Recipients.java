package ru.voronka.automation;

/** Whom a stage action writes to (seed 002, item 5). */
public enum Recipients {
  ALL("На все контакты и номера"),
  MAIN_CONTACT("Основной контакт");

  private final String title;

  Recipients(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
