package ru.voronka.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing instead of locking accounts: after {@link #FREE_ATTEMPTS} wrong
 * passwords for one login from one address, that address waits before its next try — 2 s, then
 * twice as long each time, at most {@link #MAX_WAIT} — while the owner (from their own address) is
 * never locked out. A correct password clears the count. Camunda's own lockout is switched off
 * (application.yml), so ten wrong passwords no longer lock the administrator out for good.
 */
@Component
class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  static final Duration MAX_WAIT = Duration.ofMinutes(15);
  private static final int MAX_ENTRIES = 100_000;

  private record Failures(int count, Instant waitUntil) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long this login from this address must still wait, if at all. */
  Optional<Duration> waiting(String userId, String address) {
    Failures f = failures.get(key(userId, address));
    Instant now = clock.instant();
    return f == null || !f.waitUntil().isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, f.waitUntil()));
  }

  void failed(String userId, String address) {
    if (failures.size() >= MAX_ENTRIES) {
      failures.entrySet().removeIf(e -> e.getValue().waitUntil().isBefore(clock.instant().minus(MAX_WAIT)));
    }
    failures.compute(key(userId, address), (k, f) -> {
      int count = f == null ? 1 : f.count() + 1;
      Duration wait = count <= FREE_ATTEMPTS ? Duration.ZERO
          : Duration.ofSeconds(2).multipliedBy(1L << Math.min(count - FREE_ATTEMPTS - 1, 20));
      return new Failures(count, clock.instant().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait));
    });
  }

  void succeeded(String userId, String address) {
    failures.remove(key(userId, address));
  }

  private static String key(String userId, String address) {
    return userId.toLowerCase(Locale.ROOT) + "|" + (address == null ? "?" : address);
  }
}
