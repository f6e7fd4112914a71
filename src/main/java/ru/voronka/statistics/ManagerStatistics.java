package ru.voronka.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;

/**
 * TEL-3: every manager's figures for a period — sales (won deals and their margin), incoming and
 * outgoing calls, missed calls, events and the missed ones (still open after their time), messages
 * to clients, completed tasks — counted straight from the journal, the deals, the chats and
 * Camunda's history.
 */
@Service
@Transactional(readOnly = true)
public class ManagerStatistics {

  public record Figures(long employeeId, String userId, String fullName, long deals, BigDecimal margin, long incoming,
      long outgoing, long missedCalls, long events, long missedEvents, long messages, long tasks) {

    public long calls() {
      return incoming + outgoing;
    }

    public String marginText() {
      return RussianFormats.money(margin);
    }
  }

  /** One day of a manager's calls, for the home screen's chart. */
  public record Day(String label, long incoming, long outgoing, long missed) {}

  private final JdbcTemplate jdbc;
  private final Directory directory;

  private final Clock clock;

  ManagerStatistics(JdbcTemplate jdbc, Directory directory, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.directory = directory;
  }

  public List<Employee> managers() {
    return directory.members(Group.MANAGERS).stream().filter(Employee::isActive)
        .sorted(java.util.Comparator.comparing(Employee::getFullName)).toList();
  }

  /** The figures of every manager (or of one, {@code employeeId}) from {@code from} to {@code to} (exclusive). */
  public List<Figures> figures(Instant from, Instant to, Long employeeId) {
    Timestamp a = Timestamp.from(from);
    Timestamp b = Timestamp.from(to);
    Map<Long, long[]> calls = new HashMap<>();
    // a click-to-call whose desk never picked up is no call with a client (FAILED)
    jdbc.query("select employee_id, direction, state, count(*) from phone_call where started_at >= ? and started_at < ?"
        + " and employee_id is not null and state <> 'FAILED' group by employee_id, direction, state", rs -> {
          long[] c = calls.computeIfAbsent(rs.getLong(1), k -> new long[3]);
          long n = rs.getLong(4);
          c["INCOMING".equals(rs.getString(2)) ? 0 : 1] += n;
          if ("MISSED".equals(rs.getString(3))) {
            c[2] += n;
          }
        }, a, b);
    Map<Long, long[]> events = new HashMap<>();
    jdbc.query("select employee_id, count(*), sum(case when status in ('OPEN', 'IN_PROGRESS') and due_at < ? then 1 else 0 end)"
        + " from client_event where due_at >= ? and due_at < ? group by employee_id",
        rs -> {
          events.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, Timestamp.from(clock.instant()), a, b);
    Map<Long, Object[]> sales = new HashMap<>();
    jdbc.query("select responsible_id, count(*), coalesce(sum(margin), 0) from deal where status = 'WON'"
        + " and closed_at >= ? and closed_at < ? and responsible_id is not null group by responsible_id",
        rs -> {
          sales.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
        }, a, b);
    Map<Long, Long> messages = new HashMap<>();
    jdbc.query("select m.author_employee_id, count(*) from chat_message m join chat c on c.id = m.chat_id"
        + " where c.kind = 'DEAL_CLIENT' and m.direction = 'OUTGOING' and m.channel <> 'PHONE' and m.created_at >= ?"
        + " and m.created_at < ? and m.author_employee_id is not null group by m.author_employee_id",
        rs -> {
          messages.put(rs.getLong(1), rs.getLong(2));
        }, a, b);
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query("select ASSIGNEE_, count(*) from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ?"
        + " and ASSIGNEE_ is not null group by ASSIGNEE_", rs -> {
          tasks.put(rs.getString(1), rs.getLong(2));
        }, a, b);
    List<Figures> rows = new ArrayList<>();
    for (Employee e : managers()) {
      if (employeeId != null && !employeeId.equals(e.getId())) {
        continue;
      }
      long[] c = calls.getOrDefault(e.getId(), new long[3]);
      long[] ev = events.getOrDefault(e.getId(), new long[2]);
      Object[] s = sales.getOrDefault(e.getId(), new Object[] {0L, BigDecimal.ZERO});
      rows.add(new Figures(e.getId(), e.getUserId(), e.getFullName(), (Long) s[0], (BigDecimal) s[1], c[0], c[1], c[2],
          ev[0], ev[1], messages.getOrDefault(e.getId(), 0L), tasks.getOrDefault(e.getUserId(), 0L)));
    }
    return rows;
  }

  /** The last {@code days} days of one manager's calls, oldest first. */
  public List<Day> callsByDay(long employeeId, int days) {
    LocalDate today = LocalDate.now(clock);
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      byDay.put(d, new long[3]);
    }
    jdbc.query("select started_at, direction, state from phone_call where employee_id = ? and started_at >= ?"
        + " and state <> 'FAILED'", rs -> {
      LocalDate day = rs.getTimestamp(1).toInstant().atZone(RussianFormats.MOSCOW).toLocalDate();
      long[] c = byDay.get(day);
      if (c != null) {
        c["INCOMING".equals(rs.getString(2)) ? 0 : 1]++;
        if ("MISSED".equals(rs.getString(3))) {
          c[2]++;
        }
      }
    }, employeeId, Timestamp.from(first.atStartOfDay(RussianFormats.MOSCOW).toInstant()));
    List<Day> result = new ArrayList<>();
    byDay.forEach((d, c) -> result.add(new Day("%02d.%02d".formatted(d.getDayOfMonth(), d.getMonthValue()), c[0], c[1], c[2])));
    return result;
  }
}
