package ru.voronka.platform.audit;

import java.util.Map;

/** The audit trail in words: what was done and to what, as the administrator's page shows it (the codes stay in the table). */
public final class AuditTitles {

  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("PLAN_EDITED", "Изменён план сотрудника"),
      Map.entry("SMS_TEMPLATE_SAVED", "Сохранён шаблон SMS"),
      Map.entry("PERSONAL_CHATS_CREATED", "Созданы личные чаты сотрудников"),
      Map.entry("GROUP_CHAT_CREATED", "Создан групповой чат"),
      Map.entry("MESSAGES_DELEGATED", "Сообщения сотрудника переданы другому"),
      Map.entry("MESSAGES_DELEGATION_REMOVED", "Передача сообщений отменена"),
      Map.entry("UNASSIGNED_RECIPIENT_ADDED", "Добавлен получатель «Без указания менеджера»"),
      Map.entry("UNASSIGNED_RECIPIENT_REMOVED", "Удалён получатель «Без указания менеджера»"),
      Map.entry("CHAT_MEMBER_ADDED", "Участник добавлен в чат"),
      Map.entry("CHAT_MEMBER_REMOVED", "Участник удалён из чата"),
      Map.entry("CHAT_MESSAGE_DELETED", "Сообщение удалено"),
      Map.entry("WHATSAPP_TEXT_CHANGED", "Изменён текст автоответа WhatsApp"),
      Map.entry("WHATSAPP_CHANNEL_ON", "Канал WhatsApp включён"),
      Map.entry("WHATSAPP_CHANNEL_OFF", "Канал WhatsApp выключен"),
      Map.entry("GROUP_NUMBER_ADDED", "Номер клиента добавлен в группу сделки"),
      Map.entry("GROUP_NUMBER_REMOVED", "Номер клиента удалён из группы сделки"),
      Map.entry("EMPLOYEE_HIRED", "Сотрудник принят"),
      Map.entry("EMPLOYEE_DISMISSED", "Сотрудник уволен"));

  private static final Map<String, String> SUBJECTS = Map.of(
      "chat", "Чат", "chat_message", "Сообщение", "deal", "Сделка", "employee", "Сотрудник",
      "messaging_setting", "Настройка WhatsApp", "sms_template", "Шаблон SMS", "whatsapp_channel", "Канал WhatsApp",
      "counterparty", "Контрагент", "contact", "Контакт");

  private AuditTitles() {}

  /** «Создан групповой чат» for GROUP_CHAT_CREATED; a code nobody named yet reads as itself, in lower case and words. */
  public static String action(String code) {
    if (code == null) {
      return "";
    }
    String title = ACTIONS.get(code);
    return title != null ? title : code.toLowerCase().replace('_', ' ');
  }

  public static String subject(String type) {
    return type == null ? "" : SUBJECTS.getOrDefault(type, type);
  }
}
