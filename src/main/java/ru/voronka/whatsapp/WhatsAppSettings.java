package ru.voronka.whatsapp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The texts an administrator edits: the automatic reply to strangers (WA-2) and the closed-deal notice (WA-4). */
@Service
@Transactional
public class WhatsAppSettings {

  public static final String AUTO_REPLY = "auto-reply";
  public static final String CLOSED_DEAL_NOTICE = "closed-deal-notice";

  static final String DEFAULT_AUTO_REPLY = "Здравствуйте! Вашего номера нет в нашей системе. "
      + "Пожалуйста, позвоните нам по номеру 8-495-649-84-47.";
  static final String DEFAULT_CLOSED_DEAL_NOTICE = "Здравствуйте! Эта сделка закрыта, переписка по ней больше не ведётся. "
      + "Ваше сообщение сохранено; если вопрос новый, позвоните нам по номеру 8-495-649-84-47.";

  private final JdbcTemplate jdbc;
  private final Audit audit;

  WhatsAppSettings(JdbcTemplate jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public String text(String name) {
    var values = jdbc.queryForList("select text from messaging_setting where setting_name = ?", String.class, name);
    return values.isEmpty() ? defaultOf(name) : values.get(0);
  }

  public void setText(String name, String value, String actor) {
    if (value == null || value.isBlank()) {
      throw new DomainException(Kind.INVALID, "Текст не может быть пустым");
    }
    if (value.length() > 4000) {
      throw new DomainException(Kind.INVALID, "Текст длиннее 4000 знаков");
    }
    defaultOf(name);
    if (jdbc.update("update messaging_setting set text = ? where setting_name = ?", value.strip(), name) == 0) {
      jdbc.update("insert into messaging_setting (setting_name, text) values (?, ?)", name, value.strip());
    }
    audit.record(actor, "WHATSAPP_TEXT_CHANGED", "messaging_setting", name, value.strip());
  }

  private static String defaultOf(String name) {
    return switch (name) {
      case AUTO_REPLY -> DEFAULT_AUTO_REPLY;
      case CLOSED_DEAL_NOTICE -> DEFAULT_CLOSED_DEAL_NOTICE;
      default -> throw new DomainException(Kind.INVALID, "Нет такой настройки: " + name);
    };
  }
}
