package ru.voronka.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The calendar over the data of the Flyway migrations, checked against the official production
 * calendars: 2025 — Постановление № 1335 от 04.10.2024, 2026 — № 1466 от 24.09.2025.
 */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = new WorkingCalendar(CalendarData.repository());

  @Test
  void a_friday_plus_two_working_days_is_the_tuesday() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 3), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void the_new_year_holidays_2026_last_from_31_december_to_11_january() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 29), 2)).isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 30), 2)).isEqualTo(LocalDate.of(2026, 1, 13));
  }

  @Test
  void defender_of_the_fatherland_day_and_the_transferred_8_march_2026_are_days_off() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 20), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    // 8 March 2026 is a Sunday: the day off moves to Monday 9 March.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
  }

  @Test
  void saturday_1_november_2025_is_worked_for_monday_3_november() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 10, 31), 1)).isEqualTo(LocalDate.of(2025, 11, 1));
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 10, 31), 2)).isEqualTo(LocalDate.of(2025, 11, 5));
    assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2025, 11, 1))).isEqualTo(LocalDate.of(2025, 11, 1));
  }

  @Test
  void the_next_working_day_after_a_holiday_is_found_and_a_working_day_is_its_own() {
    assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2025, 11, 2))).isEqualTo(LocalDate.of(2025, 11, 5));
    assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2026, 5, 9))).isEqualTo(LocalDate.of(2026, 5, 12));
    assertThat(calendar.nextWorkingDayOnOrAfter(LocalDate.of(2026, 4, 7))).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void zero_working_days_leave_the_date_as_it_is_even_on_a_holiday() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 1), 0)).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 7), 0)).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 4, 7), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_2025_calendar_has_247_working_days_month_by_month_as_published() {
    assertThat(workingDaysByMonth(2025)).containsExactly(17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22);
    assertThat(calendar.countWorkingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEqualTo(247);
    // The same through the day-by-day path: the 247th working day of 2025 is 30 December.
    assertThat(calendar.addWorkingDays(LocalDate.of(2024, 12, 31), 247)).isEqualTo(LocalDate.of(2025, 12, 30));
  }

  @Test
  void the_2026_calendar_has_247_working_days_month_by_month_as_published() {
    assertThat(workingDaysByMonth(2026)).containsExactly(15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22);
    assertThat(calendar.countWorkingDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo(247);
    assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 247)).isEqualTo(LocalDate.of(2026, 12, 30));
  }

  @Test
  void is_working_day_agrees_with_the_count() {
    long byDay = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).filter(calendar::isWorkingDay).count();
    assertThat(byDay).isEqualTo(247);
  }

  private int[] workingDaysByMonth(int year) {
    return IntStream.rangeClosed(1, 12).map(month -> {
      YearMonth ym = YearMonth.of(year, month);
      return calendar.countWorkingDays(ym.atDay(1), ym.atEndOfMonth());
    }).toArray();
  }
}
