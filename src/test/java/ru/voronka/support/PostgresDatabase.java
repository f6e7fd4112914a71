package ru.voronka.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one switch of the integration tier: a PostgreSQL 15 container when a Docker engine is
 * there, otherwise a fresh database on the machine's own server (127.0.0.1:5432, trust auth, as on
 * our CI). Either way a real PostgreSQL, empty at the start of the run.
 */
public final class PostgresDatabase {

  public record Endpoint(String url, String user, String password) {}

  private static final String LOCAL_ADMIN_URL =
      System.getProperty("voronka.it.pg-admin-url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String LOCAL_USER = System.getProperty("voronka.it.pg-user", "postgres");
  private static final String PREFIX = "voronka_it_";

  private static Endpoint connection;

  private PostgresDatabase() {}

  public static synchronized Endpoint get() {
    if (connection == null) {
      connection = dockerAvailable() ? container() : localDatabase();
    }
    return connection;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // lives for the whole test JVM
  private static Endpoint container() {
    var postgres = new PostgreSQLContainer<>("postgres:15-alpine").withDatabaseName("voronka");
    postgres.start();
    return new Endpoint(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
  }

  /**
   * A database of its own for each application context of the run (the first one takes the run's
   * first database). Contexts are cached and stay alive through the run: on one database, one
   * context's job executor would run another's jobs with its settings (its WhatsApp provider, its SMS
   * gateway), and its schedules and leadership would mix with theirs. Two nodes on one database are
   * made on purpose only ({@link OtherNode}).
   */
  public static synchronized Endpoint forContext() {
    if (!firstTaken) {
      firstTaken = true;
      return get();
    }
    return another();
  }

  private static boolean firstTaken;

  /** Another empty database beside the application's, on the same server (the bench's bare engine). */
  public static synchronized Endpoint another() {
    get();
    return dockerAvailable() ? container() : localDatabase();
  }

  private static Endpoint localDatabase() {
    String name = PREFIX + ProcessHandle.current().pid() + "_" + System.nanoTime();
    try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN_URL, LOCAL_USER, "");
         Statement sql = admin.createStatement()) {
      dropLeftovers(sql);
      sql.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("No Docker and no PostgreSQL at " + LOCAL_ADMIN_URL
          + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
    }
    String url = LOCAL_ADMIN_URL.substring(0, LOCAL_ADMIN_URL.lastIndexOf('/') + 1) + name;
    keepInUse(url);
    return new Endpoint(url, LOCAL_USER, "");
  }

  /**
   * One connection held for the life of the test JVM: another run on the same server (a second
   * checkout, a bench) drops only databases nobody is connected to, and the application's own pool
   * may connect many seconds after the database was made.
   */
  @SuppressWarnings("resource") // closed with the JVM
  private static void keepInUse(String url) {
    try {
      Connection keeper = DriverManager.getConnection(url, LOCAL_USER, "");
      try (Statement sql = keeper.createStatement(); ResultSet pid = sql.executeQuery("select pg_backend_pid()")) {
        pid.next();
        KEEPER_PIDS.add(pid.getInt(1));
      }
      KEEPERS.add(keeper);
    } catch (SQLException e) {
      throw new IllegalStateException("The new database " + url + " cannot be opened", e);
    }
  }

  private static final List<Connection> KEEPERS = new ArrayList<>();
  private static final List<Integer> KEEPER_PIDS = new ArrayList<>();

  /**
   * Ends every connection of the applications to the test database — as a PostgreSQL restart or a
   * failover would — but this test JVM's keeper (else another run could drop the database). The
   * server and the other runs' databases are left alone. Returns how many connections were ended.
   */
  public static int terminateApplicationConnections(String url) {
    Endpoint db = get();
    try (Connection admin = DriverManager.getConnection(url, db.user(), db.password());
         Statement sql = admin.createStatement();
         ResultSet ended = sql.executeQuery("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
             + " where datname = current_database() and pid <> pg_backend_pid()"
             + (KEEPER_PIDS.isEmpty() ? "" : " and pid not in (" + String.join(",", KEEPER_PIDS.stream().map(String::valueOf).toList()) + ")"))) {
      ended.next();
      return ended.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Connections not ended", e);
    }
  }

  /** Databases of earlier runs that nobody uses any more. */
  private static void dropLeftovers(Statement sql) throws SQLException {
    List<String> old = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%' "
        + "and datname not in (select datname from pg_stat_activity where datname is not null)")) {
      while (rs.next()) {
        old.add(rs.getString(1));
      }
    }
    for (String db : old) {
      try {
        sql.execute("drop database if exists " + db);
      } catch (SQLException inUse) {
        // another run started using it in between: leave it
      }
    }
  }
}
