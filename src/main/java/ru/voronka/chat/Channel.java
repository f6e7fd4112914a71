package ru.voronka.chat;

/**
 * Where a message travelled: the chat shows it as a short mark, the event feed mixes them all.
 * Letters and plain symbols, not emoji: they read the same on every machine, with or without an emoji font.
 */
public enum Channel {
  INTERNAL("Внутренний", ""),
  WHATSAPP("WhatsApp", "WA"),
  SMS("SMS", "SMS"),
  PHONE("Звонок", "☎"),
  EMAIL("Почта", "@");

  private final String title;
  private final String icon;

  Channel(String title, String icon) {
    this.title = title;
    this.icon = icon;
  }

  public String title() {
    return title;
  }

  public String icon() {
    return icon;
  }
}
