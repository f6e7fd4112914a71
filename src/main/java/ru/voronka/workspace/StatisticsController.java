package ru.voronka.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;
import ru.voronka.statistics.ManagerStatistics;
import ru.voronka.statistics.Period;
import ru.voronka.statistics.Plans;

/** TEL-3 statistics per manager and period, TEL-11 plans against fact — tables and charts. */
@Controller
class StatisticsController {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManagerStatistics statistics;
  private final Plans plans;
  private final Directory directory;
  private final ru.voronka.telephony.CallRouting routing;

  private final Clock clock;

  StatisticsController(ManagerStatistics statistics, Plans plans, Directory directory, ru.voronka.telephony.CallRouting routing, Clock clock) {
    this.clock = clock;
    this.routing = routing;
    this.statistics = statistics;
    this.plans = plans;
    this.directory = directory;
  }

  @GetMapping("/stats")
  String stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long manager, Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    LocalDate today = LocalDate.now(clock);
    LocalDate start = from == null ? today.withDayOfMonth(1) : from;
    LocalDate end = to == null ? today : to;
    if (end.isBefore(start)) {
      throw new DomainException(Kind.INVALID, "Начало периода позже его конца");
    }
    Long only = viewer.leadsSales() ? manager : directory.employee(viewer.userId()).map(Employee::getId).orElse(-1L);
    var rows = statistics.figures(start.atStartOfDay(RussianFormats.MOSCOW).toInstant(),
        end.plusDays(1).atStartOfDay(RussianFormats.MOSCOW).toInstant(), only);
    model.addAttribute("rows", rows);
    model.addAttribute("from", start.toString());
    model.addAttribute("to", end.toString());
    model.addAttribute("manager", manager == null ? "" : manager.toString());
    model.addAttribute("leads", viewer.leadsSales());
    model.addAttribute("managers", viewer.leadsSales() ? statistics.managers() : List.of());
    // TEL-7: the order in which new clients' calls ring, by last week's margin — the РОП sees it.
    model.addAttribute("ranking", viewer.leadsSales() ? routing.ranking() : List.of());
    model.addAttribute("chart", json(Map.of("type", "bar", "empty", "За этот период звонков и пропущенных событий нет.",
        "labels", rows.stream().map(ManagerStatistics.Figures::fullName).toList(),
        "datasets", List.of(
            Map.of("label", "Входящие", "data", rows.stream().map(ManagerStatistics.Figures::incoming).toList()),
            Map.of("label", "Исходящие", "data", rows.stream().map(ManagerStatistics.Figures::outgoing).toList()),
            Map.of("label", "Пропущенные звонки", "data", rows.stream().map(ManagerStatistics.Figures::missedCalls).toList()),
            Map.of("label", "Пропущенные события", "data", rows.stream().map(ManagerStatistics.Figures::missedEvents).toList())))));
    return "workspace/stats";
  }

  @GetMapping("/plans")
  String plans(@RequestParam(defaultValue = "WEEK") Period.Kind kind, @RequestParam(required = false) Long manager,
      Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    Employee employee = whose(manager, viewer);
    Period period = Period.of(kind, LocalDate.now(clock));
    var lines = plans.againstFact(employee, period);
    model.addAttribute("employee", employee.getFullName());
    model.addAttribute("employeeId", employee.getId());
    model.addAttribute("kind", kind.name());
    model.addAttribute("kinds", Period.Kind.values());
    model.addAttribute("period", period.title());
    model.addAttribute("lines", lines);
    model.addAttribute("plan", plans.plan(employee, period));
    model.addAttribute("leads", viewer.leadsSales());
    model.addAttribute("managers", viewer.leadsSales() ? statistics.managers() : List.of());
    model.addAttribute("chart", planChart(lines));
    return "workspace/plans";
  }

  @PostMapping("/plans")
  String editPlan(@RequestParam Period.Kind kind, @RequestParam Long manager, @RequestParam int calls, @RequestParam int events,
      @RequestParam int deals, @RequestParam BigDecimal margin, Authentication auth, RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    Employee employee = whose(manager, viewer);
    plans.edit(employee, Period.of(kind, LocalDate.now(clock)), calls, events, deals, margin, viewer);
    redirect.addFlashAttribute("saved", "План сохранён");
    return "redirect:/plans?kind=" + kind + "&manager=" + employee.getId();
  }

  /** The manager's home-screen card: calls of the last seven days and this week's plan, as charts. */
  @GetMapping("/home/figures")
  String homeFigures(Authentication auth, Model model) {
    var me = directory.employee(auth.getName());
    if (me.isEmpty()) {
      return "workspace/fragments/home-figures";
    }
    var days = statistics.callsByDay(me.get().getId(), 7);
    model.addAttribute("callsChart", json(Map.of("type", "bar",
        "empty", "Звонков за 7 дней не было: они появятся здесь после первого звонка.",
        "labels", days.stream().map(ManagerStatistics.Day::label).toList(),
        "datasets", List.of(
            Map.of("label", "Входящие", "data", days.stream().map(ManagerStatistics.Day::incoming).toList()),
            Map.of("label", "Исходящие", "data", days.stream().map(ManagerStatistics.Day::outgoing).toList()),
            Map.of("label", "Пропущенные", "data", days.stream().map(ManagerStatistics.Day::missed).toList())))));
    var lines = plans.againstFact(me.get(), Period.of(Period.Kind.WEEK, LocalDate.now(clock)));
    model.addAttribute("planChart", planChart(lines));
    model.addAttribute("lines", lines);
    return "workspace/fragments/home-figures";
  }

  /** The percent-of-plan bars: one chart for figures of different units. */
  static String planChart(List<Plans.Line> lines) {
    return json(Map.of("type", "bar", "indexAxis", "y", "max", 100,
        "labels", lines.stream().map(Plans.Line::label).toList(),
        "datasets", List.of(Map.of("label", "% плана", "data", lines.stream().map(l -> Math.min(l.percent(), 150)).toList()))));
  }

  private Employee whose(Long manager, Viewer viewer) {
    if (manager != null && viewer.leadsSales()) {
      return statistics.managers().stream().filter(e -> e.getId().equals(manager)).findFirst()
          .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Нет такого менеджера"));
    }
    return directory.employee(viewer.userId())
        .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Планы есть у сотрудников; у вашей учётной записи нет карточки"));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
