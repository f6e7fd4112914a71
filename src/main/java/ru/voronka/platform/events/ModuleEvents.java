package ru.voronka.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.voronka.platform.cluster.ScheduledWork;

/**
 * An event whose listener failed (the database was busy, a provider refused) stays in the
 * publication registry; it is delivered again a minute later, and again, until its listener has
 * run — the modules' counterpart of a Camunda job's retries.
 */
@Component
class ModuleEvents {

  static final Duration RETRY_AFTER = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(ModuleEvents.class);

  private final IncompleteEventPublications incomplete;
  private final ScheduledWork scheduledWork;

  ModuleEvents(IncompleteEventPublications incomplete, ScheduledWork scheduledWork) {
    this.incomplete = incomplete;
    this.scheduledWork = scheduledWork;
  }

  /** On one node of the cluster: two nodes resubmitting at once would deliver an event twice. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void deliverAgain() {
    if (!scheduledWork.here()) {
      return;
    }
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
    } catch (RuntimeException e) {
      log.warn("Events between modules not delivered again this minute: {}", e.getMessage());
    }
  }
}
