package ru.voronka.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;

/**
 * Stateless Basic authentication checks the password and reads the groups on every API call — three
 * queries per request. A successful login is remembered for a short time, keyed by the user and a
 * digest of the password (never the password itself), so a changed password or group takes effect
 * within {@link #TTL}.
 */
class RecentLogins {

  static final Duration TTL = Duration.ofSeconds(30);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, Instant expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  RecentLogins(Clock clock) {
    this.clock = clock;
  }

  Optional<Authentication> find(String userId, String password) {
    String key = key(userId, password);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expires().isBefore(clock.instant())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.authentication());
  }

  void remember(String userId, String password, Authentication authentication) {
    if (entries.size() >= MAX_ENTRIES) {
      // Only a flood of distinct logins gets here; forgetting everyone is cheap and safe.
      entries.clear();
    }
    entries.put(key(userId, password), new Entry(authentication, clock.instant().plus(TTL)));
  }

  /** A user who may no longer sign in (dismissed): their remembered logins go at once, not after {@link #TTL}. */
  void forget(String userId) {
    entries.values().removeIf(entry -> userId.equals(entry.authentication().getName()));
  }

  private static String key(String userId, String password) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((userId + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
