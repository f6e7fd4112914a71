package ru.voronka.platform;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again at most once per {@code freshFor} — for facts asked on every message or call
 * that change rarely (who leads sales, which extensions are desks, which desks are on a call).
 * Two threads may read at the same moment; the later read wins, both are fresh.
 */
public final class Refreshed<T> {

  private record Snapshot<T>(T value, long readAt) {}

  private final Duration freshFor;
  private final Supplier<T> read;
  private volatile Snapshot<T> snapshot;

  public Refreshed(Duration freshFor, Supplier<T> read) {
    this.freshFor = freshFor;
    this.read = read;
  }

  public T get() {
    Snapshot<T> current = snapshot;
    if (current == null || System.nanoTime() - current.readAt() > freshFor.toNanos()) {
      current = new Snapshot<>(read.get(), System.nanoTime());
      snapshot = current;
    }
    return current.value();
  }

  /** The next {@link #get} reads again: the fact is known to have changed. */
  public void forget() {
    snapshot = null;
  }
}
