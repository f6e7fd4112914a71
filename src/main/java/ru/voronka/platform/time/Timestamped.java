package ru.voronka.platform.time;

import java.time.Instant;

/**
 * A row that remembers when it was written. {@link WriteTimes} calls it with the {@link
 * java.time.Clock}'s time when the row is first stored and whenever it is stored again.
 */
public interface Timestamped {

  void created(Instant now);

  /** Most rows keep only their creation time. */
  default void updated(Instant now) {}
}
