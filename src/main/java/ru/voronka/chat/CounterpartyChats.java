package ru.voronka.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.chat.ChatViews.ChatSummary;
import ru.voronka.chat.ChatViews.DealChats;
import ru.voronka.chat.ChatViews.MessageView;
import ru.voronka.chat.ChatViews.NewClientMessages;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;

/** A client's chats across deals (WA-7), their event feed, and the lists of new client messages (WA-5). */
@Service
@Transactional
public class CounterpartyChats {

  private final ChatRepository chats;
  private final ChatMessageRepository messages;
  private final DealRepository deals;
  private final ChatAccess access;
  private final ChatGuard guard;
  private final ChatPresenter presenter;

  CounterpartyChats(ChatRepository chats, ChatMessageRepository messages, DealRepository deals, ChatAccess access,
      ChatGuard guard, ChatPresenter presenter) {
    this.chats = chats;
    this.messages = messages;
    this.deals = deals;
    this.access = access;
    this.guard = guard;
    this.presenter = presenter;
  }

  /** WA-7: the counterparty's deals, each with the chats the viewer may open. */
  @Transactional(readOnly = true)
  public List<DealChats> chatsOfCounterparty(Long counterpartyId, Viewer viewer) {
    Employee me = guard.me(viewer);
    Map<Long, DealChats> byDeal = new LinkedHashMap<>();
    for (Deal deal : deals.findByCounterparty(counterpartyId)) {
      List<ChatSummary> visible = new ArrayList<>();
      for (ChatKind kind : List.of(ChatKind.DEAL_CLIENT, ChatKind.DEAL_INTERNAL)) {
        chats.findByDeal(deal.getId(), kind).filter(c -> access.maySee(c, me, viewer)).ifPresent(c ->
            visible.add(presenter.summary(c, presenter.unreadByChat(me, List.of(c.getId())).getOrDefault(c.getId(), 0L), me)));
      }
      if (!visible.isEmpty()) {
        byDeal.put(deal.getId(), new DealChats(deal.getId(), deal.getTitle(), deal.getStage().title(),
            deal.getResponsible() == null ? "не назначен" : deal.getResponsible().getFullName(), visible));
      }
    }
    return new ArrayList<>(byDeal.values());
  }

  /** COM-2's event feed: the client's messages, calls and mail of every deal in one timeline. */
  @Transactional(readOnly = true)
  public List<MessageView> feed(Long counterpartyId, Viewer viewer, int limit) {
    Employee me = guard.me(viewer);
    return presenter.views(messages.feedOf(counterpartyId, PageRequest.of(0, Math.min(Math.max(limit, 1), 200))).stream()
        .filter(m -> access.maySee(m.getChat(), me, viewer)).toList(), me, Long.MAX_VALUE);
  }

  /** WA-5: client chats with messages their responsible has not read; a manager sees their own. */
  @Transactional(readOnly = true)
  public Page<NewClientMessages> newClientMessages(Viewer viewer, Pageable pageable) {
    Employee me = guard.me(viewer);
    return messages.newClientMessages(me == null ? -1L : me.getId(), viewer.leadsSales(), pageable)
        .map(row -> new NewClientMessages((Long) row[0], (Long) row[1], (String) row[2],
            row[3] == null ? "не назначен" : (String) row[3], (Long) row[4], RussianFormats.dateTime((Instant) row[5])));
  }

  /** The deal list's mark (WA-5). */
  @Transactional(readOnly = true)
  public Set<Long> dealsWithNewClientMessages(Collection<Long> dealIds) {
    return dealIds.isEmpty() ? Set.of() : new HashSet<>(messages.dealsWithNewClientMessages(dealIds));
  }
}
