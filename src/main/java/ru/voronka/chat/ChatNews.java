package ru.voronka.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.voronka.directory.Employee;
import ru.voronka.platform.live.LiveEvents;

/** Tells a chat's audience: a new message (those it concerns with a pop-up), a changed status. */
@Component
class ChatNews {

  private final LiveEvents live;
  private final ChatAccess access;
  private final ApplicationEventPublisher events;

  ChatNews(LiveEvents live, ChatAccess access, ApplicationEventPublisher events) {
    this.live = live;
    this.access = access;
    this.events = events;
  }

  void stored(Chat chat, ChatMessage message) {
    chat.touch(message.getCreatedAt());
    List<String> participants = userIds(access.participants(chat));
    List<String> onlookers = new ArrayList<>();
    if (chat.getKind() == ChatKind.DEAL_CLIENT || chat.getKind() == ChatKind.DEAL_INTERNAL) {
      access.leads().stream().map(Employee::getUserId).filter(id -> !participants.contains(id)).forEach(onlookers::add);
    }
    Map<String, Object> event = new HashMap<>(Map.of("chatId", chat.getId(), "messageId", message.getId(),
        "chatTitle", chat.getTitle(), "author", message.getAuthorName(), "text", preview(message),
        "incoming", message.getDirection() == Direction.INCOMING,
        "authorUserId", message.getAuthorEmployee() == null ? "" : message.getAuthorEmployee().getUserId()));
    event.put("notify", true);
    live.publish(participants, "chat-message", Map.copyOf(event));
    event.put("notify", false);
    live.publish(onlookers, "chat-message", Map.copyOf(event));
    if (chat.getKind() == ChatKind.DEAL_CLIENT && message.getDirection() == Direction.OUTGOING
        && message.getAuthorEmployee() != null && message.getChannel() != Channel.PHONE && chat.getDeal() != null) {
      events.publishEvent(new ClientAnswered(chat.getId(), message.getId(), chat.getDeal().getId(),
          message.getAuthorEmployee().getUserId()));
    }
  }

  void statusChanged(ChatMessage m) {
    live.publish(userIds(access.audience(m.getChat())), "chat-status",
        Map.of("chatId", m.getChat().getId(), "messageId", m.getId(), "status", m.getStatus().title()));
  }

  static String preview(ChatMessage message) {
    String body = message.getBody() == null || message.getBody().isBlank()
        ? "Файлы: " + message.getAttachments().size() : message.getBody();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  static List<String> userIds(List<Employee> employees) {
    return employees.stream().map(Employee::getUserId).toList();
  }
}
