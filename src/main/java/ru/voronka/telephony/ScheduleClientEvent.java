package ru.voronka.telephony;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** «Назначить событие с напоминанием» (TEL-9): the call, letter or meeting the manager promised. */
@Component("scheduleClientEvent")
class ScheduleClientEvent implements JavaDelegate {

  private final ClientEvents events;
  private final CallerCards callers;
  private final PhoneCallRepository calls;
  private final Directory directory;
  private final DealRepository deals;

  ScheduleClientEvent(ClientEvents events, CallerCards callers, PhoneCallRepository calls, Directory directory,
      DealRepository deals) {
    this.events = events;
    this.callers = callers;
    this.calls = calls;
    this.directory = directory;
    this.deals = deals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Counterparty client = callers.clientOf(execution);
    PhoneCall call = calls.findById(((Number) execution.getVariable("callId")).longValue()).orElse(null);
    Object dealId = execution.getVariable("dealId");
    ClientEvent.Kind kind = ClientEvent.Kind.valueOf((String) execution.getVariable("eventKind"));
    Instant due = dueAt(execution.getVariable("eventDue"));
    events.schedule(kind, (String) execution.getVariable("eventTitle"),
        directory.requireEmployee((String) execution.getVariable("employee")), client,
        dealId instanceof Number id ? deals.findById(id.longValue()).orElse(null) : null, call, due, null);
    if (call != null) {
      call.followedUpWith(kind.title() + " " + RussianFormats.dateTime(due));
    }
  }

  /** Camunda Forms' datetime without a zone is Moscow time; one with an offset is taken as it is. */
  static Instant dueAt(Object value) {
    String text = value == null ? "" : value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(RussianFormats.MOSCOW).toInstant();
      } catch (DateTimeParseException e) {
        throw new DomainException(Kind.INVALID, "«Когда» — дата и время, например 2026-11-24T10:00");
      }
    }
  }
}
