package ru.voronka.documents;

/** A version is either made by Voronka or the client's signed scan. */
public enum DocumentStatus {
  MADE("Сформирован"),
  SIGNED("Подписан");

  private final String title;

  DocumentStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
