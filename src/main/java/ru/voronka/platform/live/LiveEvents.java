package ru.voronka.platform.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The one way to tell users' open pages that something happened. */
@Service
public class LiveEvents {

  private final LiveTransport transport;
  private final Subscribers subscribers;

  LiveEvents(LiveTransport transport, Subscribers subscribers) {
    this.transport = transport;
    this.subscribers = subscribers;
  }

  /** Browser connections open on this node (for health pages and the SSE bench). */
  public int connectionsHere() {
    return subscribers.connections();
  }

  /**
   * A session is over (its user signed out here): its streams on this node end now, and the browser's
   * reconnect meets the login. Streams of the session on other nodes end at their next heartbeat.
   */
  public void endSession(String sessionId) {
    subscribers.endSession(sessionId);
  }

  /** Sent once the current transaction commits (at once when there is none); dropped on rollback. */
  public void publish(Collection<String> userIds, String name, Map<String, Object> data) {
    if (userIds.isEmpty()) {
      return;
    }
    List<String> recipients = List.copyOf(userIds);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          transport.send(new LiveEvent(recipients, name, data, LiveEvent.nowMicros()));
        }
      });
    } else {
      transport.send(new LiveEvent(recipients, name, data, LiveEvent.nowMicros()));
    }
  }
}
