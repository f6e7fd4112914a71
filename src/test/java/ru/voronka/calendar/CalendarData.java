package ru.voronka.calendar;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;

/**
 * The calendar exactly as the Flyway migrations leave it (run on H2 in memory), behind a
 * repository stand-in: a JPA slice would spend ten seconds on a context for two queries.
 */
final class CalendarData {

  private static NavigableMap<LocalDate, CalendarDay> migrated;

  private CalendarData() {}

  /** A repository over the migrated days; {@code save} adds to this copy only. */
  static CalendarDayRepository repository() {
    NavigableMap<LocalDate, CalendarDay> days = new TreeMap<>(migrated());
    return (CalendarDayRepository) Proxy.newProxyInstance(CalendarDayRepository.class.getClassLoader(),
        new Class<?>[] {CalendarDayRepository.class}, (proxy, method, args) -> switch (method.getName()) {
          case "findById" -> Optional.ofNullable(days.get((LocalDate) args[0]));
          case "findByDayBetweenOrderByDay" ->
              List.copyOf(days.subMap((LocalDate) args[0], true, (LocalDate) args[1], true).values());
          case "save" -> {
            CalendarDay day = (CalendarDay) args[0];
            days.put(day.getDay(), day);
            yield day;
          }
          case "toString" -> "CalendarData.repository";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static synchronized NavigableMap<LocalDate, CalendarDay> migrated() {
    if (migrated == null) {
      String url = "jdbc:h2:mem:calendar;DB_CLOSE_DELAY=-1";
      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
      migrated = new TreeMap<>();
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("select calendar_date, working, note from working_calendar_day")) {
        while (rows.next()) {
          LocalDate day = rows.getObject(1, LocalDate.class);
          migrated.put(day, new CalendarDay(day, rows.getBoolean(2), rows.getString(3)));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return migrated;
  }

  static List<CalendarDay> all() {
    return new ArrayList<>(migrated().values());
  }
}
