package ru.voronka.support;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.joda.time.DateTimeUtils;
import ru.voronka.platform.RussianFormats;

/**
 * The tests' clock: one per JVM, shared by every application context (it replaces the Clock bean,
 * see {@link TestClockContextCustomizerFactory}) and by the Camunda engines of the process tests.
 * It runs like a real clock — timeouts, retries and "three seconds on screen" still pass — from the
 * instant given by {@code -Dvoronka.test-clock=2026-12-04T21:00:00+03:00}, or from now. A test that
 * needs a time of day moves the clock there; it only ever moves forward, as time does.
 */
public final class TestClock extends Clock {

  public static final String PROPERTY = "voronka.test-clock";
  public static final TestClock INSTANCE = new TestClock();

  private volatile Duration offset;

  private TestClock() {
    String start = System.getProperty(PROPERTY);
    offset = start == null || start.isBlank() ? Duration.ZERO
        : Duration.between(Instant.now(), OffsetDateTime.parse(start.strip()).toInstant());
    if (!offset.isZero()) {
      System.out.println("Test clock starts at " + ZonedDateTime.now(this) + " (" + PROPERTY + ")");
    }
  }

  /** The engine asks Joda-Time for the time (Camunda's ClockUtil): this clock answers. */
  public void bindEngine() {
    DateTimeUtils.setCurrentMillisProvider(this::millis);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return RussianFormats.MOSCOW;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  /** Moves the clock forward to the instant (never back) and lets it run from there. */
  public synchronized void moveTo(Instant target) {
    Duration ahead = Duration.between(instant(), target);
    if (!ahead.isNegative()) {
      offset = offset.plus(ahead);
    }
  }

  public void advance(Duration duration) {
    moveTo(instant().plus(duration));
  }

  /** The next Monday-to-Friday at this Moscow time — office hours for the routing table, at 11:00. */
  public Instant nextWeekday(LocalTime time) {
    ZonedDateTime now = ZonedDateTime.now(this);
    ZonedDateTime next = now.with(time);
    while (!next.isAfter(now) || next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next.toInstant();
  }

  /** Moves to the next weekday's 11:00 in Moscow unless the office is open (09:00–18:00, Monday to Friday) for another hour at least. */
  public void moveToOfficeHours() {
    ZonedDateTime now = ZonedDateTime.now(this);
    boolean open = now.getDayOfWeek().getValue() <= 5 && now.getHour() >= 9 && now.getHour() < 17;
    if (!open) {
      moveTo(nextWeekday(LocalTime.of(11, 0)));
    }
  }
}
