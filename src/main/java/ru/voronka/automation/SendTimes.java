package ru.voronka.automation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.voronka.calendar.WorkingCalendar;
import ru.voronka.platform.RussianFormats;

/**
 * When a run fires: the stage entry plus the action's delay; «только в рабочее время» moves a time
 * outside working hours of a working day (the production calendar, Moscow) to the next opening.
 */
@Component
public class SendTimes {

  private final WorkingCalendar calendar;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Clock clock;

  SendTimes(WorkingCalendar calendar, @Value("${voronka.automation.working-hours:09:00-18:00}") String hours, Clock clock) {
    this.calendar = calendar;
    String[] parts = hours.split("-");
    this.opens = LocalTime.parse(parts[0].strip());
    this.closes = LocalTime.parse(parts[1].strip());
    this.clock = clock;
  }

  public Instant due(Instant enteredAt, Duration delay, boolean workingHoursOnly) {
    Instant at = enteredAt.plus(delay);
    return workingHoursOnly ? nextWorkingMoment(at) : at;
  }

  /** The moment itself when it is within working hours of a working day, else the next opening. */
  Instant nextWorkingMoment(Instant at) {
    ZonedDateTime t = at.atZone(RussianFormats.MOSCOW);
    LocalDate day = t.toLocalDate();
    boolean working = calendar.isWorkingDay(day);
    if (working && !t.toLocalTime().isBefore(opens) && t.toLocalTime().isBefore(closes)) {
      return at;
    }
    LocalDate opening = working && t.toLocalTime().isBefore(opens) ? day : calendar.nextWorkingDayOnOrAfter(day.plusDays(1));
    return opening.atTime(opens).atZone(RussianFormats.MOSCOW).toInstant();
  }

  public Instant now() {
    return clock.instant();
  }
}
