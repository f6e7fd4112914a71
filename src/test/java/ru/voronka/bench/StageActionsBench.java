package ru.voronka.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.automation.StageActionForm;
import ru.voronka.automation.StageActionRuns;
import ru.voronka.automation.StageActions;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresDatabase;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;

/**
 * Issue 17, item 9: {@code bench.actions} (10 000) stage-action runs due in the same minute — how long
 * until all have fired, been sent through the outbox (a provider that answers at once) and been logged in
 * their deals' histories; next to a bare Camunda engine whose job executor runs the same three jobs per
 * run (timer, two async continuations) with no work in them. Time moves on the engine's clock.
 * Run with {@code mvn -Pbench verify -Dit.test=StageActionsBench}; see bench/README.md.
 */
@Import(StageActionsBench.InstantProvider.class)
class StageActionsBench extends PostgresIT {

  /** A provider that takes every message at once: the bench measures Voronka, not a network. */
  @TestConfiguration
  static class InstantProvider {
    @Bean
    @Primary
    ClientMessenger instantMessenger() {
      return message -> new ClientMessenger.SentMessage("bench", "bench:" + UUID.randomUUID());
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired StageActions actions;
  @Autowired StageActionRuns runs;
  @Autowired JdbcTemplate jdbc;

  @Value("${bench.actions:10000}")
  int total;

  @Value("${bench.deals:100}")
  int dealCount;

  @Test
  void tenThousandActionsDueInOneMinute() throws Exception {
    int perDeal = Math.max(1, total / dealCount);
    int runsTotal = perDeal * dealCount;
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    List<Long> deals = new ArrayList<>();
    for (int i = 0; i < dealCount; i++) {
      deals.add(admin.post("/api/deals", Map.of("title", "Бенч " + i, "amount", 1000,
          "client", Map.of("name", "ООО «Бенч " + i + "»", "contactName", "Клиент " + i,
              "phone", String.format("+7 916 %03d-%02d-%02d", 100 + i / 100, i % 100, 11)))).expect(201).json().path("id").asLong());
    }
    Viewer rop = Viewer.of("admin", List.of(Group.ADMINS.id()));
    List<Long> actionIds = new ArrayList<>();
    for (int a = 0; a < perDeal; a++) {
      actionIds.add(actions.create(rop, new StageActionForm(DealStage.LAUNCH.name(), "Бенч " + a, true, "PT1M", false, false,
          null, null, "MAIN_CONTACT", "Здравствуйте, {Имя основного контакта}! {Ссылка на сделку}", List.of())).getId());
    }

    Instant entered = TestClock.INSTANCE.instant();
    long scheduling = System.nanoTime();
    for (Long deal : deals) {
      runs.start(deal, DealStage.LAUNCH, entered);
    }
    double scheduled = seconds(scheduling);

    TestClock.INSTANCE.moveTo(entered.plus(Duration.ofMinutes(1)).plusSeconds(1));
    long due = System.nanoTime();
    String inActions = "action_id in (" + String.join(",", actionIds.stream().map(String::valueOf).toList()) + ")";
    String causes = "stage-action:%-LAUNCH-" + entered.toEpochMilli() + "-%";
    double fired = until(() -> count("select count(*) from stage_action_run where " + inActions + " and status <> 'WAITING'"),
        runsTotal, due);
    double sent = until(() -> jdbc.queryForObject("select count(*) from chat_message where idempotency_key like ? and status = 'SENT'",
        Long.class, causes), runsTotal, due);
    double logged = until(() -> count("select count(*) from stage_action_run where " + inActions + " and status = 'SENT'"),
        runsTotal, due);
    double firstToLast = seconds(due);

    double bare = bareEngine(runsTotal);
    System.out.printf(Locale.ROOT, "%n=== Stage actions: %d runs (%d deals × %d actions) due in the same minute, PostgreSQL 15, "
        + "history full, %d cores ===%n", runsTotal, dealCount, perDeal, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "scheduled (runs started, timers set): %8.1f s (%.0f runs/s)%n", scheduled, runsTotal / scheduled);
    System.out.printf(Locale.ROOT, "after the due time: all fired %8.1f s, all sent %8.1f s, all logged %8.1f s%n", fired, sent, logged);
    System.out.printf(Locale.ROOT, "Voronka: %.0f runs/s end to end (3 jobs + 1 event each: %.0f jobs/s)%n",
        runsTotal / firstToLast, 3 * runsTotal / firstToLast);
    System.out.printf(Locale.ROOT, "bare Camunda 7.24, same 3 jobs per run, no work in them: %.1f s, %.0f runs/s (%.0f jobs/s)%n",
        bare, runsTotal / bare, 3 * runsTotal / bare);
    System.out.printf(Locale.ROOT, "ratio Voronka / bare engine: %.2f%n%n", bare / firstToLast);
  }

  long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** Seconds since the due time until the count reaches the target (polled every 200 ms; gives up after 30 minutes). */
  double until(LongSupplier count, long target, long since) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (count.getAsLong() < target && System.nanoTime() < deadline) {
      Thread.sleep(200); // a bench waits for the engine it measures; the tests never sleep
    }
    return count.getAsLong() < target ? Double.NaN : seconds(since);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  double bareEngine(int n) throws InterruptedException {
    var db = PostgresDatabase.another();
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(db.url()).setJdbcUsername(db.user()).setJdbcPassword(db.password()).setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(true)
        .setProcessEngineName("bare-stage-bench").buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("bare-timer.bpmn",
          Bpmn.createExecutableProcess("bareTimer").camundaHistoryTimeToLive(1).startEvent()
              .intermediateCatchEvent("timer").timerWithDate("${dueAt}")
              .serviceTask("send").camundaAsyncBefore().camundaExpression("${true}")
              .serviceTask("outbox").camundaAsyncBefore().camundaExpression("${true}")
              .endEvent().done()).deploy();
      Instant start = TestClock.INSTANCE.instant();
      Date dueAt = Date.from(start.plus(Duration.ofMinutes(1)));
      for (int i = 0; i < n; i++) {
        engine.getRuntimeService().startProcessInstanceByKey("bareTimer", Map.of("dueAt", dueAt));
      }
      TestClock.INSTANCE.moveTo(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
      long due = System.nanoTime();
      long deadline = due + Duration.ofMinutes(30).toNanos();
      while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bareTimer").count() > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      return seconds(due);
    } finally {
      engine.close();
    }
  }
}
