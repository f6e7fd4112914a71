package ru.voronka.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.audit.Audit;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * TEL-11: a manager's plan for a week, month and year. The system makes it from the monthly
 * targets ({@code voronka.plans.monthly}) the first time anyone looks — a week is a twelfth of a
 * year's, a year twelve months' — and the manager or the РОП edits it by hand; plan against fact.
 */
@Service
@Transactional
@EnableConfigurationProperties(Plans.Targets.class)
public class Plans {

  @ConfigurationProperties("voronka.plans.monthly")
  public record Targets(Integer calls, Integer events, Integer deals, BigDecimal margin) {

    public Targets {
      calls = calls == null ? 300 : calls;
      events = events == null ? 80 : events;
      deals = deals == null ? 6 : deals;
      margin = margin == null ? new BigDecimal("600000") : margin;
    }
  }

  public record Plan(Period period, int calls, int events, int deals, BigDecimal margin, boolean edited) {}

  /** One figure, planned and done: {@code percent} of the plan reached. */
  public record Line(String label, String planned, String done, int percent, double plannedValue, double doneValue) {}

  private final JdbcTemplate jdbc;
  private final Targets targets;
  private final ManagerStatistics statistics;
  private final Audit audit;

  private final Clock clock;

  Plans(JdbcTemplate jdbc, Targets targets, ManagerStatistics statistics, Audit audit, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.targets = targets;
    this.statistics = statistics;
    this.audit = audit;
  }

  public Plan plan(Employee employee, Period period) {
    List<Plan> kept = jdbc.query("select calls, events, deals, margin, edited_by from employee_plan"
        + " where employee_id = ? and period_kind = ? and period_start = ?",
        (rs, i) -> new Plan(period, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5) != null),
        employee.getId(), period.kind().name(), Date.valueOf(period.start()));
    if (!kept.isEmpty()) {
      return kept.get(0);
    }
    Plan generated = generated(period);
    jdbc.update("insert into employee_plan (employee_id, period_kind, period_start, calls, events, deals, margin)"
        + " values (?, ?, ?, ?, ?, ?, ?)", employee.getId(), period.kind().name(), Date.valueOf(period.start()),
        generated.calls(), generated.events(), generated.deals(), generated.margin());
    return generated;
  }

  public void edit(Employee employee, Period period, int calls, int events, int deals, BigDecimal margin, Viewer viewer) {
    if (!viewer.leadsSales()) { // a plan is set for the manager, not by them
      throw new DomainException(Kind.FORBIDDEN, "План сотрудника меняет руководитель отдела продаж или администратор");
    }
    if (calls < 0 || events < 0 || deals < 0 || margin == null || margin.signum() < 0) {
      throw new DomainException(Kind.INVALID, "Цифры плана не могут быть отрицательными");
    }
    plan(employee, period); // made first, if nobody looked yet
    jdbc.update("update employee_plan set calls = ?, events = ?, deals = ?, margin = ?, edited_by = ?, edited_at = ?"
        + " where employee_id = ? and period_kind = ? and period_start = ?", calls, events, deals, margin, viewer.userId(),
        Timestamp.from(clock.instant()), employee.getId(), period.kind().name(), Date.valueOf(period.start()));
    audit.record(viewer.userId(), "PLAN_EDITED", "employee", employee.getId(), period.kind() + " " + period.start());
  }

  @Transactional
  public List<Line> againstFact(Employee employee, Period period) {
    Plan plan = plan(employee, period);
    var fact = statistics.figures(period.from(), period.to(), employee.getId()).stream().findFirst();
    long calls = fact.map(ManagerStatistics.Figures::calls).orElse(0L);
    long events = fact.map(ManagerStatistics.Figures::events).orElse(0L);
    long deals = fact.map(ManagerStatistics.Figures::deals).orElse(0L);
    BigDecimal margin = fact.map(ManagerStatistics.Figures::margin).orElse(BigDecimal.ZERO);
    return List.of(
        line("Звонки", plan.calls(), calls),
        line("События", plan.events(), events),
        line("Сделки", plan.deals(), deals),
        new Line("Маржа", RussianFormats.money(plan.margin()), RussianFormats.money(margin), percent(plan.margin(), margin),
            plan.margin().doubleValue(), margin.doubleValue()));
  }

  private Plan generated(Period period) {
    BigDecimal months = switch (period.kind()) {
      case WEEK -> new BigDecimal(12).divide(new BigDecimal(52), 6, RoundingMode.HALF_UP);
      case MONTH -> BigDecimal.ONE;
      case YEAR -> new BigDecimal(12);
    };
    return new Plan(period, scale(targets.calls(), months), scale(targets.events(), months), scale(targets.deals(), months),
        targets.margin().multiply(months).setScale(2, RoundingMode.HALF_UP), false);
  }

  private static int scale(int monthly, BigDecimal months) {
    return new BigDecimal(monthly).multiply(months).setScale(0, RoundingMode.HALF_UP).intValue();
  }

  private static Line line(String label, int planned, long done) {
    return new Line(label, String.valueOf(planned), String.valueOf(done), planned == 0 ? 100 : (int) (done * 100 / planned),
        planned, done);
  }

  private static int percent(BigDecimal planned, BigDecimal done) {
    return planned.signum() == 0 ? 100 : done.multiply(new BigDecimal(100)).divide(planned, 0, RoundingMode.DOWN).intValue();
  }
}
