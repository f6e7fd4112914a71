package ru.voronka.chat;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.voronka.platform.cluster.ScheduledWork;

/** COM-4: the pop-up about unread client messages, checked every minute by one node of the cluster. */
@Component
class UnreadMessagesSchedule {

  private final ClientMessagePopups popups;
  private final ScheduledWork scheduledWork;

  UnreadMessagesSchedule(ClientMessagePopups popups, ScheduledWork scheduledWork) {
    this.popups = popups;
    this.scheduledWork = scheduledWork;
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void remind() {
    if (scheduledWork.here()) {
      popups.remind();
    }
  }
}
