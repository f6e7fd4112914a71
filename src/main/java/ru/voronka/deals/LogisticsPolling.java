package ru.voronka.deals;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.voronka.platform.cluster.ScheduledWork;

/** ONE-2: the logistics tasks' statuses are read from 1C every poll interval, by one node of the cluster. */
@Component
class LogisticsPolling {

  private final LogisticsMirroring mirroring;
  private final ScheduledWork scheduledWork;

  LogisticsPolling(LogisticsMirroring mirroring, ScheduledWork scheduledWork) {
    this.mirroring = mirroring;
    this.scheduledWork = scheduledWork;
  }

  @Scheduled(fixedDelayString = "${voronka.onec.poll-interval:PT1M}", initialDelayString = "${voronka.onec.poll-interval:PT1M}")
  void poll() {
    if (scheduledWork.here()) {
      mirroring.pollOpenTasks();
    }
  }
}
