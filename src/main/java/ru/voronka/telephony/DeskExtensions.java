package ru.voronka.telephony;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.voronka.directory.DeskAssigned;
import ru.voronka.platform.Refreshed;

/**
 * Which extensions are employees' desks, and whose — asked for every AMI event, so kept in memory
 * and re-read at most every {@link #FRESH_FOR}: an extension an administrator just assigned counts
 * within half a minute.
 */
@Component
class DeskExtensions {

  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final Refreshed<Map<String, String>> users;

  DeskExtensions(JdbcTemplate jdbc) {
    this.users = new Refreshed<>(FRESH_FOR, () -> {
      Map<String, String> read = new HashMap<>();
      jdbc.query("select extension, user_id from employee where extension is not null and active = true",
          rs -> {
            read.put(rs.getString(1), rs.getString(2));
          });
      return Map.copyOf(read);
    });
  }

  /** A desk just assigned counts at once on this node (other nodes see it within {@link #FRESH_FOR}). */
  @TransactionalEventListener(fallbackExecution = true)
  void deskAssigned(DeskAssigned event) {
    users.forget();
  }

  boolean isDesk(String extension) {
    return extension != null && users.get().containsKey(extension);
  }

  /** Whose desk it is (the employee's user id). */
  Optional<String> userAt(String extension) {
    return extension == null ? Optional.empty() : Optional.ofNullable(users.get().get(extension));
  }
}
