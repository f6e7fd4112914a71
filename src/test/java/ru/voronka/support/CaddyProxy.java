package ru.voronka.support;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The reverse proxy of docker-compose.yml — Caddy with the repository's own {@code docker/Caddyfile} —
 * run on this machine in front of nodes given by host and port instead of the compose services. Only
 * the address it listens on and the upstreams change; for the test, each answer also names the node
 * that served it ({@value #UPSTREAM_HEADER}).
 */
public final class CaddyProxy implements AutoCloseable {

  public static final String UPSTREAM_HEADER = "X-Voronka-Upstream";

  private final Process process;
  private final int port;

  private CaddyProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Whether the caddy binary is there ({@code .ci/run} installs Debian's). */
  public static boolean installed() {
    try {
      return new ProcessBuilder("caddy", "version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  public static CaddyProxy inFrontOf(List<String> upstreams, Duration timeout) throws IOException, InterruptedException {
    int port = OtherNode.freePort();
    String compose = Files.readString(Path.of("docker/Caddyfile"), StandardCharsets.UTF_8);
    if (!compose.contains(":80 {") || !compose.contains("voronka-1:8080 voronka-2:8080") || !compose.contains("lb_policy round_robin")) {
      throw new IllegalStateException("docker/Caddyfile changed its shape: update CaddyProxy");
    }
    String config = "{\n\tadmin off\n\tauto_https off\n}\n" + compose
        .replace(":80 {", ":" + port + " {")
        .replace("voronka-1:8080 voronka-2:8080", String.join(" ", upstreams))
        .replace("lb_policy round_robin", "lb_policy round_robin\n\t\theader_down " + UPSTREAM_HEADER
            + " {http.reverse_proxy.upstream.hostport}");
    File dir = new File("target/caddy-" + port);
    Files.createDirectories(dir.toPath());
    Path file = dir.toPath().resolve("Caddyfile");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", file.toString(), "--adapter", "caddyfile")
        .redirectErrorStream(true).redirectOutput(dir.toPath().resolve("caddy.log").toFile());
    builder.environment().put("XDG_DATA_HOME", dir.getAbsolutePath());
    builder.environment().put("XDG_CONFIG_HOME", dir.getAbsolutePath());
    CaddyProxy proxy = new CaddyProxy(builder.start(), port);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!proxy.process.isAlive()) {
        throw new IllegalStateException("Caddy stopped at start; see " + dir + "/caddy.log");
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return proxy;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    proxy.close();
    throw new IllegalStateException("Caddy did not listen in " + timeout);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
