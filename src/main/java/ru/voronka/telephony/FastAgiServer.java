package ru.voronka.telephony;

import java.io.IOException;
import java.util.Map;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Voronka's FastAGI server for Asterisk's routing questions ({@link RouteCallAgi}), on {@code voronka.telephony.agi-port}. */
class FastAgiServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

  private final DefaultAgiServer server;
  private final int port;
  private volatile boolean running;

  FastAgiServer(int port, RouteCallAgi route) {
    this.port = port;
    SimpleMappingStrategy mapping = new SimpleMappingStrategy();
    // a mutable map: asterisk-java looks up a request without a script name as null (Map.of would throw)
    mapping.setMappings(new java.util.HashMap<>(Map.of(RouteCallAgi.SCRIPT, route)));
    this.server = new DefaultAgiServer(mapping);
    server.setPort(port);
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(() -> {
      try {
        server.startup();
      } catch (IOException e) {
        log.error("FastAGI server could not listen on port {}: {}", port, e.getMessage());
      }
    }, "voronka-fastagi");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    server.shutdown();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
