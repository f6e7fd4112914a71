package ru.voronka.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The journal and the call card as pages show them (TEL-2, TEL-4): a manager sees their own calls, the РОП all. */
@Service
@Transactional(readOnly = true)
public class CallViews {

  public record CallView(long id, String startedAt, boolean incoming, String direction, String number, String client,
      Long counterpartyId, Long dealId, String dealTitle, String manager, String extension, String state, boolean live,
      boolean missed, String talked, String recording, String followUp, String transferredFrom, String readiness,
      String managerUserId, boolean ringing, String route, String contact) {

    /** Who is on the line as people read it: the known contact's name, else the number. */
    public String caller() {
      return contact != null ? contact : ru.voronka.directory.PhoneNumbers.display(number);
    }
  }

  public record Filter(Long employeeId, CallDirection direction, PhoneCall.State state, LocalDate from, LocalDate to) {}

  private final PhoneCallRepository calls;
  private final Directory directory;
  private final TelephonyProperties properties;
  private final CallViews self;
  private final ru.voronka.directory.KnownNumbers known;

  private final Clock clock;

  CallViews(PhoneCallRepository calls, Directory directory, TelephonyProperties properties,
      @org.springframework.context.annotation.Lazy CallViews self, Clock clock, ru.voronka.directory.KnownNumbers known) {
    this.known = known;
    this.clock = clock;
    this.self = self;
    this.calls = calls;
    this.directory = directory;
    this.properties = properties;
  }

  public Page<CallView> journal(Filter filter, Viewer viewer, Pageable pageable) {
    Long employeeId = filter.employeeId();
    if (!viewer.leadsSales()) { // a manager's journal is their own
      employeeId = directory.employee(viewer.userId()).map(Employee::getId).orElse(-1L);
    }
    Instant from = filter.from() == null ? Instant.EPOCH : filter.from().atStartOfDay(RussianFormats.MOSCOW).toInstant();
    Instant to = filter.to() == null ? clock.instant().plus(Duration.ofDays(1))
        : filter.to().plusDays(1).atStartOfDay(RussianFormats.MOSCOW).toInstant();
    Page<PhoneCall> found = calls.journal(employeeId, filter.direction(), filter.state(), from, to, pageable);
    var names = known.of(found.getContent().stream().map(PhoneCall::getClientNumber).toList());
    return found.map(c -> view(c, names));
  }

  public CallView card(long callId, Viewer viewer) {
    PhoneCall call = calls.findById(callId).filter(c -> mayView(c, viewer))
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Звонок №" + callId + " не найден"));
    return view(call);
  }

  /** The card by the PBX's key (a card popped from the AMI event): the call is stored moments after, so wait a little. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public CallView cardByKey(String callKey, Viewer viewer) throws InterruptedException {
    for (int attempt = 0; attempt < 60; attempt++) {
      Optional<Long> id = calls.findByCallKey(callKey).map(PhoneCall::getId);
      if (id.isPresent()) {
        return self.card(id.get(), viewer);
      }
      Thread.sleep(50);
    }
    throw new DomainException(Kind.NOT_FOUND, "Звонок не найден");
  }

  /** A number that called or was called lately (TEL-1): whose it is, the latest call with it and how it went. */
  public record RecentCaller(String number, String contact, String client, Long counterpartyId, String lastAt, String direction,
      boolean missed) {

    public String label() {
      return contact != null ? contact : client != null ? client : ru.voronka.directory.PhoneNumbers.display(number);
    }
  }

  /** TEL-1: the recent callers on the journal — a manager's own calls, the РОП's everybody's — each number once. */
  public List<RecentCaller> recentCallers(Viewer viewer, int limit) {
    Long employeeId = viewer.leadsSales() ? null : directory.employee(viewer.userId()).map(Employee::getId).orElse(-1L);
    Instant since = clock.instant().minus(Duration.ofDays(30));
    List<Object[]> rows = calls.recentNumbers(employeeId, since, org.springframework.data.domain.PageRequest.of(0, limit));
    var names = known.of(rows.stream().map(r -> (String) r[0]).toList());
    return rows.stream().map(r -> {
      String number = (String) r[0];
      PhoneCall last = calls.latestWith(number, employeeId, org.springframework.data.domain.PageRequest.of(0, 1)).get(0);
      var contact = names.get(number);
      return new RecentCaller(number, contact == null ? null : contact.contactName(),
          contact != null ? contact.counterpartyName() : last.getCounterparty() == null ? null : last.getCounterparty().getName(),
          contact != null ? contact.counterpartyId() : last.getCounterparty() == null ? null : last.getCounterparty().getId(),
          RussianFormats.dateTime(last.getStartedAt()), last.getDirection() == CallDirection.INCOMING ? "входящий" : "исходящий",
          last.isMissed());
    }).toList();
  }

  /** The key of a call ringing at this user's desk, for passing it on. */
  public String ringingAt(long callId, String userId) {
    PhoneCall call = calls.findById(callId).filter(c -> c.getState() == PhoneCall.State.RINGING)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "Звонок уже не звонит"));
    if (call.getEmployee() == null || !call.getEmployee().getUserId().equals(userId)) {
      throw new DomainException(Kind.FORBIDDEN, "Передать дальше может тот, у кого звонит телефон");
    }
    return call.getCallKey();
  }

  public Optional<PhoneCall> find(long callId) {
    return calls.findById(callId);
  }

  static boolean mayView(PhoneCall call, Viewer viewer) {
    return viewer.leadsSales() || (call.getEmployee() != null && call.getEmployee().getUserId().equals(viewer.userId()));
  }

  public List<Employee> managers() {
    return directory.members(ru.voronka.directory.Group.MANAGERS);
  }

  CallView view(PhoneCall c) {
    return view(c, known.of(java.util.Collections.singleton(c.getClientNumber())));
  }

  private CallView view(PhoneCall c, java.util.Map<String, ru.voronka.directory.KnownNumbers.Known> names) {
    var contact = java.util.Optional.ofNullable(c.getClientNumber()).map(names::get);
    Duration talked = c.talked(clock.instant());
    return new CallView(c.getId(), RussianFormats.dateTime(c.getStartedAt()), c.getDirection() == CallDirection.INCOMING,
        c.getDirection() == CallDirection.INCOMING ? "Входящий" : "Исходящий", c.getClientNumber(),
        c.getCounterparty() == null ? null : c.getCounterparty().getName(),
        c.getCounterparty() == null ? null : c.getCounterparty().getId(),
        c.getDeal() == null ? null : c.getDeal().getId(), c.getDeal() == null ? null : c.getDeal().getTitle(),
        c.getEmployee() == null ? "—" : c.getEmployee().getFullName(), c.getExtension(),
        c.getState().title(), !c.isOver(), c.isMissed(),
        c.getAnsweredAt() == null ? "—" : "%d:%02d".formatted(talked.toMinutes(), talked.toSecondsPart()),
        recordingUrl(c), c.getFollowUp(), c.getTransferredTo(),
        c.getCounterparty() == null || c.getCounterparty().getReadiness() == null ? null : c.getCounterparty().getReadiness().title(),
        c.getEmployee() == null ? null : c.getEmployee().getUserId(), c.getState() == PhoneCall.State.RINGING, c.getRoute(),
        contact.map(k -> k.contactName() == null || k.contactName().equalsIgnoreCase(k.counterpartyName()) ? null : k.contactName())
            .orElse(null));
  }

  /**
   * MixMonitor's file of an answered call where the configured pattern serves it (the file's path on
   * the PBX is no address for a browser); an http(s) address reported by the PBX as it is.
   */
  private String recordingUrl(PhoneCall c) {
    String pattern = properties.recordings();
    if (pattern != null && !pattern.isBlank()) {
      return c.getAnsweredAt() == null || !c.isOver() ? null : pattern.replace("{linkedid}", c.getCallKey());
    }
    return c.getRecording() != null && c.getRecording().matches("https?://.*") ? c.getRecording() : null;
  }
}
