package ru.voronka.platform.live;

import java.util.Collection;
import java.util.Map;

/**
 * What a set of users' pages should hear: an event name the page's script dispatches on, and small
 * data (ids and texts; the page fetches the rest). {@code publishedAtMicros}: when the cause was
 * committed, in epoch microseconds — the pages ignore it, the SSE bench measures by it.
 */
public record LiveEvent(Collection<String> userIds, String name, Map<String, Object> data, long publishedAtMicros) {

  /** The wall clock on purpose: a latency stamp compared with the receiver's own clock, not a business time. */
  static long nowMicros() {
    java.time.Instant now = java.time.Clock.systemUTC().instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
