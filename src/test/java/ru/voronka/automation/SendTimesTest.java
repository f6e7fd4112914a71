package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.voronka.calendar.Calendars;
import ru.voronka.platform.RussianFormats;
import ru.voronka.support.TestClock;

/** When a run fires: entry plus delay; «только в рабочее время» by the production calendar, Moscow time. */
class SendTimesTest {

  SendTimes times = new SendTimes(Calendars.migrated(), "09:00-18:00", TestClock.INSTANCE);

  static Instant moscow(String local) {
    return LocalDateTime.parse(local).atZone(RussianFormats.MOSCOW).toInstant();
  }

  @Test
  @DisplayName("SWA-TIME-3")
  void inWorkingHoursOnly_anEveningOrAWeekendMovesToTheNextOpening_aHolidayToo() {
    // Friday 04.12.2026 17:30 + 1 hour = 18:30, after closing: Monday 07.12 at 09:00
    assertThat(times.due(moscow("2026-12-04T17:30:00"), Duration.ofHours(1), true)).isEqualTo(moscow("2026-12-07T09:00:00"));
    // Saturday: Monday 09:00
    assertThat(times.due(moscow("2026-12-05T11:00:00"), Duration.ZERO, true)).isEqualTo(moscow("2026-12-07T09:00:00"));
    // Wednesday 30.12.2026 19:00: 31.12 and the New Year holidays are off — Monday 11.01.2027
    assertThat(times.due(moscow("2026-12-30T19:00:00"), Duration.ZERO, true)).isEqualTo(moscow("2027-01-11T09:00:00"));
    // early morning of a working day: the same day's opening
    assertThat(times.due(moscow("2026-12-08T06:15:00"), Duration.ZERO, true)).isEqualTo(moscow("2026-12-08T09:00:00"));
  }

  @Test
  @DisplayName("SWA-TIME-4")
  void withinWorkingHoursOrWithoutTheOption_theDelayIsKeptToTheMinute() {
    assertThat(times.due(moscow("2026-12-08T10:00:00"), Duration.ofMinutes(90), true)).isEqualTo(moscow("2026-12-08T11:30:00"));
    assertThat(times.due(moscow("2026-12-05T23:00:00"), Duration.ofDays(3), false)).isEqualTo(moscow("2026-12-08T23:00:00"));
  }
}
