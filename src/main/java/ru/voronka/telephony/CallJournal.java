package ru.voronka.telephony;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.live.LiveEvents;

/**
 * The call journal (TEL-2), fed by whichever PBX adapter is configured. Every step is idempotent
 * by the call's key: Asterisk may repeat itself, and a reconnect replays what was missed. Ringing
 * pops the card in the browser of the manager whose phone rings (TEL-4); the end of an answered or
 * missed call records it in the client's chat and starts «Итог звонка» (TEL-8).
 */
@Service
@Transactional
public class CallJournal {

  private static final Logger log = LoggerFactory.getLogger(CallJournal.class);

  private final PhoneCallRepository calls;
  private final Directory directory;
  private final DealRepository deals;
  private final ApplicationEventPublisher events;
  private final LiveEvents live;
  private final CallFollowUps followUps;

  CallJournal(PhoneCallRepository calls, Directory directory, DealRepository deals, ApplicationEventPublisher events,
      LiveEvents live, CallFollowUps followUps) {
    this.calls = calls;
    this.directory = directory;
    this.deals = deals;
    this.events = events;
    this.live = live;
    this.followUps = followUps;
  }

  /**
   * TEL-4 without waiting for the journal: the card pops in the browser of the manager whose desk
   * rings straight from the AMI event, on the thread that reads it — nothing but memory on the way;
   * the card page finds the call by its key once {@link #ringing} has stored it, moments later.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public void popAhead(String callKey, String clientNumber, String extension, String userId) {
    Map<String, Object> card = new HashMap<>();
    card.put("callKey", callKey);
    card.put("number", number(clientNumber));
    card.put("incoming", true);
    card.put("cardUrl", "/calls/key/" + callKey + "/card");
    poppedAhead.add(popped(callKey, extension));
    live.publish(List.of(userId), "call-ringing", card);
  }

  /**
   * TEL-5: the routing decision of a call that is about to ring, kept until its first ring is
   * journaled (the AGI question comes before the dialplan dials). Forgotten after ten minutes if
   * the call never rang a desk.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public void routed(String callKey, String route) {
    long now = System.nanoTime();
    routedAhead.values().removeIf(r -> now - r.at() > java.util.concurrent.TimeUnit.MINUTES.toNanos(10));
    routedAhead.put(callKey, new Routed(route, now));
  }

  private record Routed(String route, long at) {}

  private final Map<String, Routed> routedAhead = new java.util.concurrent.ConcurrentHashMap<>();

  /** Cards already popped from the AMI event, as «call key|desk»: each desk a call rings at pops once. */
  private final java.util.Set<String> poppedAhead = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static String popped(String callKey, String extension) {
    return callKey + "|" + extension;
  }

  /** A phone rings: an incoming call at a manager's extension, or the first leg of a click-to-call. */
  public PhoneCall ringing(String callKey, CallDirection direction, String clientNumber, String extension, Instant at) {
    Optional<Employee> employee = extension == null ? Optional.empty() : directory.employeeByExtension(extension);
    return ring(callKey, direction, clientNumber, extension, employee, at);
  }

  /**
   * TEL-7: the call rings an employee's mobile through a carrier's trunk (out of hours, or when no
   * desk answered). The call is that employee's — journal, card, «Итог звонка», statistics, plan —
   * as if it rang their desk. A number that is nobody's mobile rings nobody of ours.
   */
  public PhoneCall ringingOnMobile(String callKey, CallDirection direction, String clientNumber, String mobile, Instant at) {
    return ring(callKey, direction, clientNumber, null, directory.employeeByMobile(mobile), at);
  }

  private PhoneCall ring(String callKey, CallDirection direction, String clientNumber, String extension, Optional<Employee> employee,
      Instant at) {
    Optional<PhoneCall> known = calls.findByCallKey(callKey);
    if (known.isEmpty()) { // the first ring: one insert with the phone already in it
      PhoneCall fresh = fresh(callKey, direction, clientNumber, at);
      fresh.ringsAt(extension, employee.orElse(null));
      Routed routed = routedAhead.remove(callKey);
      if (routed != null) {
        fresh.routedBy(routed.route());
      }
      String recording = recordingsAhead.remove(callKey);
      if (recording != null) {
        fresh.recordAt(recording);
      }
      PhoneCall saved = calls.save(fresh);
      if (!poppedAhead.remove(popped(callKey, extension))) {
        employee.ifPresent(e -> live.publish(List.of(e.getUserId()), "call-ringing", card(saved)));
      }
      return saved;
    }
    PhoneCall call = known.get();
    if (call.getState() == PhoneCall.State.ANSWERED && extension != null && !extension.equals(call.getExtension())) {
      transferred(callKey, extension); // a talking client dialled on to another desk: a transfer
      return call;
    }
    Employee before = call.getEmployee();
    boolean samePhone = java.util.Objects.equals(extension, call.getExtension())
        && java.util.Objects.equals(employee.map(Employee::getId).orElse(null), before == null ? null : before.getId());
    if (call.getState() != PhoneCall.State.RINGING || employee.isEmpty() && extension == null || samePhone) {
      return call; // a replay, or nobody's phone
    }
    call.ringsAt(extension, employee.orElse(null));
    if (before != null && employee.map(e -> !e.getId().equals(before.getId())).orElse(true)) {
      // rung on (three rings, or «Передать дальше»): the card that popped there closes (issue 18, 6)
      live.publish(List.of(before.getUserId()), "call-rung-on", Map.of("callId", call.getId()));
    }
    if (!poppedAhead.remove(popped(callKey, extension))) { // a desk's card popped from the AMI event already
      employee.ifPresent(e -> live.publish(List.of(e.getUserId()), "call-ringing", card(call)));
    }
    return call;
  }

  public void answered(String callKey, String extension, Instant at) {
    calls.findByCallKey(callKey).ifPresent(call -> {
      Employee employee = extension == null ? null : directory.employeeByExtension(extension).orElse(null);
      if (call.answer(extension, employee, at) && call.getEmployee() != null) {
        live.publish(List.of(call.getEmployee().getUserId()), "call-answered", Map.of("callId", call.getId()));
      }
    });
  }

  public void ended(String callKey, Instant at) {
    poppedAhead.removeIf(popped -> popped.startsWith(callKey + "|"));
    calls.findByCallKey(callKey).ifPresent(call -> {
      if (call.end(at)) {
        over(call);
      }
    });
  }

  /**
   * A call the journal holds open that ended while Voronka did not hear it, and of which Asterisk's
   * CDR says nothing: one heard answered was a conversation; one heard ringing is not called missed
   * — nobody knows — so no «Пропущенный звонок» goes to the client's chat and no follow-up starts.
   */
  public void endedUnheard(String callKey, Instant at) {
    poppedAhead.removeIf(popped -> popped.startsWith(callKey + "|"));
    calls.findByCallKey(callKey).ifPresent(call -> {
      if (!call.endUnheard(at)) {
        return;
      }
      log.warn("Call {} ended while Voronka did not listen, and no CDR tells how (is Asterisk's CDR backend set up?)", callKey);
      if (call.getState() == PhoneCall.State.COMPLETED) {
        over(call);
      } else if (call.getEmployee() != null) {
        live.publish(List.of(call.getEmployee().getUserId()), "call-ended", Map.of("callId", call.getId(), "missed", false));
      }
    });
  }

  /**
   * TEL-1: a click-to-call whose desk did not pick up (Asterisk's OriginateResponse Failure): a row
   * in the journal — «Не состоялся» — and the reason in the manager's browser. Idempotent by its key.
   */
  public void notConnected(String callKey, String extension, String clientNumber, Instant startedAt, Instant at, String reason) {
    if (calls.findByCallKey(callKey).isPresent()) {
      return;
    }
    PhoneCall call = fresh(callKey, CallDirection.OUTGOING, clientNumber, startedAt);
    Optional<Employee> employee = directory.employeeByExtension(extension);
    call.ringsAt(extension, employee.orElse(null));
    call.failed(at);
    PhoneCall saved = calls.save(call);
    employee.ifPresent(e -> live.publish(List.of(e.getUserId()), "call-failed", Map.of("callId", saved.getId(),
        "message", "Звонок на " + PhoneNumbers.display(saved.getClientNumber()) + " не состоялся: " + reason)));
  }

  /** When the journal last heard of a call through the PBX (not the simulator): where a rebuild after an outage starts. */
  @Transactional(readOnly = true)
  public Optional<Instant> lastHeard() {
    return Optional.ofNullable(calls.lastHeard());
  }

  /** The end of an answered or missed call: the client's chat, «Итог звонка», the manager's card. */
  private void over(PhoneCall call) {
    // TEL-2/COM-3: the client's chat shows the call, a missed one as such (the chat module listens).
    events.publishEvent(new CallFinished(call.getId(), call.getCallKey(), call.getDeal() == null ? null : call.getDeal().getId(),
        call.getDirection(), call.isMissed(), call.getClientNumber(),
        call.getEmployee() == null ? null : call.getEmployee().getUserId()));
    if (call.getEmployee() != null) {
      followUps.start(call);
      live.publish(List.of(call.getEmployee().getUserId()), "call-ended", Map.of("callId", call.getId(),
          "missed", call.isMissed()));
    } else {
      log.info("Call {} from {} ended without reaching an employee", call.getCallKey(), call.getClientNumber());
    }
  }

  /** Moved to another extension (a manager passed it on, or the РОП moved it, TEL-2). */
  public void transferred(String callKey, String toExtension) {
    calls.findByCallKey(callKey).ifPresent(call -> {
      Optional<Employee> employee = directory.employeeByExtension(toExtension);
      call.transferTo(toExtension, employee.orElse(null));
      employee.ifPresent(e -> live.publish(List.of(e.getUserId()), "call-ringing", card(call)));
    });
  }

  /**
   * MixMonitor's file. The dialplan starts recording before it dials a desk, so the file's name
   * often comes before the call is in the journal: it waits here for the first ring.
   */
  public void recorded(String callKey, String recording) {
    calls.findByCallKey(callKey).ifPresentOrElse(call -> call.recordAt(recording),
        () -> recordingsAhead.put(callKey, recording));
  }

  private final Map<String, String> recordingsAhead = new java.util.concurrent.ConcurrentHashMap<>();

  /** Calls the journal believes are still going: what a reconnect checks against the PBX. */
  @Transactional(readOnly = true)
  public List<String> unfinishedKeys() {
    return calls.findByStateIn(List.of(PhoneCall.State.RINGING, PhoneCall.State.ANSWERED)).stream()
        .map(PhoneCall::getCallKey).toList();
  }

  /** A call not yet in the journal, with the client whose number it is and their current deal. */
  private PhoneCall fresh(String callKey, CallDirection direction, String clientNumber, Instant startedAt) {
    PhoneCall call = new PhoneCall(callKey, direction, number(clientNumber), startedAt);
    Optional<Counterparty> client = directory.counterpartiesByPhone(clientNumber).stream().findFirst();
    call.identify(client.orElse(null), client.flatMap(this::currentDeal).orElse(null));
    return call;
  }

  private Optional<Deal> currentDeal(Counterparty client) {
    List<Deal> theirs = deals.findByCounterparty(client.getId());
    return theirs.stream().filter(Deal::isOpen).max(Comparator.comparing(Deal::getUpdatedAt))
        .or(() -> theirs.stream().max(Comparator.comparing(Deal::getUpdatedAt)));
  }

  /** E.164, or a short number as the PBX wrote it (an internal or service number); never free text. */
  private static String number(String raw) {
    String e164 = PhoneNumbers.normalize(raw);
    return e164 != null ? e164 : raw != null && raw.matches("[0-9+*#]{1,32}") ? raw : "неизвестный";
  }

  static Map<String, Object> card(PhoneCall call) {
    Map<String, Object> card = new HashMap<>();
    card.put("callId", call.getId());
    card.put("number", call.getClientNumber());
    card.put("incoming", call.getDirection() == CallDirection.INCOMING);
    card.put("client", call.getCounterparty() == null ? "" : call.getCounterparty().getName());
    card.put("cardUrl", "/calls/" + call.getId() + "/card");
    return card;
  }
}
