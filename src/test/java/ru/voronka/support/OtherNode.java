package ru.voronka.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ru.voronka.VoronkaApplication;

/**
 * A second Voronka node in a JVM of its own, on the integration tier's PostgreSQL — the test's own
 * application context is the first. It shares nothing with the first but the database, and it can be
 * killed as a node dies ({@link #kill()}: no shutdown hook, no unlock, connections dropped by the OS).
 * Its clock is the test clock of the JVM that started it.
 */
public final class OtherNode implements AutoCloseable {

  static final String OFFSET_PROPERTY = "voronka.it.clock-offset-ms";
  public static final String NODE_PROPERTY = "voronka.it.node";

  private final Process process;
  private final int port;
  private final File log;

  private OtherNode(Process process, int port, File log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the node on the test application's database ({@code url}, its {@code spring.datasource.url})
   * with the integration tier's settings and these extra ones, and waits until it answers.
   */
  public static OtherNode start(String name, String url, Map<String, String> properties, Duration timeout)
      throws IOException, InterruptedException {
    int port = freePort();
    var db = PostgresDatabase.get();
    List<String> command = new ArrayList<>(List.of(
        new File(System.getProperty("java.home"), "bin/java").getPath(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-Duser.timezone=" + java.util.TimeZone.getDefault().getID(),
        "-D" + NODE_PROPERTY + "=" + name,
        "-D" + OFFSET_PROPERTY + "=" + (TestClock.INSTANCE.millis() - System.currentTimeMillis()),
        "-cp", System.getProperty("java.class.path"),
        OtherNode.class.getName(),
        "--spring.profiles.active=postgres",
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1",
        "--camunda.bpm.admin-user.password=" + PostgresIT.ADMIN_PASSWORD,
        "--voronka.onec.mode=simulator", "--voronka.mail.mode=outbox", "--voronka.whatsapp.provider=journal",
        "--voronka.whatsapp.join-secret=integration-tests-join-secret", "--spring.mail.host=localhost",
        "--voronka.base-url=http://127.0.0.1:" + port));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    File log = new File("target/other-node-" + name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    OtherNode node = new OtherNode(process, port, log);
    node.awaitHealthy(timeout);
    return node;
  }

  /** The node's main: the application with the test clock (set as the first node's, see {@link #OFFSET_PROPERTY}). */
  public static void main(String[] args) {
    long offset = Long.getLong(OFFSET_PROPERTY, 0L);
    System.setProperty(TestClock.PROPERTY, Instant.now().plusMillis(offset).atOffset(ZoneOffset.UTC).toString());
    TestClock clock = TestClock.INSTANCE;
    clock.bindEngine();
    new SpringApplicationBuilder(VoronkaApplication.class).initializers(context -> {
      RootBeanDefinition bean = new RootBeanDefinition(Clock.class, () -> clock);
      bean.setPrimary(true);
      ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("testClock", bean);
    }).run(args);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The other node died at start; see " + log.getAbsolutePath());
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The other node did not start in " + timeout + "; see " + log.getAbsolutePath());
  }

  /** As a node dies: at once, nothing run on the way out; PostgreSQL sees its connections drop. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
