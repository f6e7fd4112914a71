package ru.voronka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresDatabase;
import ru.voronka.support.PostgresIT;

/**
 * Deals per second from creation to «Сделка успешна» through Voronka's REST API, next to a bare
 * Camunda engine driving a process with the same wait states (14 user tasks, 5 asynchronous
 * continuations) through its Java API, on the same PostgreSQL server in the same run.
 * Run with {@code mvn -Pbench verify}; see bench/README.md.
 */
class FunnelThroughputBench extends PostgresIT {

  /** The funnel's wait states on the invoice-only path, in order; "async" is a job the job executor runs. */
  static final List<String> WAIT_STATES = List.of("async", "Task_TakeRequest", "async", "Task_CheckItems", "Task_SendKp",
      "Task_GetKpFeedback", "Task_SendInvoice", "Task_GetPayment", "Task_EnterPaymentSchedule", "Task_ControlWorks",
      "Task_ControlPacking", "Task_CheckClientPayment", "async", "Task_ShipGoods", "Task_ControlShipment", "Task_SendActs",
      "Task_SendUpd", "async", "async");

  static final String PASSWORD = "bench1";

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ru.voronka.documents.DealDocuments documents;

  static final byte[] SIGNED_SCAN = "%PDF-1.4\n% подписано клиентом\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Value("${bench.deals:60}")
  int deals;

  @Value("${bench.threads:4}")
  int threads;

  @Test
  void dealsPerSecond_voronkaAgainstABareEngine() throws Exception {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    for (String[] u : new String[][] {{"bmanager", "MANAGERS"}, {"brop", "HEAD_OF_SALES"}, {"blogist", "LOGISTS"},
        {"baccountant", "ACCOUNTANTS"}}) {
      admin.post("/api/employees", Map.of("userId", u[0], "password", PASSWORD, "firstName", "Бенч", "lastName", u[0],
          "groups", List.of(u[1]), "email", u[0] + "@voronka.bench"));
    }
    VoronkaDriver voronka = new VoronkaDriver(admin.as("brop", PASSWORD), admin.as("bmanager", PASSWORD),
        admin.as("blogist", PASSWORD), documents);
    run("Voronka warm-up", Math.max(threads * 2, 8), voronka::driveOneDeal);
    double voronkaRate = run("Voronka", deals, voronka::driveOneDeal);

    ProcessEngine bare = bareEngine();
    try {
      Runnable bareDeal = () -> driveBare(bare);
      run("Bare engine warm-up", Math.max(threads * 2, 8), bareDeal);
      double bareRate = run("Bare engine", deals, bareDeal);
      System.out.printf(Locale.ROOT, "%n=== Funnel throughput, %d deals, %d client threads, PostgreSQL 15 on this machine, "
              + "history level full, %d cores ===%n", deals, threads, Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "Voronka (REST API, creation → «Сделка успешна»): %8.2f deals/s%n", voronkaRate);
      System.out.printf(Locale.ROOT, "Bare Camunda 7.24 (Java API, same %d wait states): %8.2f instances/s%n",
          WAIT_STATES.size(), bareRate);
      System.out.printf(Locale.ROOT, "Ratio Voronka / bare engine: %.2f (goal ≥ 0.70)%n%n", voronkaRate / bareRate);
    } finally {
      bare.close();
    }
  }

  private double run(String name, int count, Runnable oneDeal) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger left = new AtomicInteger(count);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          oneDeal.run();
        }
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d deals in %.1f s%n", name, count, seconds);
    return count / seconds;
  }

  /** One deal the way people drive it: every step through the API, reading the deal card for the next task. */
  record VoronkaDriver(Api rop, Api manager, Api logist, ru.voronka.documents.DealDocuments documents) {

    void driveOneDeal() {
      long deal = rop.post("/api/deals", Map.of("title", "Бенч", "amount", 99_000, "direction", "Бенч",
          "client", Map.of("name", "ООО «Бенч»", "phone", "+7 900 000-00-00"))).expect(201).json().path("id").asLong();
      String due = LocalDate.now().plusDays(30).toString();
      complete(manager, deal, "Task_TakeRequest", Map.of("takeDecision", "ACCEPT"));
      complete(manager, deal, "Task_CheckItems", Map.of("priority", "B", "clientName", "ООО «Бенч»", "deliveryDate", due));
      complete(manager, deal, "Task_SendKp", Map.of("amount", 99_000));
      complete(manager, deal, "Task_GetKpFeedback", Map.of("kpStatus", "AGREED"));
      complete(manager, deal, "Task_SendInvoice", Map.of("paymentTerms", "PREPAYMENT", "invoiceSigned", true));
      complete(manager, deal, "Task_GetPayment", Map.of("paid", true, "paymentDate", LocalDate.now().toString()));
      complete(manager, deal, "Task_EnterPaymentSchedule", Map.of("tranches", List.of(Map.of("percent", 100, "dueDate", due))));
      complete(manager, deal, "Task_ControlWorks", Map.of());
      complete(manager, deal, "Task_ControlPacking", Map.of());
      complete(manager, deal, "Task_CheckClientPayment", Map.of());
      complete(logist, deal, "Task_ShipGoods", Map.of());
      complete(manager, deal, "Task_ControlShipment", Map.of());
      // FUN-8: the act's and the УПД's tasks complete only with the client's signed scan uploaded.
      documents.addSigned(deal, ru.voronka.documents.DocumentType.ACT, "акт.pdf", SIGNED_SCAN, "bmanager");
      documents.addSigned(deal, ru.voronka.documents.DocumentType.UPD, "упд.pdf", SIGNED_SCAN, "bmanager");
      complete(manager, deal, "Task_SendActs", Map.of("actSigned", true));
      complete(manager, deal, "Task_SendUpd", Map.of("updSigned", true));
      manager.await("/api/deals/" + deal, d -> "WON".equals(d.path("status").path("code").asText()), Duration.ofSeconds(60));
    }

    private void complete(Api who, long deal, String taskKey, Map<String, Object> variables) {
      JsonNode details = who.await("/api/deals/" + deal, d -> find(d, taskKey) != null, Duration.ofSeconds(60));
      who.post("/api/tasks/" + find(details, taskKey) + "/complete", variables).expect(204);
    }

    private static String find(JsonNode deal, String taskKey) {
      for (JsonNode t : deal.path("openTasks")) {
        if (taskKey.equals(t.path("key").asText())) {
          return t.path("id").asText();
        }
      }
      return null;
    }
  }

  private ProcessEngine bareEngine() {
    var db = PostgresDatabase.another();
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(db.url()).setJdbcUsername(db.user()).setJdbcPassword(db.password()).setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(true)
        .setProcessEngineName("bare-bench").buildProcessEngine();
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent();
    int n = 0;
    for (String state : WAIT_STATES) {
      n++;
      flow = state.equals("async")
          ? flow.serviceTask("async" + n).camundaAsyncBefore().camundaExpression("${true}")
          : flow.userTask(state).camundaAssignee("bench");
    }
    BpmnModelInstance model = flow.endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model).deploy();
    return engine;
  }

  private static void driveBare(ProcessEngine engine) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("bare").getId();
    for (String state : WAIT_STATES) {
      if (state.equals("async")) {
        continue;
      }
      Task task = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (task == null && System.nanoTime() < deadline) {
        task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(state).singleResult();
        if (task == null) {
          sleep();
        }
      }
      if (task == null) {
        throw new AssertionError("bare instance stuck before " + state);
      }
      engine.getTaskService().complete(task.getId(), Map.of("step", state));
    }
    while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
