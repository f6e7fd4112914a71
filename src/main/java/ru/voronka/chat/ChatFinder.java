package ru.voronka.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** Finding chats: the communicator's list, the chat with a colleague, a deal's chats (made on first use). */
@Service
@Transactional
public class ChatFinder {

  private final ChatRepository chats;
  private final ChatMemberRepository members;
  private final Directory directory;
  private final DealRepository deals;
  private final ChatGuard guard;
  private final ChatPresenter presenter;
  private final Clock clock;

  ChatFinder(ChatRepository chats, ChatMemberRepository members, Directory directory, DealRepository deals,
      ChatGuard guard, ChatPresenter presenter, Clock clock) {
    this.chats = chats;
    this.members = members;
    this.directory = directory;
    this.deals = deals;
    this.guard = guard;
    this.presenter = presenter;
    this.clock = clock;
  }

  /**
   * The communicator's tree ({@code recentOnly}): the user's own chats with messages in the last
   * month. Otherwise («Выбрать чат», search) every chat the user may open, the leads of sales
   * seeing every deal's chats too.
   */
  @Transactional(readOnly = true)
  public Page<ChatSummary> myChats(Viewer viewer, String q, boolean recentOnly, Pageable pageable) {
    Employee me = guard.me(viewer);
    String query = q == null || q.isBlank() ? null : q.trim();
    Instant since = recentOnly && query == null ? clock.instant().minus(31, ChronoUnit.DAYS) : null;
    Page<Chat> page = chats.visibleTo(me == null ? -1L : me.getId(),
        me == null || me.getPosition() == null ? null : me.getPosition().getId(),
        me == null || me.getDepartment() == null ? null : me.getDepartment().getId(),
        viewer.leadsSales() && !recentOnly, viewer.groups().contains(Group.ADMINS), since, query, pageable);
    Map<Long, Long> unread = presenter.unreadByChat(me, page.getContent().stream().map(Chat::getId).toList());
    return page.map(c -> presenter.summary(c, unread.getOrDefault(c.getId(), 0L), me));
  }

  /** The chat with a colleague (COM-1); made on first use if an admin action has not made it yet. */
  public Long personalChatWith(Viewer viewer, String otherUserId) {
    Employee me = guard.requireEmployee(viewer);
    Employee other = directory.employee(otherUserId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Сотрудник «" + otherUserId + "» не найден"));
    if (me.getId().equals(other.getId())) {
      throw new DomainException(Kind.INVALID, "Личный чат — с другим сотрудником, не с собой");
    }
    return personalChat(me, other).getId();
  }

  /** A deal's client or internal chat, made on first use. */
  public Long dealChat(Long dealId, ChatKind kind, Viewer viewer) {
    if (kind != ChatKind.DEAL_CLIENT && kind != ChatKind.DEAL_INTERNAL) {
      throw new DomainException(Kind.INVALID, "У сделки есть только чаты «Клиент WhatsApp» и «ВС WhatsApp»");
    }
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    Chat chat = dealChat(deal, kind);
    guard.requireVisible(chat, viewer);
    return chat.getId();
  }

  Chat personalChat(Employee a, Employee b) {
    return chats.findByPairKey(Chat.pairKey(a, b)).orElseGet(() -> {
      Chat chat = chats.save(Chat.personal(a, b));
      members.save(new ChatMember(chat, a));
      members.save(new ChatMember(chat, b));
      return chat;
    });
  }

  Chat dealChat(Deal deal, ChatKind kind) {
    return chats.findByDeal(deal.getId(), kind).orElseGet(() -> chats.save(Chat.ofDeal(deal, kind)));
  }
}
