package ru.voronka.telephony.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.platform.web.PageView;
import ru.voronka.telephony.CallDirection;
import ru.voronka.telephony.CallFollowUps;
import ru.voronka.telephony.CallViews;
import ru.voronka.telephony.CallViews.CallView;
import ru.voronka.telephony.CallViews.RecentCaller;
import ru.voronka.telephony.ClickToCall;
import ru.voronka.telephony.ClientEvent;
import ru.voronka.telephony.ClientEvents;
import ru.voronka.telephony.ClientEvents.EventView;
import ru.voronka.telephony.PhoneCall;

/** Calls and events through the API (TEL-1, TEL-2, TEL-8, TEL-9; issue 15): the journal, dialling, the follow-up, events. */
@Tag(name = "Звонки и события", description = "Журнал звонков, звонок на номер, недавние звонки, итог звонка, события с клиентами")
@RestController
class CallApiController {

  private static final int MAX_PAGE_SIZE = 200;

  private final CallViews views;
  private final CallFollowUps followUps;
  private final ClickToCall clickToCall;
  private final ClientEvents events;
  private final Directory directory;

  CallApiController(CallViews views, CallFollowUps followUps, ClickToCall clickToCall, ClientEvents events, Directory directory) {
    this.views = views;
    this.followUps = followUps;
    this.clickToCall = clickToCall;
    this.events = events;
    this.directory = directory;
  }

  public record Dial(String number) {}

  public record Dialling(String number, String extension) {}

  public record FollowUp(String followUp, String requestTitle, String eventKind, String eventDue, String eventTitle,
      String clientName, String readiness) {}

  public record StatusChange(ClientEvent.Status status) {}

  @Operation(summary = "Журнал звонков: менеджер видит свои, РОП — все (фильтр manager — id сотрудника)")
  @GetMapping("/api/calls")
  PageView<CallView> journal(@RequestParam(required = false) Long manager, @RequestParam(required = false) CallDirection direction,
      @RequestParam(required = false) PhoneCall.State state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Authentication auth) {
    return PageView.of(views.journal(new CallViews.Filter(manager, direction, state, from, to), Viewers.of(auth),
        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE))), c -> c);
  }

  @Operation(summary = "Карточка звонка: клиент, контакт, сделка, итог")
  @GetMapping("/api/calls/{id}")
  CallView card(@PathVariable long id, Authentication auth) {
    return views.card(id, Viewers.of(auth));
  }

  @Operation(summary = "Недавние звонки (за 30 дней): каждый номер один раз, новые сверху")
  @GetMapping("/api/calls/recent")
  List<RecentCaller> recent(@RequestParam(defaultValue = "12") int limit, Authentication auth) {
    return views.recentCallers(Viewers.of(auth), Math.min(Math.max(limit, 1), 100));
  }

  @Operation(summary = "Позвонить на номер: сначала звонит телефон сотрудника (его внутренний номер), затем набранный номер")
  @PostMapping("/api/calls/dial")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Dialling dial(@RequestBody Dial dial, Authentication auth) {
    String e164 = PhoneNumbers.e164(dial == null ? null : dial.number());
    if (e164 == null) {
      throw new DomainException(Kind.INVALID, "«" + (dial == null || dial.number() == null ? "" : dial.number().strip())
          + "» — не номер телефона: наберите, например, +7 912 600-70-80");
    }
    clickToCall.dial(auth.getName(), e164);
    return new Dialling(e164, directory.employee(auth.getName()).map(e -> e.getExtension()).orElse(null));
  }

  @Operation(summary = "Звонки, ждущие итога (TEL-8): без итога звонок не закрыть")
  @GetMapping("/api/calls/follow-ups")
  List<CallFollowUps.Open> openFollowUps(Authentication auth) {
    return followUps.open(auth.getName());
  }

  @Operation(summary = "Итог звонка: followUp = REQUEST (заявка, requestTitle) или EVENT (событие: eventKind, eventDue, eventTitle)")
  @PostMapping("/api/calls/{id}/follow-up")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void followUp(@PathVariable long id, @RequestBody FollowUp body, Authentication auth) {
    Map<String, Object> answers = new HashMap<>();
    if (body != null) {
      answers.put("followUp", body.followUp());
      answers.put("requestTitle", body.requestTitle());
      answers.put("eventKind", body.eventKind());
      answers.put("eventDue", body.eventDue());
      answers.put("eventTitle", body.eventTitle());
      if (body.clientName() != null) {
        answers.put("clientName", body.clientName());
        answers.put("readiness", body.readiness());
      }
    }
    followUps.complete(id, auth.getName(), answers);
  }

  @Operation(summary = "Мои события с клиентами (TEL-9): звонки, письма, встречи с напоминаниями")
  @GetMapping("/api/events")
  List<EventView> events(Authentication auth) {
    return events.of(directory.requireEmployee(auth.getName()));
  }

  @Operation(summary = "Сменить статус события: OPEN, IN_PROGRESS, DONE, CANCELLED, UNAVAILABLE")
  @PostMapping("/api/events/{id}/status")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void eventStatus(@PathVariable long id, @RequestBody StatusChange change, Authentication auth) {
    if (change == null || change.status() == null) {
      throw new DomainException(Kind.INVALID, "Укажите новый статус события");
    }
    events.changeStatus(id, change.status(), auth.getName());
  }
}
