package ru.voronka.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.voronka.directory.Group;
import ru.voronka.directory.Staff;
import ru.voronka.directory.Staff.NewEmployee;
import ru.voronka.platform.live.LiveEvents;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.WebSession;

/**
 * TEL bench: {@code bench.calls} calls ring at once. (1) Screen pop: from the moment the AMI peer
 * writes a call's events to Voronka's AMI socket until the card's {@code call-ringing} SSE event is
 * read by that desk's manager's client (one logged-in SSE client per manager). (2) Routing: the
 * same number of FastAGI routing questions at once, timed from connecting to the answer's last
 * command. The whole Voronka runs with {@code voronka.telephony.pbx=asterisk} against the peer, on
 * PostgreSQL. Run with {@code mvn -Pbench verify -Dit.test=ScreenPopBench}; see bench/README.md.
 */
class ScreenPopBench extends PostgresIT {

  static final String PASSWORD = "bench1";
  static final AmiPeer peer = start();
  static final int AGI_PORT = freePort();

  @Autowired Staff staff;
  @Autowired LiveEvents live;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @LocalServerPort int port;

  /** Wall-clock microseconds, to split the time at the moment Voronka published the card. */
  final Map<String, Long> sentAtMicros = new ConcurrentHashMap<>();
  final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
  final Map<String, Long> readAtMicros = new ConcurrentHashMap<>();
  final List<Long> oneByOne = Collections.synchronizedList(new ArrayList<>());

  @Value("${bench.calls:100}")
  int calls;

  static AmiPeer start() {
    try {
      return new AmiPeer("voronka", "bench-secret");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void asterisk(DynamicPropertyRegistry registry) {
    registry.add("voronka.telephony.pbx", () -> "asterisk");
    registry.add("voronka.telephony.ami.host", () -> "127.0.0.1");
    registry.add("voronka.telephony.ami.port", peer::port);
    registry.add("voronka.telephony.ami.username", () -> "voronka");
    registry.add("voronka.telephony.ami.secret", () -> "bench-secret");
    registry.add("voronka.telephony.agi-port", () -> AGI_PORT);
    registry.add("voronka.telephony.office-hours", () -> "00:00-23:59");
    registry.add("voronka.telephony.office-days", () -> "1-7");
  }

  @AfterAll
  static void stop() throws Exception {
    peer.close();
  }

  @Test
  void screenPopAndRoutingLatency() throws Exception {
    for (int i = 0; i < calls; i++) {
      String user = "bdesk" + i;
      staff.hire(new NewEmployee(user, PASSWORD, "Стол" + i, "Бенч", "Менеджер по продажам", "Отдел продаж",
          List.of(Group.MANAGERS), null, String.format("+7 916 200-%04d", i), "МТС", null));
      staff.assignExtension(user, String.valueOf(4000 + i));
    }
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> poppedAt = new ConcurrentHashMap<>();
    for (int i = 0; i < calls; i++) {
      WebSession session = WebSession.login("http://localhost:" + port, "bdesk" + i, PASSWORD);
      Thread reader = new Thread(() -> read(session, poppedAt, publishedAt), "sse-desk-" + i);
      reader.setDaemon(true);
      reader.start();
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while ((live.connectionsHere() < calls || peer.connections() == 0) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    System.out.printf(Locale.ROOT, "SSE clients: %d, AMI sessions: %d%n", live.connectionsHere(), peer.connections());

    // Warm-up, not measured: the same number of calls ring and are missed (the journal, «Итог звонка»),
    // then the machine is left to settle — the figures are of a running node, not of its first minute.
    ring(0, calls, "warm", sentAt);
    waitFor(poppedAt, calls, 30_000);
    hangUp(0, calls, "warm");
    settle();
    sentAt.clear();
    poppedAt.clear();
    sentAtMicros.clear();
    publishedAt.clear();
    readAtMicros.clear();

    long started = System.nanoTime();
    ring(0, calls, "c", sentAt);
    boolean all = waitFor(poppedAt, calls, 30_000);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Long> pops = new ArrayList<>();
    sentAt.forEach((number, sent) -> {
      Long popped = poppedAt.get(number);
      if (popped != null) {
        pops.add(popped - sent);
      }
    });

    List<Long> toPublish = new ArrayList<>();
    List<Long> toRead = new ArrayList<>();
    sentAtMicros.forEach((number, sent) -> {
      Long published = publishedAt.get(number);
      Long read = readAtMicros.get(number);
      if (published != null && read != null) {
        toPublish.add((published - sent) * 1000);
        toRead.add((read - published) * 1000);
      }
    });

    hangUp(0, calls, "c"); // the desks are free again: the routing questions get the whole ranking
    settle();
    List<Long> routing = route(calls);

    Collections.sort(pops);
    Collections.sort(toPublish);
    Collections.sort(toRead);
    Collections.sort(routing);
    System.out.printf(Locale.ROOT, "%n=== %d calls ringing at once, Asterisk AMI peer on a local socket, PostgreSQL 15 on this "
        + "machine, one Voronka node, %d cores ===%n", calls, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "Screen pop (AMI events written → call-ringing read by the manager's SSE client): %d of %d%s "
        + "in %.2f s%n  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (aim: p99 < 150 ms)%n", pops.size(), calls,
        all ? "" : " (MISSING)", seconds, pct(pops, 50), pct(pops, 90), pct(pops, 99), pct(pops, 100));
    System.out.printf(Locale.ROOT, "  of which AMI events written → card published: p50 %.1f ms   p99 %.1f ms;"
        + "  published → read by the client: p50 %.1f ms   p99 %.1f ms%n", pct(toPublish, 50), pct(toPublish, 99),
        pct(toRead, 50), pct(toRead, 99));
    System.out.printf(Locale.ROOT, "FastAGI routing decision (%d at once, connect → last SET VARIABLE answered): "
        + "p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (aim: p99 < 20 ms)%n", routing.size(), pct(routing, 50),
        pct(routing, 90), pct(routing, 99), pct(routing, 100));
    List<Long> single = new ArrayList<>(oneByOne);
    Collections.sort(single);
    System.out.printf(Locale.ROOT, "FastAGI routing decision, one question at a time (%d): p50 %.1f ms   p99 %.1f ms%n%n",
        single.size(), pct(single, 50), pct(single, 99));
  }

  /** Calls {@code from}…{@code to} ring desk 4000+i from a number of their own, all written at once on the AMI socket. */
  private void ring(int from, int to, String tag, Map<String, Long> sentAt) {
    for (int i = from; i < to; i++) {
      String number = number(tag, i);
      String linkedId = linkedId(tag, i);
      sentAtMicros.put(number, micros());
      sentAt.put(number, System.nanoTime());
      peer.emitAll(AsteriskEvents.incomingRinging(number, String.valueOf(4000 + i), linkedId));
    }
  }

  /** Call {@code i} of a round ({@code warm} or measured): the client's number and the call's Linkedid. */
  private static String number(String tag, int i) {
    return "7999" + ("warm".equals(tag) ? "1" : "2") + String.format("%06d", i);
  }

  private static String linkedId(String tag, int i) {
    return ("warm".equals(tag) ? "17638" : "17639") + String.format("%05d", i) + ".12";
  }

  private void hangUp(int from, int to, String tag) {
    for (int i = from; i < to; i++) {
      String number = number(tag, i);
      String linkedId = linkedId(tag, i);
      peer.emitAll(AsteriskEvents.missed(number, String.valueOf(4000 + i), linkedId));
    }
  }

  /** Until the journal has ended every call and the follow-ups are started, then a few quiet seconds. */
  private void settle() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (jdbc.queryForObject("select count(*) from phone_call where state in ('RINGING', 'ANSWERED')", Long.class) > 0
        && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    // then until this JVM is quiet (follow-ups started by the hang-ups, the JIT): the figures are of a node at rest
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    os.getProcessCpuLoad();
    int quiet = 0;
    for (int i = 0; i < 120 && quiet < 3; i++) {
      TimeUnit.SECONDS.sleep(1);
      double load = os.getProcessCpuLoad();
      System.out.printf(Locale.ROOT, "settling: this JVM at %.0f %% of the machine%n", load * 100);
      quiet = load < 0.10 ? quiet + 1 : 0;
    }
  }

  private List<Long> route(int n) throws InterruptedException {
    List<Long> took = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 2 * n; i++) { // warm-up, then one question at a time: the decision's own time
      try {
        long start = System.nanoTime();
        FastAgiClient.call(AGI_PORT, "route", "7997" + String.format("%07d", i), "w" + i);
        if (i >= n) {
          oneByOne.add(System.nanoTime() - start);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      String caller = "7998" + String.format("%07d", i);
      Thread asker = new Thread(() -> {
        try {
          go.await();
          long start = System.nanoTime();
          FastAgiClient.call(AGI_PORT, "route", caller, "b" + caller);
          took.add(System.nanoTime() - start);
        } catch (Exception e) {
          System.out.println("FastAGI question failed: " + e.getMessage());
        } finally {
          done.countDown();
        }
      });
      asker.start();
    }
    go.countDown();
    done.await(60, TimeUnit.SECONDS);
    return new ArrayList<>(took);
  }

  private static long micros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private void read(WebSession session, Map<String, Long> poppedAt, Map<String, Long> publishedAt) {
    try (Stream<String> lines = session.live()) {
      String[] event = {""};
      lines.forEach(line -> {
        if (line.startsWith("event:")) {
          event[0] = line.substring(6).trim();
        } else if (line.startsWith("data:") && event[0].equals("call-ringing")) {
          long now = System.nanoTime();
          long nowMicros = micros();
          try {
            JsonNode data = json.readTree(line.substring(5));
            String number = data.path("data").path("number").asText().substring(1);
            poppedAt.putIfAbsent(number, now);
            readAtMicros.putIfAbsent(number, nowMicros);
            publishedAt.putIfAbsent(number, data.path("publishedAtMicros").asLong());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
    } catch (Exception e) {
      // the stream ends with the test
    }
  }

  private static boolean waitFor(Map<String, Long> arrived, int expected, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (arrived.size() < expected && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return arrived.size() >= expected;
  }

  /** Nanoseconds sorted → the percentile in milliseconds. */
  private static double pct(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
