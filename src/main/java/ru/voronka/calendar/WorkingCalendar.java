package ru.voronka.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Russian production calendar (FUN-4: "+2 рабочих дня", not +48 hours). A day is working when
 * it is Monday to Friday, unless {@code working_calendar_day} says otherwise.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendar {

  /** The longest run of days off in Russia is the New Year holidays; a month covers any search. */
  private static final int LOOKAHEAD_DAYS = 31;

  private final CalendarDayRepository days;

  WorkingCalendar(CalendarDayRepository days) {
    this.days = days;
  }

  public boolean isWorkingDay(LocalDate date) {
    return days.findById(date).map(CalendarDay::isWorking).orElseGet(() -> isWeekday(date));
  }

  /** The n-th working day after {@code from} ({@code from} itself does not count). */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate date = from;
    int left = n;
    Map<LocalDate, Boolean> exceptions = exceptions(from, from.plusDays(LOOKAHEAD_DAYS + 2L * n));
    while (left > 0) {
      date = date.plusDays(1);
      if (working(date, exceptions)) {
        left--;
      }
    }
    return date;
  }

  /** Working days from {@code from} to {@code to}, both included, with one query. */
  public int countWorkingDays(LocalDate from, LocalDate to) {
    Map<LocalDate, Boolean> exceptions = exceptions(from, to);
    int count = 0;
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      if (working(date, exceptions)) {
        count++;
      }
    }
    return count;
  }

  public LocalDate nextWorkingDayOnOrAfter(LocalDate from) {
    Map<LocalDate, Boolean> exceptions = exceptions(from, from.plusDays(LOOKAHEAD_DAYS));
    LocalDate date = from;
    while (!working(date, exceptions)) {
      date = date.plusDays(1);
    }
    return date;
  }

  private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate to) {
    return days.findByDayBetweenOrderByDay(from, to).stream()
        .collect(Collectors.toMap(CalendarDay::getDay, CalendarDay::isWorking));
  }

  private static boolean working(LocalDate date, Map<LocalDate, Boolean> exceptions) {
    Boolean exception = exceptions.get(date);
    return exception != null ? exception : isWeekday(date);
  }

  static boolean isWeekday(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

}
