package ru.voronka.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.DealBoard;
import ru.voronka.deals.FunnelConversion;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** The board and the conversion report through the API (issue 15), with the pages' rules. */
@Tag(name = "Воронка", description = "Канбан воронки «Продажа» и отчёт о конверсии для РОП")
@RestController
class FunnelReportsController {

  private final DealBoard board;
  private final FunnelConversion conversion;
  private final Clock clock;

  FunnelReportsController(DealBoard board, FunnelConversion conversion, Clock clock) {
    this.board = board;
    this.conversion = conversion;
    this.clock = clock;
  }

  @Operation(summary = "Канбан: по колонке на стадию — число сделок, сумма, последние сделки",
      description = "Менеджер видит свои сделки и новые заявки без ответственного; РОП — все (responsible — логин менеджера).")
  @GetMapping("/api/deals/board")
  DealBoard.Board board(@RequestParam(required = false) String responsible, @RequestParam(required = false) String q,
      Authentication auth) {
    return board.board(Viewers.of(auth), responsible, q);
  }

  @Operation(summary = "Конверсия воронки по стадиям и менеджерам для сделок, созданных в периоде (только РОП)")
  @GetMapping("/api/reports/conversion")
  FunnelConversion.Report conversion(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    if (!viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Отчёт о конверсии воронки доступен руководителю отдела продаж");
    }
    LocalDate today = LocalDate.now(clock.withZone(RussianFormats.MOSCOW));
    LocalDate start = from == null ? today.minusMonths(2).withDayOfMonth(1) : from;
    LocalDate end = to == null ? today : to;
    if (end.isBefore(start)) {
      throw new DomainException(Kind.INVALID, "Начало периода позже его конца");
    }
    return conversion.report(start.atStartOfDay(RussianFormats.MOSCOW).toInstant(),
        end.plusDays(1).atStartOfDay(RussianFormats.MOSCOW).toInstant());
  }
}
