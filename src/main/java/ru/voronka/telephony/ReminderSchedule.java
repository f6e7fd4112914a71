package ru.voronka.telephony;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.voronka.platform.cluster.ScheduledWork;

/** TEL-9: the reminders that came due, looked for every minute by one node of the cluster (each reminded once). */
@Component
class ReminderSchedule {

  private final ClientEvents events;
  private final ScheduledWork scheduledWork;

  ReminderSchedule(ClientEvents events, ScheduledWork scheduledWork) {
    this.events = events;
    this.scheduledWork = scheduledWork;
  }

  @Scheduled(fixedDelayString = "${voronka.events.reminder-check:PT1M}", initialDelayString = "PT30S")
  void remind() {
    if (scheduledWork.here()) {
      events.remind();
    }
  }
}
