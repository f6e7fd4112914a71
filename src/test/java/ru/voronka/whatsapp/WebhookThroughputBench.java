package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresDatabase;
import ru.voronka.support.WebSession;

/**
 * Inbound WhatsApp messages per second through Wazzup's webhook — checked, stored once, routed to
 * the client's deal chat (COM-5 correlated), pushed to the manager's open browser stream — with the
 * latency from the provider's POST to the manager's SSE event; next to pgbench's TPS on the same
 * PostgreSQL in the same run (the commit rate every stored message needs).
 * Run with {@code mvn -Pbench verify -Dit.test=WebhookThroughputBench}; see bench/README.md.
 */
class WebhookThroughputBench extends WhatsAppIT {

  static final Pattern SEQ = Pattern.compile("bench-(\\d+)");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Value("${bench.messages:3000}") int messages;
  @Value("${bench.threads:16}") int threads;
  @Value("${bench.clients:50}") int clients;
  /** Enough for the JIT to have compiled the path: a short warm-up measured the compiler, not the node. */
  @Value("${bench.warmup:2000}") int warmup;
  /** Messages per webhook: Wazzup delivers several at once when they come fast ({@code "messages": [...]}). */
  @Value("${bench.batch:1}") int batch;

  @Test
  void inboundWebhooksPerSecond() throws Exception {
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withBody("{\"messageId\":\"x\"}")));
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    admin.post("/api/employees", Map.of("userId", "whbench", "password", "bench1", "firstName", "Бенч", "lastName", "Менеджер",
        "groups", List.of("MANAGERS"), "email", "whbench@voronka.bench"));
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      String phone = String.format("7917%07d", 1_000_000 + i);
      admin.post("/api/deals", Map.of("title", "Бенч " + i, "amount", 10000,
          "client", Map.of("name", "ООО «Бенч " + i + "»", "phone", "+" + phone))).expect(201);
      phones.add(phone);
    }
    // Every client's messages are routed to the bench manager (the counterparty card's responsible).
    jdbc.update("update counterparty set responsible_id = (select id from employee where user_id = 'whbench') where name like 'ООО «Бенч %'");

    Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
    Map<Integer, Long> pushedAt = new ConcurrentHashMap<>();
    List<Long> answerMicros = Collections.synchronizedList(new ArrayList<>());
    WebSession manager = WebSession.login("http://localhost:" + port, "whbench", "bench1");
    Thread reader = new Thread(() -> read(manager, pushedAt), "bench-sse");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(1000);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    run(http, warmup, phones, -1_000_000, new ConcurrentHashMap<>(), Collections.synchronizedList(new ArrayList<>()));
    Thread.sleep(2000); // the warm-up's pop-ups and COM-5 correlations settle

    long started = System.nanoTime();
    run(http, messages, phones, 0, sentAt, answerMicros);
    long deadline = System.currentTimeMillis() + 60_000;
    while (pushedAt.keySet().stream().filter(k -> k >= 0).count() < messages && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    long lastPush = pushedAt.entrySet().stream().filter(e -> e.getKey() >= 0).mapToLong(Map.Entry::getValue).max().orElse(started);
    double seconds = (lastPush - started) / 1e9;
    List<Long> endToEnd = new ArrayList<>();
    sentAt.forEach((seq, sent) -> {
      Long pushed = pushedAt.get(seq);
      if (pushed != null) {
        endToEnd.add((pushed - sent) / 1000);
      }
    });
    Collections.sort(endToEnd);
    Collections.sort(answerMicros);
    long stored = jdbc.queryForObject("select count(*) from chat_message where external_id like 'wazzup:bench-%'", Long.class);
    double pgbenchTps = pgbench();
    double rate = endToEnd.size() / seconds;

    System.out.printf(Locale.ROOT, "%n=== Inbound WhatsApp webhooks → stored, routed, pushed to the manager: %d messages after %d warm-up ones,"
        + " %d per webhook, %d sender threads, %d clients, PostgreSQL 15 on this machine, one node, %d cores ===%n", messages, warmup,
        batch, threads, clients,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "Stored: %d   pushed to the manager: %d of %d in %.1f s%n", stored, endToEnd.size(), messages, seconds);
    System.out.printf(Locale.ROOT, "Throughput: %.0f messages/s (aim 1 000/s or the commit-rate limit)%n", rate);
    System.out.printf(Locale.ROOT, "Webhook answered: p50 %.1f ms, p99 %.1f ms%n", pct(answerMicros, 50), pct(answerMicros, 99));
    System.out.printf(Locale.ROOT, "POST → manager's SSE event: p50 %.1f ms, p99 %.1f ms (aim p99 < 50 ms)%n", pct(endToEnd, 50),
        pct(endToEnd, 99));
    System.out.printf(Locale.ROOT, "pgbench (TPC-B-like, -c %d -j 2 -T 15, same server, same run): %.0f TPS%n", threads, pgbenchTps);
    System.out.printf(Locale.ROOT, "Ratio messages/s ÷ pgbench TPS: %.2f%n%n", rate / pgbenchTps);
  }

  private void run(HttpClient http, int count, List<String> phones, int firstSeq, Map<Integer, Long> sentAt, List<Long> answers)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        int i;
        while ((i = next.getAndAdd(batch)) < count) {
          List<String> messages = new ArrayList<>();
          List<Integer> seqs = new ArrayList<>();
          for (int k = i; k < Math.min(i + batch, count); k++) {
            int seq = firstSeq + k;
            seqs.add(seq);
            messages.add("""
                {"messageId": "bench-%d", "dateTime": "2026-11-23T07:15:00.000Z", "channelId": "channel-it",
                  "chatType": "whatsapp", "chatId": "%s", "type": "text", "isEcho": false, "text": "bench-%d",
                  "contact": {"name": "Клиент"}}""".formatted(seq, phones.get(Math.floorMod(seq, phones.size())), seq));
          }
          String body = "{\"messages\": [" + String.join(",", messages) + "]}";
          long sent = System.nanoTime();
          seqs.forEach(seq -> sentAt.put(seq, sent));
          try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/wazzup"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CRM_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            answers.add((System.nanoTime() - sent) / 1000);
            if (response.statusCode() != 200) {
              System.err.println("Webhook answered " + response.statusCode());
            }
          } catch (Exception e) {
            System.err.println("Webhook failed: " + e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  private void read(WebSession session, Map<Integer, Long> pushedAt) {
    try (Stream<String> lines = session.live()) {
      String[] event = {""};
      lines.forEach(line -> {
        if (line.startsWith("event:")) {
          event[0] = line.substring(6).trim();
        } else if (line.startsWith("data:") && event[0].equals("chat-message")) {
          long now = System.nanoTime();
          try {
            JsonNode data = json.readTree(line.substring(5)).path("data");
            Matcher m = SEQ.matcher(data.path("text").asText());
            if (m.find()) {
              pushedAt.putIfAbsent(Integer.parseInt(m.group(1)), now);
            }
          } catch (Exception e) {
            // not a bench message
          }
        }
      });
    } catch (Exception e) {
      // the stream ends with the test
    }
  }

  /** pgbench's TPS on a fresh database of the same server, with as many clients as the bench has threads. */
  private double pgbench() throws Exception {
    var db = PostgresDatabase.another();
    Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(db.url());
    if (!url.find()) {
      return Double.NaN;
    }
    List<String> connection = List.of("-h", url.group(1), "-p", url.group(2), "-U", db.user());
    exec(concat(List.of("pgbench", "-i", "-q", "-s", "1"), connection, List.of(url.group(3))));
    String out = exec(concat(List.of("pgbench", "-c", String.valueOf(threads), "-j", "2", "-T", "15"), connection,
        List.of(url.group(3))));
    Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(out);
    return tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }

  private static String exec(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "");
    Process process = builder.start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(l -> out.append(l).append('\n'));
    }
    process.waitFor(5, TimeUnit.MINUTES);
    return out.toString();
  }

  private static double pct(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
  }
}
