package ru.voronka.platform.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
  }

  @Override
  public void send(LiveEvent event) {
    for (LiveEvent part : split(event)) {
      try {
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, json.writeValueAsString(part));
      } catch (IOException e) {
        throw new IllegalArgumentException("Event data is not JSON: " + event.name(), e);
      }
    }
  }

  private List<LiveEvent> split(LiveEvent event) {
    int size;
    try {
      size = json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
    } catch (IOException e) {
      throw new IllegalArgumentException("Event data is not JSON: " + event.name(), e);
    }
    if (size < MAX_PAYLOAD || event.userIds().size() < 2) {
      return List.of(event);
    }
    List<String> users = new ArrayList<>(event.userIds());
    int half = users.size() / 2;
    List<LiveEvent> parts = new ArrayList<>(split(new LiveEvent(users.subList(0, half), event.name(), event.data(),
        event.publishedAtMicros())));
    parts.addAll(split(new LiveEvent(users.subList(half, users.size()), event.name(), event.data(), event.publishedAtMicros())));
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
    try {
      subscribers.deliver(json.readValue(payload, LiveEvent.class));
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
    listener.interrupt();
  }
}
