package ru.voronka.platform.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several nodes on one PostgreSQL: every event is a NOTIFY on one channel, and every node —
 * the sender too — LISTENs and delivers to its own connections. A browser may be connected to any
 * node, so this is what makes a message stored on node A appear on a page served by node B.
 */
class PostgresNotifyTransport implements LiveTransport, AutoCloseable {

  static final String CHANNEL = "voronka_live";
  private static final Logger log = LoggerFactory.getLogger(PostgresNotifyTransport.class);
  /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a big audience is split. */
  private static final int MAX_PAYLOAD = 7000;

  private final JdbcTemplate jdbc;
  private final Subscribers subscribers;
  private final ObjectMapper json;
  private final String url;
  private final String user;
  private final String password;
  private final Thread listener;
  private volatile boolean running = true;
  private final String node = java.util.UUID.randomUUID().toString();
  /** How this node's own envelopes begin: known without parsing them. */
  private final String ownPrefix = "{\"origin\":\"" + node + "\"";

  PostgresNotifyTransport(DataSource dataSource, Subscribers subscribers, ObjectMapper json, String url, String user,
      String password) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.subscribers = subscribers;
    this.json = json;
    this.url = url;
    this.user = user;
    this.password = password;
    this.listener = new Thread(this::listen, "live-events-listener");
    this.listener.setDaemon(true);
    this.listener.start();
    this.notifier.setDaemon(true);
    this.notifier.start();
  }

  /**
   * This node's own pages hear the event at once; the other nodes through NOTIFY, which names the
   * node it came from so that this node's listener leaves it alone.
   */
  @Override
  public void send(LiveEvent event) {
    try {
      subscribers.deliver(event);
    } catch (RuntimeException e) { // somebody's dead connection must not fail the sender's request
      log.warn("Could not deliver a live event here: {}", e.getMessage());
    }
    // The other nodes' share goes out on a thread of its own: the sender (a request, a call's AMI
    // worker) does not wait for PostgreSQL; the order of events is kept.
    outgoing.addAll(payloads(event));
  }

  private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
  private final Thread notifier = new Thread(this::notifyOthers, "live-events-notify");

  /**
   * Whatever has queued up goes in one statement: a burst (100 calls ringing at once) costs one
   * round trip, not one per event. PostgreSQL delivers a transaction's notifications in order (and
   * folds identical ones, which would be the same event twice).
   */
  private void notifyOthers() {
    while (running) {
      try {
        List<String> batch = new ArrayList<>();
        batch.add(outgoing.take());
        outgoing.drainTo(batch, 199);
        jdbc.execute((Connection connection) -> {
          try (PreparedStatement notify = connection.prepareStatement(
              "select pg_notify(?, payload) from unnest(?::text[]) with ordinality as p(payload, n) order by n")) {
            notify.setString(1, CHANNEL);
            notify.setArray(2, connection.createArrayOf("text", batch.toArray()));
            notify.execute();
          }
          return null;
        });
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Live events not sent to the other nodes: {}", e.getMessage());
      }
    }
  }

  /** What travels in a NOTIFY: the event and the node that sent it (first, so a node knows its own at a glance). */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"origin", "event"})
  record Envelope(String origin, LiveEvent event) {}

  /** The envelope as JSON, split by recipients while it is over PostgreSQL's limit. */
  private List<String> payloads(LiveEvent event) {
    String payload;
    try {
      payload = json.writeValueAsString(new Envelope(node, event));
    } catch (IOException e) {
      throw new IllegalArgumentException("Event data is not JSON: " + event.name(), e);
    }
    if (payload.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD || event.userIds().size() < 2) {
      return List.of(payload);
    }
    List<String> users = new ArrayList<>(event.userIds());
    int half = users.size() / 2;
    List<String> parts = new ArrayList<>(payloads(new LiveEvent(users.subList(0, half), event.name(), event.data(),
        event.publishedAtMicros())));
    parts.addAll(payloads(new LiveEvent(users.subList(half, users.size()), event.name(), event.data(), event.publishedAtMicros())));
    return parts;
  }

  /** A connection of its own (not the pool's): LISTEN lasts as long as the connection does. */
  private void listen() {
    while (running) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(1000);
          if (notifications == null) {
            continue;
          }
          for (PGNotification n : notifications) {
            deliver(n.getParameter());
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Live events listener lost its connection ({}); reconnecting", e.getMessage());
          sleep();
        }
      }
    }
  }

  private void deliver(String payload) {
    if (payload.startsWith(ownPrefix)) {
      return; // delivered here when it was sent
    }
    try {
      Envelope envelope = json.readValue(payload, Envelope.class);
      if (!node.equals(envelope.origin())) { // the prefix misses our own only if the mapper writes otherwise (indented)
        subscribers.deliver(envelope.event());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not deliver a live event: {}", e.getMessage());
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    notifier.interrupt();
    listener.interrupt();
  }
}
