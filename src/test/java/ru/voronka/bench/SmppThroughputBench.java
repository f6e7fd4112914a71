package ru.voronka.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import ru.voronka.sms.SimCards;
import ru.voronka.sms.SmsPort.Sms;
import ru.voronka.sms.SmsPort.SmsNotSentException;
import ru.voronka.sms.SmsProperties.Smpp;
import ru.voronka.sms.SmsReport;
import ru.voronka.sms.smpp.SmppSms;
import ru.voronka.sms.smpp.SmscPeer;
import ru.voronka.support.PostgresDatabase;
import ru.voronka.support.TestClock;

/**
 * SMS per second through one transceiver bind, each with its receipt matched, the adapter's parts
 * kept in PostgreSQL as in production; then the same against a gateway that answers 0x58 above a
 * rate. {@code bench.sms} SMS from {@code bench.threads} senders (the outbox's job threads);
 * {@code bench.limit} the gateway's rate for the throttled run. Run with
 * {@code mvn -Pbench verify -Dit.test=SmppThroughputBench}; see bench/README.md.
 */
class SmppThroughputBench {

  final int count = Integer.getInteger("bench.sms", 2000);
  final int threads = Integer.getInteger("bench.threads", 4);
  final int limit = Integer.getInteger("bench.limit", 50);

  @Test
  void smsPerSecondThroughOneBind_withReceipts_andUnderThrottling() throws Exception {
    var db = PostgresDatabase.another();
    SimpleDriverDataSource postgres = new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.user(), db.password());
    Flyway.configure().dataSource(postgres).locations("classpath:db/migration").load().migrate();
    // A pool as the application has (Hikari), not a connection per statement.
    com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
    pool.setJdbcUrl(db.url());
    pool.setUsername(db.user());
    pool.setPassword(db.password());
    pool.setMaximumPoolSize(threads * 2 + 4);

    try (SmscPeer smsc = new SmscPeer(SmscPeer.freePort()).start(); pool) {
      smsc.autoReceipt = "DELIVRD";
      smsc.receiptId = SmscPeer.ReceiptId.DECIMAL; // hex in the reply, decimal in the receipt: matched both ways
      Set<String> delivered = ConcurrentHashMap.newKeySet();
      Smpp smpp = Smpp.of("127.0.0.1", smsc.port(), "voronka", "secret", "+79160000000", Map.of());
      try (SmppSms sms = new SmppSms(smpp, SimCards.of(Map.of(), "+79160000000"), pool, new DataSourceTransactionManager(pool),
          r -> {
            if (r.outcome() == SmsReport.Outcome.DELIVERED) {
              delivered.add(r.reference());
            }
          }, TestClock.INSTANCE).start()) {
        awaitBound(sms);
        run(sms, "warm-up", 200, delivered);

        smsc.submits.set(0);
        smsc.received.clear();
        Result free = run(sms, "free", count, delivered);
        print("One bind, receipts on, no throttling", free, smsc);

        smsc.maxPerSecond = limit;
        smsc.submits.set(0);
        smsc.received.clear();
        Result throttled = run(sms, "throttled", count / 4, delivered);
        print("One bind, receipts on, the gateway answers 0x58 above " + limit + " SMS/s", throttled, smsc);
      }
    }
  }

  record Result(int sent, int failedAttempts, double submitSeconds, double receiptSeconds) {}

  Result run(SmppSms sms, String run, int n, Set<String> delivered) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(senders.submit(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          Sms one = new Sms("+7916" + String.format(Locale.ROOT, "%07d", i), "Счёт №" + i + " выставлен, оплата до пятницы",
              null, run + "-" + i);
          while (true) { // what the outbox does, without its minute of back-off
            try {
              sms.send(one);
              break;
            } catch (SmsNotSentException e) {
              failures.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double submitted = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (delivered.stream().filter(r -> r.startsWith(run + "-")).count() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    double receipted = (System.nanoTime() - start) / 1e9;
    senders.shutdown();
    return new Result((int) delivered.stream().filter(r -> r.startsWith(run + "-")).count(), failures.get(), submitted, receipted);
  }

  void print(String title, Result r, SmscPeer smsc) {
    int n = smsc.received.size();
    System.out.printf(Locale.ROOT, "%s: %d SMS, %d threads%n", title, n, threads);
    System.out.printf(Locale.ROOT, "  accepted by the gateway in %.2f s: %.0f SMS/s (submit_sm sent: %d, of them 0x58: %d;"
        + " attempts given back to the caller: %d)%n", r.submitSeconds(), n / r.submitSeconds(), smsc.submits.get(),
        smsc.submits.get() - n, r.failedAttempts());
    System.out.printf(Locale.ROOT, "  every receipt matched («Доставлено») after %.2f s: %.0f SMS/s; delivered %d of %d%n",
        r.receiptSeconds(), r.sent() / r.receiptSeconds(), r.sent(), n);
  }

  static void awaitBound(SmppSms sms) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!sms.isBound() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
