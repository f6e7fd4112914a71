package ru.voronka.platform.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.leader.event.OnRevokedEvent;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.stereotype.Component;

/**
 * Scheduled work (reminders, 1C polling, the channel sync, the events between modules delivered
 * again) runs on the one node that leads, so it runs once across nodes. Every node keeps its own
 * {@code @Scheduled} triggers; each begins with {@link #here()}. Work for this node's own
 * connections (the SSE heartbeat) does not ask.
 */
@Component
public class ScheduledWork {

  private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

  private final LockRegistryLeaderInitiator leadership;

  ScheduledWork(LockRegistryLeaderInitiator leadership) {
    this.leadership = leadership;
  }

  /** Whether this node runs the cluster's scheduled work now. */
  public boolean here() {
    return leadership.getContext().isLeader();
  }

  @EventListener
  void granted(OnGrantedEvent event) {
    log.info("This node now runs the scheduled work ({})", event.getRole());
  }

  @EventListener
  void revoked(OnRevokedEvent event) {
    log.info("This node no longer runs the scheduled work ({})", event.getRole());
  }
}
