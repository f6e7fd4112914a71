package ru.voronka.telephony;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node handles Asterisk's events when several run (the production shape): the holder of a
 * PostgreSQL session-level advisory lock, on a connection of its own. Every node keeps its AMI link
 * for actions; only the owner writes the journal and pops the cards, so a call is handled once. When
 * the owner dies, its connection and lock go with it and another node takes over within seconds.
 * With H2 (the demo, one node) the node is always the owner.
 */
class AmiOwnership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AmiOwnership.class);
  /** An arbitrary key of Voronka's own: "AMI" in ASCII. */
  static final long LOCK = 0x414D49L;

  private final String url;
  private final String user;
  private final String password;
  private Connection connection;
  private volatile boolean owner;

  AmiOwnership(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.owner = url == null || !url.startsWith("jdbc:postgresql:");
  }

  boolean isOwner() {
    return owner;
  }

  /** Tries to become (or stay) the owner; called every few seconds. */
  synchronized boolean check() {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return owner = true;
    }
    try {
      if (connection == null || !connection.isValid(2)) {
        close();
        connection = DriverManager.getConnection(url, user, password);
      }
      if (!owner) {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
          lock.setLong(1, LOCK);
          try (ResultSet rs = lock.executeQuery()) {
            owner = rs.next() && rs.getBoolean(1);
          }
        }
        if (owner) {
          log.info("This node now handles Asterisk's events");
        }
      }
    } catch (SQLException e) {
      log.warn("AMI ownership not checked: {}", e.getMessage());
      owner = false;
      close();
    }
    return owner;
  }

  @Override
  public synchronized void close() {
    owner = url == null || !url.startsWith("jdbc:postgresql:");
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // gone anyway: the lock with it
      }
      connection = null;
    }
  }
}
