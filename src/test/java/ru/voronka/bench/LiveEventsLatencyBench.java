package ru.voronka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.chat.ChatAdministration;
import ru.voronka.chat.ChatPosting;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.WebSession;

/**
 * Time from a chat message stored (its transaction committed) to its SSE event read by each of
 * {@code bench.clients} connected clients, one per employee, all members of one group chat. The
 * event travels as it does in production: NOTIFY through PostgreSQL, then each node's connections.
 * Run with {@code mvn -Pbench verify -Dit.test=LiveEventsLatencyBench}; see bench/README.md.
 */
class LiveEventsLatencyBench extends PostgresIT {

  static final String PASSWORD = "bench1";

  @Autowired Staff staff;
  @Autowired ChatPosting posting;
  @Autowired ChatAdministration administration;
  @Autowired LiveEvents live;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Value("${bench.clients:200}")
  int clients;

  @Value("${bench.messages:40}")
  int messages;

  @Test
  void messageToSseEventLatency() throws Exception {
    long setup = System.currentTimeMillis();
    staff.hire(new NewEmployee("bsender", PASSWORD, "Бенч", "Отправитель", "Менеджер по продажам", "Отдел продаж",
        List.of(Group.MANAGERS), null, null, null, null));
    for (int i = 0; i < clients; i++) {
      staff.hire(new NewEmployee("bclient" + i, PASSWORD, "Клиент" + i, "Бенч", "Менеджер по продажам", "Отдел продаж",
          List.of(Group.MANAGERS), null, null, null, null));
    }
    Long chat = administration.createGroup(Viewer.of("admin", List.of(Group.ADMINS.id())), "Бенч", List.of(), List.of(),
        List.of());
    System.out.printf(Locale.ROOT, "Setup: %d employees hired (with their personal chats) in %.1f s%n", clients + 1,
        (System.currentTimeMillis() - setup) / 1000.0);

    ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      WebSession session = WebSession.login("http://localhost:" + port, "bclient" + i, PASSWORD);
      Thread reader = new Thread(() -> read(session, latenciesMicros), "sse-client-" + i);
      reader.setDaemon(true);
      reader.start();
      readers.add(reader);
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (live.connectionsHere() < clients && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    System.out.printf(Locale.ROOT, "Connected SSE clients: %d%n", live.connectionsHere());

    Viewer sender = Viewer.of("bsender", List.of(Group.MANAGERS.id()));
    for (int i = 0; i < 5; i++) { // warm-up, not measured
      posting.post(chat, sender, "разогрев " + i, List.of());
    }
    Thread.sleep(1000);
    latenciesMicros.clear();
    long started = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      posting.post(chat, sender, "Сообщение " + i, List.of());
      Thread.sleep(100);
    }
    boolean all = waitFor(latenciesMicros, clients * messages, 30_000);
    double seconds = (System.nanoTime() - started) / 1e9;

    List<Long> sorted = new ArrayList<>(latenciesMicros);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%n=== Message stored → SSE event at the client: %d clients, %d messages (one every 100 ms), "
        + "PostgreSQL 15 on this machine (NOTIFY between nodes), one node, %d cores ===%n", clients, messages,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "Events received: %d of %d%s in %.1f s%n", sorted.size(), clients * messages,
        all ? "" : " (MISSING EVENTS)", seconds);
    System.out.printf(Locale.ROOT, "Median: %.1f ms   p90: %.1f ms   p99: %.1f ms   max: %.1f ms   (aim: p99 < 100 ms)%n%n",
        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
  }

  private void read(WebSession session, ConcurrentLinkedQueue<Long> latencies) {
    try (Stream<String> lines = session.live()) {
      String[] event = {""};
      lines.forEach(line -> {
        if (line.startsWith("event:")) {
          event[0] = line.substring(6).trim();
        } else if (line.startsWith("data:") && event[0].equals("chat-message")) {
          long now = nowMicros();
          try {
            JsonNode data = json.readTree(line.substring(5));
            latencies.add(now - data.get("publishedAtMicros").asLong());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
    } catch (Exception e) {
      // the stream ends with the test
    }
  }

  private static boolean waitFor(ConcurrentLinkedQueue<Long> latencies, int expected, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (latencies.size() < expected && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return latencies.size() >= expected;
  }

  private static double pct(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
