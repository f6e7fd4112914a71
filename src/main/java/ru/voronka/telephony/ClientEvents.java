package ru.voronka.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import ru.voronka.deals.Deal;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Employee;
import ru.voronka.notifications.Notice;
import ru.voronka.notifications.Notifier;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * TEL-9: events with clients — calls, letters, meetings — with a due time and a reminder through
 * the pop-ups and the bell. An event still open after its due time counts as missed (TEL-3).
 */
@Service
@Transactional
public class ClientEvents {

  /** How long before the due time the reminder comes, unless the manager chose otherwise. */
  public static final Duration DEFAULT_LEAD = Duration.ofMinutes(15);
  private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

  private final ClientEventRepository events;
  private final LiveEvents live;
  private final Notifier notifier;

  private final Clock clock;
  private final TransactionOperations eachReminder;

  @Autowired
  ClientEvents(ClientEventRepository events, LiveEvents live, Notifier notifier, Clock clock, PlatformTransactionManager transactions) {
    this(events, live, notifier, clock, new TransactionTemplate(transactions, new DefaultTransactionDefinition(
        TransactionDefinition.PROPAGATION_REQUIRES_NEW)));
  }

  ClientEvents(ClientEventRepository events, LiveEvents live, Notifier notifier, Clock clock, TransactionOperations eachReminder) {
    this.clock = clock;
    this.events = events;
    this.live = live;
    this.notifier = notifier;
    this.eachReminder = eachReminder;
  }

  public ClientEvent schedule(ClientEvent.Kind kind, String title, Employee employee, Counterparty counterparty, Deal deal,
      PhoneCall call, Instant dueAt, Duration remindBefore) {
    if (title == null || title.isBlank()) {
      throw new DomainException(Kind.INVALID, "Опишите событие: что нужно сделать");
    }
    if (dueAt == null) {
      throw new DomainException(Kind.INVALID, "Укажите, когда событие должно состояться");
    }
    Duration lead = remindBefore == null ? DEFAULT_LEAD : remindBefore;
    return events.save(new ClientEvent(kind, title.strip(), employee, counterparty, deal, call, dueAt, dueAt.minus(lead)));
  }

  public void changeStatus(Long eventId, ClientEvent.Status status, String userId) {
    ClientEvent event = events.findById(eventId)
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Событие №" + eventId + " не найдено"));
    if (!event.getEmployee().getUserId().equals(userId)) {
      throw new DomainException(Kind.FORBIDDEN, "Статус события меняет тот, кому оно назначено");
    }
    event.changeStatus(status);
  }

  /** An event as pages list it; {@code missed}: still pending after its due time (TEL-3). */
  public record EventView(long id, String kind, String title, String due, String status, String statusCode, boolean missed,
      String client, Long counterpartyId) {}

  @Transactional(readOnly = true)
  public List<EventView> of(Employee employee) {
    Instant now = clock.instant();
    return events.ofEmployee(employee.getId()).stream().map(e -> new EventView(e.getId(), e.getKind().title(), e.getTitle(),
        RussianFormats.dateTime(e.getDueAt()), e.getStatus().title(), e.getStatus().name(), e.isMissed(now),
        e.getCounterparty() == null ? null : e.getCounterparty().getName(),
        e.getCounterparty() == null ? null : e.getCounterparty().getId())).toList();
  }

  /**
   * Every minute: the reminders that came due, each once, to its employee's browser and bell. Each
   * in a transaction of its own: a mail server refusing one reminder leaves that one due for the
   * next minute and does not send the others again.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void remind() {
    Instant now = clock.instant();
    for (ClientEvent event : events.dueForReminder(now)) {
      try {
        eachReminder.executeWithoutResult(status -> {
          if (events.claimReminder(event.getId(), now) == 1) { // rolled back with the rest if the mail is refused
            remind(events.findById(event.getId()).orElseThrow(), now);
          }
        });
      } catch (RuntimeException e) {
        log.warn("Reminder of event {} not delivered, tried again in a minute: {}", event.getId(), e.getMessage());
      }
    }
  }

  private void remind(ClientEvent event, Instant now) {
    String when = RussianFormats.dateTime(event.getDueAt());
    String client = event.getCounterparty() == null ? "" : " · " + event.getCounterparty().getName();
    String userId = event.getEmployee().getUserId();
    notifier.notifyUsers(List.of(userId), new Notice("Напоминание: " + event.getKind().title().toLowerCase() + " " + when
        + client, event.getTitle(), event.getDeal() == null ? null : event.getDeal().getId(), null));
    live.publish(List.of(userId), "popup", Map.of("title", event.getKind().title() + " в " + when + client,
        "text", event.getTitle(), "chatUrl", "/events"));
    event.reminded(now);
  }
}
