package ru.voronka.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.voronka.chat.ChatViews.AttachmentView;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.directory.Employee;
import ru.voronka.directory.KnownNumbers;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;

/** Chats and messages as pages show them: titles, avatars, unread counts, attachments, read marks. */
@Component
class ChatPresenter {

  private final ChatMessageRepository messages;
  private final ChatMemberRepository members;
  private final ReadMarkRepository marks;
  private final ChatAttachmentRepository attachments;
  private final KnownNumbers known;

  ChatPresenter(ChatMessageRepository messages, ChatMemberRepository members, ReadMarkRepository marks,
      ChatAttachmentRepository attachments, KnownNumbers known) {
    this.known = known;
    this.messages = messages;
    this.members = members;
    this.marks = marks;
    this.attachments = attachments;
  }

  Map<Long, Long> unreadByChat(Employee me, List<Long> chatIds) {
    Map<Long, Long> unread = new HashMap<>();
    if (me == null || chatIds.isEmpty()) {
      return unread;
    }
    for (Object[] row : messages.unreadByChat(me.getId(), chatIds)) {
      unread.put((Long) row[0], (Long) row[1]);
    }
    return unread;
  }

  long readMark(Chat chat, Employee me) {
    return me == null ? Long.MAX_VALUE : marks.find(chat.getId(), me.getId()).map(ReadMark::getLastReadMessageId).orElse(0L);
  }

  ChatSummary summary(Chat chat, long unread, Employee me) {
    String title = chat.getTitle();
    if (chat.getKind() == ChatKind.PERSONAL && me != null) {
      // A personal chat is named after the other person.
      title = members.findByChat(chat.getId()).stream().map(ChatMember::getEmployee)
          .filter(e -> !e.getId().equals(me.getId())).map(Employee::getFullName).findFirst().orElse(title);
    }
    // An avatar's letters, as chat lists show them: the colleague's or group's initials, WA for the client's chat.
    String icon = switch (chat.getKind()) {
      case PERSONAL, GROUP -> initials(title);
      case DEAL_CLIENT -> "WA";
      case DEAL_INTERNAL -> "ВС";
    };
    return new ChatSummary(chat.getId(), chat.getKind(), chat.getKind().title(), title, icon,
        chat.getDeal() == null ? null : chat.getDeal().getId(), unread,
        chat.getLastMessageAt() == null ? "" : RussianFormats.dateTime(chat.getLastMessageAt()));
  }

  /** «Смирнова Елена» → «СЕ», «Отдел продаж» → «ОП», «Склад» → «С». */
  static String initials(String title) {
    StringBuilder letters = new StringBuilder();
    for (String word : title.strip().split("[\\s«»\"-]+")) {
      if (!word.isEmpty() && letters.length() < 2) {
        letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return letters.isEmpty() ? "?" : letters.toString();
  }

  /** Attachments are listed by a projection: their content is read only when downloaded. */
  List<MessageView> views(List<ChatMessage> shown, Employee me, long readUpTo) {
    Map<Long, List<AttachmentView>> files = new HashMap<>();
    if (!shown.isEmpty()) {
      for (Object[] row : attachments.describe(shown.stream().map(ChatMessage::getId).toList())) {
        files.computeIfAbsent((Long) row[1], id -> new ArrayList<>())
            .add(new AttachmentView((Long) row[0], (String) row[2], size((Long) row[3]),
                row[4] == null ? null : ((MessageStatus) row[4]).title(), row[4] == MessageStatus.FAILED, (String) row[5]));
      }
    }
    // Messages stored under a bare number (before the number was a contact's): shown by the contact's name.
    Map<String, KnownNumbers.Known> names = known.of(shown.stream().filter(m -> m.getAuthorEmployee() == null)
        .map(ChatMessage::getAuthorName).filter(ChatPresenter::looksLikeNumber).toList());
    return shown.stream().map(m -> view(m, me, readUpTo, files.getOrDefault(m.getId(), List.of()), names)).toList();
  }

  static boolean looksLikeNumber(String name) {
    return name != null && name.matches("[+0-9 ()\\-]{5,}");
  }

  MessageView view(ChatMessage m, Employee me, long readUpTo, List<AttachmentView> attached) {
    return view(m, me, readUpTo, attached, Map.of());
  }

  private MessageView view(ChatMessage m, Employee me, long readUpTo, List<AttachmentView> attached,
      Map<String, KnownNumbers.Known> names) {
    String author = m.getAuthorName();
    if (m.getAuthorEmployee() == null && looksLikeNumber(author)) {
      String e164 = PhoneNumbers.normalize(author);
      KnownNumbers.Known contact = e164 == null ? null : names.get(e164);
      author = contact != null ? contact.label() : PhoneNumbers.display(author);
    }
    boolean mine = me != null && m.getAuthorEmployee() != null && m.getAuthorEmployee().getId().equals(me.getId());
    boolean unread = !mine && m.getDirection() != Direction.OUTGOING && m.getId() > readUpTo;
    List<AttachmentView> files = m.isDeleted() ? List.of() : attached;
    // Ours: in a client chat whatever the company sent; between employees only what the viewer wrote.
    boolean ours = m.getDirection() == Direction.OUTGOING || (m.getDirection() == Direction.INTERNAL && mine);
    return new MessageView(m.getId(), m.getChat().getId(), ours, author, m.getChannel().icon(),
        m.getChannel().title(), m.isDeleted() ? null : m.getBody(), m.getStatus().title(),
        m.getStatus() == MessageStatus.FAILED, m.getStatusReason(), RussianFormats.dateTime(m.getCreatedAt()), unread,
        m.isDeleted(), files, m.getChat().getTitle(), m.getChat().getDeal() == null ? null : m.getChat().getDeal().getId());
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " Б";
    }
    return bytes < 1024 * 1024 ? (bytes / 1024) + " КБ" : String.format("%.1f МБ", bytes / 1048576.0).replace('.', ',');
  }
}
