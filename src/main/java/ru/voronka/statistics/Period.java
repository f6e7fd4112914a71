package ru.voronka.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import ru.voronka.platform.RussianFormats;

/** A plan's period: the week (from Monday), the month or the year that contains a day, Moscow time. */
public record Period(Kind kind, LocalDate start) {

  public enum Kind {
    WEEK("Неделя"), MONTH("Месяц"), YEAR("Год");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  public static Period of(Kind kind, LocalDate day) {
    return new Period(kind, switch (kind) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    });
  }

  public LocalDate end() {
    return switch (kind) {
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case YEAR -> start.plusYears(1);
    };
  }

  public Instant from() {
    return start.atStartOfDay(RussianFormats.MOSCOW).toInstant();
  }

  public Instant to() {
    return end().atStartOfDay(RussianFormats.MOSCOW).toInstant();
  }

  public String title() {
    return switch (kind) {
      case WEEK -> "неделя с " + RussianFormats.date(start);
      case MONTH -> start.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, java.util.Locale.forLanguageTag("ru-RU")) + " "
          + start.getYear();
      case YEAR -> start.getYear() + " год";
    };
  }
}
