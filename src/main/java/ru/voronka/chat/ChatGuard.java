package ru.voronka.chat;

import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Who may open which chat, who may write, and the client's number a chat writes to. */
@Component
class ChatGuard {

  private final ChatRepository chats;
  private final Directory directory;
  private final ChatAccess access;

  ChatGuard(ChatRepository chats, Directory directory, ChatAccess access) {
    this.chats = chats;
    this.directory = directory;
    this.access = access;
  }

  Chat requireVisible(Long chatId, Viewer viewer) {
    return requireVisible(chats.findById(chatId).orElseThrow(() -> chatNotFound(chatId)), viewer);
  }

  Chat requireVisible(Chat chat, Viewer viewer) {
    if (!access.maySee(chat, me(viewer), viewer)) {
      // Not «forbidden»: nobody should learn that a chat routed to someone else exists.
      throw chatNotFound(chat.getId());
    }
    return chat;
  }

  static DomainException chatNotFound(Long chatId) {
    return new DomainException(Kind.NOT_FOUND, "Чат №" + chatId + " не найден");
  }

  Employee requireEmployee(Viewer viewer) {
    return directory.employee(viewer.userId()).orElseThrow(() ->
        new DomainException(Kind.FORBIDDEN, "Писать в чаты могут сотрудники; у пользователя «" + viewer.userId()
            + "» нет карточки сотрудника"));
  }

  /** The viewer's employee card, or null for a user without one (an administrator of Camunda only). */
  Employee me(Viewer viewer) {
    return directory.employee(viewer.userId()).orElse(null);
  }

  /** The number a client's chat writes and calls to (one rule: {@link ru.voronka.directory.Counterparty#phoneToWrite}). */
  static String clientPhone(Deal deal) {
    return deal == null || deal.getCounterparty() == null ? null : deal.getCounterparty().phoneToWrite().orElse(null);
  }
}
