package ru.voronka.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.CurrentActor;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

@Tag(name = "Производственный календарь", description = "Рабочие дни для сроков сделок")
@RestController
class CalendarController {

  private static final Logger audit = LoggerFactory.getLogger("ru.voronka.audit");
  private static final Locale RU = Locale.forLanguageTag("ru");

  private final CalendarDayRepository days;
  private final WorkingCalendar calendar;
  private final CurrentActor actor;

  CalendarController(CalendarDayRepository days, WorkingCalendar calendar, CurrentActor actor) {
    this.days = days;
    this.calendar = calendar;
    this.actor = actor;
  }

  record DayView(LocalDate day, String dayText, boolean working, String note) {
    static DayView of(CalendarDay d) {
      return new DayView(d.getDay(), RussianFormats.date(d.getDay()), d.isWorking(), d.getNote());
    }
  }

  record MonthView(int month, String name, int workingDays) {}

  record YearView(int year, int workingDays, List<MonthView> months, List<DayView> exceptions) {}

  record DayChange(@NotNull(message = "Укажите, рабочий ли день") Boolean working,
      @NotBlank(message = "Укажите основание: праздник, перенос или постановление")
      @Size(max = 200, message = "Основание — не длиннее 200 символов") String note) {}

  @Operation(summary = "Производственный календарь года: рабочие дни по месяцам и все исключения из пятидневки")
  @GetMapping("/api/calendar/{year}")
  @Transactional(readOnly = true)
  YearView year(@PathVariable int year) {
    if (year < 2000 || year > 2100) {
      throw new DomainException(Kind.INVALID, "Год должен быть между 2000 и 2100");
    }
    List<MonthView> months = new ArrayList<>();
    int total = 0;
    for (Month month : Month.values()) {
      // A query per month; isWorkingDay day by day would cost 365 queries per request.
      LocalDate first = LocalDate.of(year, month, 1);
      int working = calendar.countWorkingDays(first, first.withDayOfMonth(first.lengthOfMonth()));
      total += working;
      months.add(new MonthView(month.getValue(), month.getDisplayName(TextStyle.FULL_STANDALONE, RU), working));
    }
    List<DayView> exceptions = days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .stream().map(DayView::of).toList();
    return new YearView(year, total, months, exceptions);
  }

  @Operation(summary = "Отметить день рабочим или выходным (только администратор; записывается в журнал аудита)")
  @PutMapping("/api/calendar/days/{date}")
  @PreAuthorize("hasRole('CAMUNDA_ADMIN')")
  @Transactional
  DayView change(@PathVariable LocalDate date, @Valid @RequestBody DayChange change) {
    CalendarDay day = days.findById(date).orElse(null);
    if (day == null) {
      day = days.save(new CalendarDay(date, change.working(), change.note()));
    } else {
      day.change(change.working(), change.note());
    }
    audit.info("calendar day {} set {} by {}: {}", date, change.working() ? "working" : "day off", actor.userId(),
        change.note());
    return DayView.of(day);
  }
}
