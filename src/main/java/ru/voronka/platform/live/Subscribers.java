package ru.voronka.platform.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The browser connections open on this node, per user (a user may have several tabs). */
@Component
class Subscribers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Subscribers.class);
  /** The browser reconnects by itself after this; a dead connection is noticed by the heartbeat. */
  private static final long TIMEOUT_MS = 30 * 60_000L;

  private final Map<String, Set<SseEmitter>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Set<SseEmitter>> bySession = new ConcurrentHashMap<>();
  private final ObjectMapper json;
  /** Whether a session still exists; with sessions in the database it may end on another node. */
  private volatile Predicate<String> sessionAlive = id -> true;

  Subscribers(ObjectMapper json) {
    this.json = json;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void sessions(SessionRepository<? extends Session> sessions) {
    this.sessionAlive = id -> sessions.findById(id) != null;
  }

  SseEmitter subscribe(String userId, String sessionId) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    Set<SseEmitter> mine = byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
    mine.add(emitter);
    Set<SseEmitter> session = bySession.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet());
    session.add(emitter);
    Runnable remove = () -> {
      mine.remove(emitter);
      session.remove(emitter);
      bySession.remove(sessionId, Set.of());
    };
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  /** The session is over: its streams end, and the browser's reconnect meets the login. */
  void endSession(String sessionId) {
    Set<SseEmitter> emitters = bySession.remove(sessionId);
    if (emitters != null) {
      emitters.forEach(emitter -> {
        byUser.values().forEach(userEmitters -> userEmitters.remove(emitter));
        emitter.complete();
      });
    }
  }

  void deliver(LiveEvent event) {
    String data;
    try {
      data = json.writeValueAsString(Map.of("data", event.data(), "publishedAtMicros", event.publishedAtMicros()));
    } catch (IOException e) {
      throw new IllegalArgumentException("Event data is not JSON: " + event.name(), e);
    }
    for (String userId : event.userIds()) {
      for (SseEmitter emitter : byUser.getOrDefault(userId, Set.of())) {
        send(emitter, SseEmitter.event().name(event.name()).data(data, MediaType.APPLICATION_JSON));
      }
    }
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  /**
   * Closes every stream before the web server's graceful shutdown waits for open requests: an SSE
   * stream never ends by itself, and the browsers reconnect to another node.
   */
  @Override
  public void stop() {
    running = false;
    byUser.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
    byUser.clear();
    bySession.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE; // stops first
  }

  int connections() {
    return byUser.values().stream().mapToInt(Set::size).sum();
  }

  /**
   * Proxies drop idle connections, and a write is how a vanished browser is noticed. A stream whose
   * session is gone — signed out or expired on any node: sessions live in the database — ends here.
   * Each node runs this for its own connections (not cluster work).
   */
  @Scheduled(fixedDelay = 25_000)
  void heartbeat() {
    endSessionsGoneElsewhere();
    byUser.values().forEach(emitters -> emitters.forEach(e -> send(e, SseEmitter.event().comment("♥"))));
  }

  void endSessionsGoneElsewhere() {
    for (String sessionId : java.util.List.copyOf(bySession.keySet())) {
      try {
        if (!sessionAlive.test(sessionId)) {
          endSession(sessionId);
        }
      } catch (RuntimeException e) { // the database away for a moment: asked again at the next beat
        log.debug("Session {} not checked: {}", sessionId, e.getMessage());
      }
    }
  }

  private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      log.debug("Dropping a closed live connection: {}", e.getMessage());
      byUser.values().forEach(emitters -> emitters.remove(emitter));
      bySession.values().forEach(emitters -> emitters.remove(emitter));
      try {
        emitter.completeWithError(e);
      } catch (RuntimeException alreadyGone) {
        // Tomcat refuses a dead request's async context to other threads: it is gone either way
      }
    }
  }
}
