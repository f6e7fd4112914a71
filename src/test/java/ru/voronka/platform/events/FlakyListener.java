package ru.voronka.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A listener that fails the first time it hears of each probe, as one would when the database is busy. */
@Component
class FlakyListener {

  record Probe(String id) {}

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, Boolean> done = new ConcurrentHashMap<>();

  // Methods, not fields: the test holds the listener's proxy (it is asynchronous and transactional).
  int calls(String id) {
    AtomicInteger count = calls.get(id);
    return count == null ? 0 : count.get();
  }

  boolean done(String id) {
    return done.containsKey(id);
  }

  @ApplicationModuleListener
  void heard(Probe probe) {
    if (calls.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet() == 1) {
      throw new IllegalStateException("busy the first time");
    }
    done.put(probe.id(), true);
  }
}
