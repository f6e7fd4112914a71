package ru.voronka.calendar;

/** The production calendar as migrated, for tests of other modules that count working time. */
public final class Calendars {

  private Calendars() {}

  public static WorkingCalendar migrated() {
    return new WorkingCalendar(CalendarData.repository());
  }
}
