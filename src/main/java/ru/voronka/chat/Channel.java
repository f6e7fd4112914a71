package ru.voronka.chat;

/** Where a message travelled: the chat shows it as an icon, the event feed mixes them all. */
public enum Channel {
  INTERNAL("Внутренний", "💬"),
  WHATSAPP("WhatsApp", "🟢"),
  SMS("SMS", "✉️"),
  PHONE("Звонок", "📞"),
  EMAIL("Почта", "📧");

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
