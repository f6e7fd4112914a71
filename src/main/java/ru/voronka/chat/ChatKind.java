package ru.voronka.chat;

/** The kinds of chat; the titles are the deal card's tab names where a kind has one. */
public enum ChatKind {
  PERSONAL("Личный чат"),
  GROUP("Групповой чат"),
  DEAL_CLIENT("Клиент WhatsApp"),
  DEAL_INTERNAL("ВС WhatsApp");

  private final String title;

  ChatKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public boolean internal() {
    return this != DEAL_CLIENT;
  }
}
