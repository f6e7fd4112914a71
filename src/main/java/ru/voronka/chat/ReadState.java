package ru.voronka.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.Reader;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Employee;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Who has read what (COM-3): read marks, «Статус сообщения», the unread badge. */
@Service
@Transactional
public class ReadState {

  private final ChatMessageRepository messages;
  private final ReadMarkRepository marks;
  private final ChatAccess access;
  private final LiveEvents live;
  private final ChatGuard guard;

  ReadState(ChatMessageRepository messages, ReadMarkRepository marks, ChatAccess access, LiveEvents live,
      ChatGuard guard) {
    this.messages = messages;
    this.marks = marks;
    this.access = access;
    this.live = live;
    this.guard = guard;
  }

  /** The badge in the top bar: unread messages in the user's own chats (one query, however many). */
  @Transactional(readOnly = true)
  public long unreadTotal(Viewer viewer) {
    Employee me = guard.me(viewer);
    if (me == null) {
      return 0;
    }
    return messages.unreadInOwnChats(me.getId(), me.getPosition() == null ? null : me.getPosition().getId(),
        me.getDepartment() == null ? null : me.getDepartment().getId());
  }

  /**
   * The badges of chats a page shows, re-read when a message arrives or is read elsewhere (another
   * tab, another device): chat id → unread count, 0 for a chat read to the end. Chats the user may
   * not see are left out.
   */
  @Transactional(readOnly = true)
  public Map<Long, Long> unreadByChat(Viewer viewer, List<Long> chatIds) {
    Employee me = guard.me(viewer);
    Map<Long, Long> counts = new HashMap<>();
    if (me == null || chatIds.isEmpty()) {
      return counts;
    }
    List<Long> visible = chatIds.stream().distinct().limit(200).filter(id -> {
      try {
        guard.requireVisible(id, viewer);
        return true;
      } catch (DomainException hidden) {
        return false;
      }
    }).toList();
    visible.forEach(id -> counts.put(id, 0L));
    if (!visible.isEmpty()) {
      for (Object[] row : messages.unreadByChat(me.getId(), visible)) {
        counts.put((Long) row[0], (Long) row[1]);
      }
    }
    return counts;
  }

  /** COM-3: clicked, or seen for a few seconds: everything up to that message is read. */
  public void markRead(Long chatId, Viewer viewer, long upToMessageId) {
    Chat chat = guard.requireVisible(chatId, viewer);
    Employee me = guard.requireEmployee(viewer);
    long last = messages.lastIdOf(chatId).orElse(0L);
    ReadMark mark = marks.find(chatId, me.getId()).orElseGet(() -> marks.save(new ReadMark(chat, me)));
    if (mark.advanceTo(Math.min(upToMessageId, last))) {
      live.publish(ChatNews.userIds(access.audience(chat)), "chat-read",
          Map.of("chatId", chatId, "reader", me.getUserId(), "upTo", mark.getLastReadMessageId()));
    }
  }

  /** «Статус сообщения»: everyone who sees the chat, ticked when they have read the message. */
  @Transactional(readOnly = true)
  public List<Reader> readers(Long messageId, Viewer viewer) {
    ChatMessage message = messages.findById(messageId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сообщение №" + messageId + " не найдено"));
    Chat chat = guard.requireVisible(message.getChat(), viewer);
    Map<Long, Long> readUpTo = new HashMap<>();
    marks.findByChat(chat.getId()).forEach(r -> readUpTo.put(r.getEmployee().getId(), r.getLastReadMessageId()));
    return access.audience(chat).stream()
        .filter(e -> message.getAuthorEmployee() == null || !e.getId().equals(message.getAuthorEmployee().getId()))
        .map(e -> new Reader(e.getFullName(), readUpTo.getOrDefault(e.getId(), 0L) >= messageId))
        .toList();
  }
}
