package ru.voronka.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealLinks;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.DealWork;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Group;
import ru.voronka.notifications.PopupSettings;
import ru.voronka.platform.live.LiveEvents;

/**
 * COM-4: a client's message pops up for whoever holds the client's task — its assignee, or every
 * candidate (a person or a whole position) while nobody has claimed it — and, with no open task,
 * for whoever the client's messages are routed to (WA-1). Unread client messages pop up again every user's interval; a user
 * with interval 0 gets no pop-ups at all.
 */
@Component
class ClientMessagePopups {

  private final DealWork processes;
  private final DealRepository deals;
  private final Directory directory;
  private final PopupSettings settings;
  private final ChatMessageRepository messages;
  private final DealLinks links;
  private final LiveEvents live;
  private final MessageRouting routing;

  private final Clock clock;

  ClientMessagePopups(DealWork processes, DealRepository deals, Directory directory,
      PopupSettings settings, ChatMessageRepository messages, DealLinks links, LiveEvents live, MessageRouting routing, Clock clock) {
    this.clock = clock;
    this.routing = routing;
    this.processes = processes;
    this.deals = deals;
    this.directory = directory;
    this.settings = settings;
    this.messages = messages;
    this.links = links;
    this.live = live;
  }

  /**
   * After the message's transaction commits, in one of its own: the webhook is answered without
   * waiting for the pop-up, and a failed pop-up never loses the message.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void clientMessageReceived(ClientMessageReceived event) {
    List<DealWork.TaskHolders> open = processes.taskHolders(event.dealId());
    Set<String> holders = holdersOf(open);
    if (holders.isEmpty()) {
      deals.findById(event.dealId()).ifPresent(deal -> routing.recipients(deal).forEach(e -> holders.add(e.getUserId())));
    }
    Map<String, Object> popup = Map.of( // what the event carries is enough: no second read of the message
        "title", "Сообщение клиента: " + event.from(),
        "text", event.text(),
        "deal", "Сделка №" + event.dealId() + " «" + event.dealTitle() + "»",
        "chatUrl", "/chats/" + event.chatId(),
        "dealUrl", "/deals/" + event.dealId() + "?tab=client",
        "taskUrl", open.isEmpty() ? "" : links.task(open.get(0).taskId()),
        "chatId", event.chatId(),
        "messageId", event.messageId());
    List<String> wanting = new ArrayList<>();
    settings.minutes(holders).forEach((user, minutes) -> {
      if (minutes > 0) {
        wanting.add(user);
      }
    });
    live.publish(wanting, "popup", popup);
  }

  private Set<String> holdersOf(List<DealWork.TaskHolders> open) {
    Set<String> holders = new LinkedHashSet<>();
    for (DealWork.TaskHolders task : open) {
      if (task.assignee() != null) {
        holders.add(task.assignee());
        continue;
      }
      holders.addAll(task.candidateUsers());
      task.candidateGroups().forEach(id -> Group.byId(id).ifPresent(g -> holders.addAll(directory.memberIds(g))));
    }
    return holders;
  }

  /** The reminder: every minute, whoever has unread client messages routed to them and whose interval has passed. */
  @Transactional
  public void remind() {
    Instant now = clock.instant();
    Map<String, Long> unreadByUser = new java.util.HashMap<>();
    for (Object[] row : messages.newClientMessages(-1L, true, org.springframework.data.domain.Pageable.unpaged())) {
      deals.findById((Long) row[1]).ifPresent(deal ->
          routing.recipients(deal).forEach(e -> unreadByUser.merge(e.getUserId(), (Long) row[4], Long::sum)));
    }
    unreadByUser.forEach((userId, count) -> {
      if (settings.claimReminder(userId, now)) {
        live.publish(List.of(userId), "popup", Map.of(
            "title", "Непрочитанные сообщения клиентов: " + count,
            "text", "Клиенты ждут ответа",
            "chatUrl", "/messages/new",
            "dealUrl", "", "taskUrl", "", "deal", ""));
      }
    });
  }
}
