package ru.voronka.chat;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** WA-8: only an administrator deletes a message; it is hidden, not erased, and the deletion audited. */
@Service
@Transactional
public class MessageDeletion {

  private final ChatMessageRepository messages;
  private final ChatAccess access;
  private final Audit audit;
  private final LiveEvents live;
  private final Clock clock;

  MessageDeletion(ChatMessageRepository messages, ChatAccess access, Audit audit, LiveEvents live, Clock clock) {
    this.messages = messages;
    this.access = access;
    this.audit = audit;
    this.live = live;
    this.clock = clock;
  }

  /** WA-8: only an administrator deletes, the message is hidden (not erased) and the deletion audited. */
  public void delete(Long messageId, Viewer viewer) {
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Удалять переписку может только администратор");
    }
    ChatMessage message = messages.findById(messageId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + messageId + " не найдено"));
    if (message.isDeleted()) {
      throw new DomainException(Kind.CONFLICT, "Сообщение №" + messageId + " уже удалено");
    }
    message.delete(viewer.userId(), clock.instant());
    Chat chat = message.getChat();
    audit.record(viewer.userId(), "CHAT_MESSAGE_DELETED", "chat_message", messageId,
        "Чат «" + chat.getTitle() + "» (№" + chat.getId() + "), автор: " + message.getAuthorName() + ", отправлено "
            + RussianFormats.dateTime(message.getCreatedAt()) + ", текст: " + message.getBody());
    live.publish(ChatNews.userIds(access.audience(chat)), "chat-message-deleted", Map.of("chatId", chat.getId(), "messageId", messageId));
  }
}
