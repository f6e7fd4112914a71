package ru.voronka.workspace;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.voronka.deals.DealBoard;
import ru.voronka.deals.FunnelConversion;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Employee;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The funnel as a board beside the desktop's list («Список / Канбан»), and the РОП's conversion report (issue 15). */
@Controller
class BoardController {

  private final DealBoard board;
  private final FunnelConversion conversion;
  private final Directory directory;
  private final java.time.Clock clock;

  BoardController(DealBoard board, FunnelConversion conversion, Directory directory, java.time.Clock clock) {
    this.board = board;
    this.conversion = conversion;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/deals/board")
  String board(@RequestParam(required = false) String responsible, @RequestParam(required = false) String q,
      Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    String who = viewer.seesAllDeals() && responsible != null && !responsible.isBlank() ? responsible : "";
    model.addAttribute("board", board.board(viewer, who, q));
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("responsible", who);
    model.addAttribute("seesAll", viewer.seesAllDeals());
    model.addAttribute("managers", viewer.seesAllDeals()
        ? directory.members(Group.MANAGERS).stream().map(e -> new Option(e.getUserId(), e.getFullName())).toList()
        : List.<Option>of());
    model.addAttribute("myName", directory.employee(viewer.userId()).map(Employee::getFullName).orElse(viewer.userId()));
    return "workspace/board";
  }

  @GetMapping("/stats/conversion")
  String conversion(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication auth,
      Model model) {
    if (!Viewers.of(auth).leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Отчёт о конверсии воронки доступен руководителю отдела продаж");
    }
    LocalDate today = LocalDate.now(clock.withZone(RussianFormats.MOSCOW));
    LocalDate start = from == null ? today.minusMonths(2).withDayOfMonth(1) : from;
    LocalDate end = to == null ? today : to;
    if (end.isBefore(start)) {
      throw new DomainException(Kind.INVALID, "Начало периода позже его конца");
    }
    var report = conversion.report(start.atStartOfDay(RussianFormats.MOSCOW).toInstant(),
        end.plusDays(1).atStartOfDay(RussianFormats.MOSCOW).toInstant());
    model.addAttribute("report", report);
    model.addAttribute("from", start.toString());
    model.addAttribute("to", end.toString());
    model.addAttribute("period", RussianFormats.date(start) + " — " + RussianFormats.date(end));
    long first = report.steps().isEmpty() ? 0 : report.steps().get(0).reached();
    model.addAttribute("scale", Math.max(1, first));
    return "workspace/conversion";
  }
}
