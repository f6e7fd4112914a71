package ru.voronka.telephony;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.voronka.directory.DeskAssigned;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.EmployeeHired;
import ru.voronka.directory.Group;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.Refreshed;
import ru.voronka.platform.RussianFormats;

/**
 * TEL-5, TEL-7: who an incoming call rings, in order. The policy is the DMN table «Кому звонит
 * входящий звонок» ({@code dmn/call-routing.dmn}); this class supplies its facts — is the number a
 * client's, is their responsible free — and the ranking of managers by last week's margin revenue.
 */
@Service
public class CallRouting {

  public record Target(String dial, String extension, String userId, String label) {

    static Target desk(Employee e) {
      return desk(e.getUserId(), e.getFullName(), e.getExtension());
    }

    static Target desk(String userId, String fullName, String extension) {
      return new Target("PJSIP/" + extension, extension, userId, fullName + " (доб. " + extension + ")");
    }

    static Target mobile(Employee e, String trunk) {
      String digits = e.getMobilePhone().replaceAll("\\D", "");
      return new Target("PJSIP/" + digits + "@" + trunk, null, e.getUserId(), e.getFullName() + " (мобильный " + e.getMobilePhone() + ")");
    }

    /**
     * The mobile a Dial string rings: {@code PJSIP/79161002001@gsm-mts} (a target) or
     * {@code 79161002001@gsm-mts} (the {@code DialString} of Asterisk's DialBegin) → +79161002001.
     */
    static Optional<String> mobileOf(String dial) {
      java.util.regex.Matcher m = dial == null ? null : MOBILE_DIAL.matcher(dial);
      return m != null && m.matches() ? Optional.of("+" + m.group(1)) : Optional.empty();
    }

    private static final java.util.regex.Pattern MOBILE_DIAL = java.util.regex.Pattern.compile("(?:PJSIP/)?([0-9]{10,15})@[A-Za-z0-9_.-]+");
  }

  public record Route(List<Target> targets, int ringSeconds, String rule) {

    /** For the journal: «Свой менеджер, затем очередь: Петров Алексей (доб. 101) → …», at most 500 characters. */
    public String summary() {
      String why = switch (rule) {
        case "RESPONSIBLE_THEN_RANKING" -> "Свой менеджер, затем очередь";
        case "RANKING" -> "Очередь новых клиентов";
        case "MOBILES" -> "Вне рабочего времени — на мобильные";
        default -> rule;
      };
      String whom = targets.isEmpty() ? "звонить некому"
          : targets.stream().map(Target::label).collect(Collectors.joining(" → "));
      String summary = why + ": " + whom;
      return summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
    }
  }

  public record Ranked(String userId, String fullName, String extension, BigDecimal margin) {}

  private final Directory directory;
  private final RoutingTable table;
  private final JdbcTemplate jdbc;
  private final TelephonyProperties properties;
  private final org.springframework.beans.factory.ObjectProvider<Pbx> pbx; // lazily: the simulator asks routing in turn

  private final Clock clock;

  CallRouting(Directory directory, RoutingTable table, JdbcTemplate jdbc, TelephonyProperties properties,
      org.springframework.beans.factory.ObjectProvider<Pbx> pbx, Clock clock) {
    this.clock = clock;
    this.pbx = pbx;
    this.busy = new Refreshed<>(java.time.Duration.ofSeconds(1), () -> Set.copyOf(jdbc.queryForList(
        "select extension from phone_call where state in ('RINGING', 'ANSWERED') and extension is not null", String.class)));
    this.directory = directory;
    this.table = table;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public Route route(String callerNumber) {
    Optional<Target> responsible = responsibleDesk(callerNumber);
    Set<String> busy = busyExtensions();
    Pbx phones = pbx.getIfAvailable();
    boolean responsibleFree = responsible.map(desk -> !busy.contains(desk.extension())
        && (phones == null || phones.isReachable(desk.extension()))).orElse(false);
    var result = table.evaluate(Variables.createVariables()
        .putValue("knownClient", responsible.isPresent()).putValue("responsibleFree", responsibleFree)
        .putValue("workingHours", properties.officeOpen(ZonedDateTime.now(clock))));
    String rule = result.getEntry("route");
    int ring = ((Number) result.getEntry("ringSeconds")).intValue();
    int desks = ((Number) result.getEntry("desks")).intValue();
    int mobiles = ((Number) result.getEntry("mobiles")).intValue();
    List<Target> targets = new ArrayList<>();
    if ("RESPONSIBLE_THEN_RANKING".equals(rule)) {
      targets.add(responsible.get());
    }
    Week week = week();
    if (!"MOBILES".equals(rule)) {
      week.ranked().stream().filter(e -> PbxArguments.isExtension(e.getExtension()) && !busy.contains(e.getExtension()))
          .filter(e -> phones == null || phones.isReachable(e.getExtension()))
          .filter(e -> targets.stream().noneMatch(t -> e.getExtension().equals(t.extension())))
          .limit(Math.max(0, desks - targets.size()))
          .forEach(e -> targets.add(Target.desk(e)));
    }
    // TEL-7 with TEL-5: out of hours a known client's call rings their own manager's mobile first.
    List<Employee> mobileOrder = new ArrayList<>();
    responsible.flatMap(desk -> directory.employee(desk.userId())).filter(e -> e.isActive() && e.getMobilePhone() != null)
        .ifPresent(mobileOrder::add);
    week.ranked().stream().filter(e -> e.getMobilePhone() != null && !mobileOrder.contains(e)).forEach(mobileOrder::add);
    mobileOrder.stream().limit(mobiles).forEach(e -> targets.add(Target.mobile(e, properties.trunkFor(e.getMobileCarrier()))));
    return new Route(targets, ring, rule);
  }

  /** The week's ranking, kept for the week (TEL-7: recomputed weekly) and re-read at most every few minutes for new staff. */
  private record Week(LocalDate monday, long readAt, List<Ranked> ranking, List<Employee> ranked) {}

  private static final Week NO_WEEK = new Week(LocalDate.MIN, 0, List.of(), List.of());
  private volatile Week week = NO_WEEK;

  private Week week() {
    Week current = week;
    LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (!current.monday().equals(monday) || System.nanoTime() - current.readAt() > java.time.Duration.ofMinutes(5).toNanos()) {
      List<Employee> managers = managers();
      List<Ranked> ranking = rank(managers, monday);
      Map<String, Employee> byUser = managers.stream().collect(Collectors.toMap(Employee::getUserId, e -> e));
      current = new Week(monday, System.nanoTime(), ranking, ranking.stream().map(r -> byUser.get(r.userId())).toList());
      week = current;
    }
    return current;
  }

  /** A new manager or desk joins the queue at once, not when the week's ranking is next re-read. */
  @TransactionalEventListener(fallbackExecution = true)
  public void staffChanged(EmployeeHired event) {
    week = NO_WEEK;
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void staffChanged(DeskAssigned event) {
    week = NO_WEEK;
  }

  /**
   * The managers by last week's (Monday to Sunday, Moscow) margin of won deals, best first;
   * managers without a won deal follow by name. Kept for the week: the figure only changes when
   * the week does (re-read every few minutes and when staff or desks change, for the names and desks).
   */
  public List<Ranked> ranking() {
    return week().ranking();
  }

  private List<Ranked> rank(List<Employee> managers, LocalDate monday) {
    Instant from = monday.minusWeeks(1).atStartOfDay(RussianFormats.MOSCOW).toInstant();
    Instant to = monday.atStartOfDay(RussianFormats.MOSCOW).toInstant();
    Map<Long, BigDecimal> margins = new HashMap<>();
    jdbc.query("select responsible_id, coalesce(sum(margin), 0) from deal where status = 'WON' and closed_at >= ? and closed_at < ?"
        + " and responsible_id is not null group by responsible_id",
        rs -> {
          margins.put(rs.getLong(1), rs.getBigDecimal(2));
        }, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
    return managers.stream()
        .map(e -> new Ranked(e.getUserId(), e.getFullName(), e.getExtension(), margins.getOrDefault(e.getId(), BigDecimal.ZERO)))
        .sorted(Comparator.comparing(Ranked::margin).reversed().thenComparing(Ranked::fullName)).toList();
  }

  private List<Employee> managers() {
    return directory.members(Group.MANAGERS).stream().filter(Employee::isActive).toList();
  }

  /** Desks on a call: read from the journal at most once a second — a routing question comes with every ringing call. */
  private final Refreshed<Set<String>> busy;

  private Set<String> busyExtensions() {
    return busy.get();
  }

  /**
   * The desk of the counterparty card's responsible, else of the responsible of the client's latest
   * open deal — if that employee is active and has a desk. One query: it is asked while the call rings.
   */
  private Optional<Target> responsibleDesk(String number) {
    String e164 = PhoneNumbers.normalize(number);
    if (e164 == null) {
      return Optional.empty();
    }
    return jdbc.query("""
        select e.user_id, e.full_name, e.extension from (
          select coalesce(cp.responsible_id, (select d.responsible_id from deal d where d.counterparty_id = cp.id
              and d.status = 'OPEN' and d.responsible_id is not null order by d.updated_at desc limit 1)) as responsible_id
          from counterparty cp join contact c on c.counterparty_id = cp.id join contact_phone p on p.contact_id = c.id
          where p.number = ? order by cp.id limit 1) known
        join employee e on e.id = known.responsible_id
        where e.active = true and e.extension is not null""",
        (rs, n) -> Target.desk(rs.getString(1), rs.getString(2), rs.getString(3)), e164).stream()
        .filter(desk -> PbxArguments.isExtension(desk.extension())).findFirst();
  }
}
