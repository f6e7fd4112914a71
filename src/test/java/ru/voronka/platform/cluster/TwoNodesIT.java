package ru.voronka.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import ru.voronka.directory.Directory;
import ru.voronka.support.Api;
import ru.voronka.support.CaddyProxy;
import ru.voronka.support.OtherNode;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;
import ru.voronka.support.WebSession;
import ru.voronka.telephony.ClientEvent;
import ru.voronka.telephony.ClientEvents;

/**
 * PLT-4 for real: two Voronka nodes on one PostgreSQL — node B is this test's application, node A a
 * JVM of its own ({@link OtherNode}). They share nothing but the database. Shown: a session made on
 * A is valid on B; a live event raised on A reaches a page connected to B; timers and retries of
 * Camunda jobs run once; the scheduled work runs on one node once; and A killed in the middle of a
 * job loses nothing — the job is run by B once A's lock on it expires (8 s here), and B takes over
 * the scheduled work once A's cluster lock expires (6 s here).
 */
@TestPropertySource(properties = {"voronka.cluster.region=it-two-nodes", "voronka.cluster.lock-ttl=PT6S",
    "voronka.cluster.heartbeat=PT1S", "camunda.bpm.job-execution.lock-time-in-millis=8000",
    "voronka.events.reminder-check=PT2S", "camunda.bpm.job-execution.max-wait=2000"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT extends PostgresIT {

  /** Node A runs with the same cluster settings as B. */
  static final Map<String, String> SAME = Map.of("voronka.cluster.region", "it-two-nodes", "voronka.cluster.lock-ttl", "PT6S",
      "voronka.cluster.heartbeat", "PT1S", "camunda.bpm.job-execution.lock-time-in-millis", "8000",
      "voronka.events.reminder-check", "PT2S", "camunda.bpm.job-execution.max-wait", "2000");
  static final String PASSWORD = "secret1";

  static OtherNode nodeA;

  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String databaseUrl;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired ScheduledWork scheduledWork;
  @Autowired LockRegistryLeaderInitiator leadership;
  @Autowired ClientEvents clientEvents;
  @Autowired Directory directory;

  @BeforeEach
  void startNodeA() throws Exception {
    if (nodeA == null) {
      jdbc.execute(TwoNodesProbe.TABLE);
      long started = System.nanoTime();
      nodeA = OtherNode.start("A", databaseUrl, SAME, Duration.ofMinutes(8));
      System.out.printf("Node A up in %d s (node B: this test's application, port %d)%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), port);
    }
  }

  @AfterAll
  static void stopNodeA() throws Exception {
    if (nodeA != null) {
      nodeA.close();
    }
  }

  String nodeB() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  @Order(1)
  void aSessionMadeOnNodeAIsValidOnNodeB_andSigningOutOnBEndsItOnA() throws Exception {
    WebSession onA = WebSession.login(nodeA.url(), ADMIN, ADMIN_PASSWORD);
    assertThat(onA.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200); // Tasklist signs in from the session
    WebSession onB = onA.on(nodeB()); // the same browser, the proxy sent this request to B

    assertThat(onB.get("/settings").statusCode()).isEqualTo(200);
    var webapps = onB.get("/camunda/api/admin/auth/user/default"); // the webapps' sign-in made on A, read on B
    assertThat(webapps.statusCode()).isEqualTo(200);
    assertThat(webapps.body()).contains("\"userId\":\"admin\"");
    assertThat(onB.logout().statusCode()).isEqualTo(302);

    assertThat(onA.get("/settings").statusCode()).as("signed out on B: A asks for the login").isEqualTo(302);
  }

  @Test
  @Order(2)
  void aLiveEventRaisedOnNodeAReachesAUserConnectedToNodeB() throws Exception {
    Long chat = listenerAndTalkersChat();
    WebSession listener = WebSession.login(nodeB(), "nodeslisten", PASSWORD);
    Stream<String> live = listener.live();
    CompletableFuture<String> heard = CompletableFuture.supplyAsync(() ->
        live.filter(line -> line.contains("Привет с узла A")).findFirst().orElse(null));
    Thread.sleep(1000); // the stream is open on B

    WebSession talker = WebSession.login(nodeA.url(), "nodestalk", PASSWORD);
    long sent = System.nanoTime();
    var posted = talker.postMultipart("/chats/" + chat + "/messages", Map.of("text", "Привет с узла A"), Map.of());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

    assertThat(heard.get(20, TimeUnit.SECONDS)).contains("Привет с узла A");
    System.out.printf("SSE across nodes: a message posted on A reached the page on B in %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
    live.close();
  }

  /**
   * docker-compose.yml's one address: its Caddy (the repository's Caddyfile) in front of both nodes,
   * round-robin without sticky sessions. The sign-in's two requests may land on different nodes, every
   * page after it is served signed in whichever node answers, and a page's live stream, held by one
   * node, carries what was posted through the proxy to either.
   */
  @Test
  @Order(3)
  void theProxyOfDockerComposeServesBothNodesAtOneAddress_signedIn_withLiveEvents() throws Exception {
    Assumptions.assumeTrue(CaddyProxy.installed(), "caddy is not installed (.ci/run installs Debian's)");
    Long chat = listenerAndTalkersChat();
    try (CaddyProxy proxy = CaddyProxy.inFrontOf(List.of(nodeA.url().replace("http://", ""), nodeB().replace("http://", "")),
        Duration.ofSeconds(20))) {
      WebSession talker = WebSession.login(proxy.url(), "nodestalk", PASSWORD);
      java.util.Set<String> servedBy = new java.util.TreeSet<>();
      for (int i = 0; i < 10; i++) {
        var page = talker.get("/settings");
        assertThat(page.statusCode()).as("signed in on whichever node answers").isEqualTo(200);
        servedBy.add(page.headers().firstValue(CaddyProxy.UPSTREAM_HEADER).orElseThrow());
      }
      assertThat(servedBy).as("both nodes serve the one address").hasSize(2);

      WebSession listener = WebSession.login(proxy.url(), "nodeslisten", PASSWORD);
      Stream<String> live = listener.live();
      int messages = 4; // round-robin: posted through both nodes
      CompletableFuture<Long> heard = CompletableFuture.supplyAsync(() ->
          live.filter(line -> line.contains("Через прокси")).limit(messages).count());
      Thread.sleep(1000); // the stream is open on one of the nodes
      long sent = System.nanoTime();
      for (int i = 1; i <= messages; i++) {
        var posted = talker.postMultipart("/chats/" + chat + "/messages", Map.of("text", "Через прокси " + i), Map.of());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      }
      assertThat(heard.get(30, TimeUnit.SECONDS)).isEqualTo(messages);
      System.out.printf("Through docker-compose's Caddy: 10 pages served signed in by %s; %d messages posted through the "
          + "proxy reached a live stream held by one node in %d ms%n", servedBy, messages,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
      live.close();
    }
  }

  @Test
  @Order(4)
  void sharedTimersAndRetriesRunOnce() throws Exception {
    deployProbe();
    List<String> instances = startProbes(30, "flaky");

    await("every probe instance ended", Duration.ofMinutes(3), () -> ended(instances) == instances.size());

    for (String id : instances) {
      assertThat(count(id, "done")).as("instance %s ran to its end once", id).isEqualTo(1);
      assertThat(count(id, "attempt")).as("instance %s: one failure, one retry", id).isEqualTo(2);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
          .activityId("Timer_Wait").finished().count()).as("its timer fired once").isEqualTo(1);
    }
    Map<String, Object> byNode = jdbc.queryForMap("select count(*) filter (where node = 'A') as a, "
        + "count(*) filter (where node = 'B') as b from it_probe where kind = 'done' and instance_id in ("
        + String.join(",", instances.stream().map(i -> "'" + i + "'").toList()) + ")");
    System.out.printf("Camunda jobs on two nodes: %d instances, each timer fired once and each failed job retried once;"
        + " completed on A: %s, on B: %s%n", instances.size(), byNode.get("a"), byNode.get("b"));
  }

  @Test
  @Order(5)
  void theScheduledWorkRunsOnOneNode_eachReminderOnce() throws Exception {
    assertThat(lockHolders()).as("one node holds the scheduled-work lock").hasSize(1);
    String employee = hire("nodesremind");
    List<Long> events = remindersDueNow(employee, 10);

    await("all reminded", Duration.ofSeconds(60), () -> remindedOf(events) == events.size());
    Thread.sleep(6000); // three more runs of the reminder check on each node

    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and title like 'Напоминание%'",
        Integer.class, employee)).isEqualTo(events.size());
    System.out.printf("Scheduled work: %d reminders, each sent once; run by node %s%n", events.size(),
        scheduledWork.here() ? "B" : "A");
  }

  @Test
  @Order(6)
  void nodeAKilledMidJobLosesNothing() throws Exception {
    // A leads the scheduled work: B steps aside until A holds the lock, then stands again.
    leadership.stop();
    await("A leads", Duration.ofSeconds(30), () -> lockHolders().size() == 1 && !scheduledWork.here());
    leadership.start();

    // B's job executor pauses until A is in the middle of a job, so that A takes some.
    var jobExecutor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    jobExecutor.shutdown();
    List<String> slow = new ArrayList<>();
    try {
      for (int round = 0; round < 5 && midJobOnA(slow).isEmpty(); round++) {
        slow.addAll(startProbes(6, "slowOnA"));
        await("jobs taken", Duration.ofSeconds(40), () -> !midJobOnA(slow).isEmpty() || ended(slow) == slow.size());
      }
    } finally {
      jobExecutor.start();
    }
    List<String> inFlight = midJobOnA(slow);
    assertThat(inFlight).as("A is in the middle of a job").isNotEmpty();
    String employee = hire("nodeskilled");
    List<Long> reminders = remindersDueNow(employee, 5);
    if (scheduledWork.here()) { // on a loaded machine A may have missed its renewals meanwhile: A leads again
      leadership.stop();
      await("A leads", Duration.ofSeconds(30), () -> lockHolders().size() == 1 && !scheduledWork.here());
      leadership.start();
    }
    assertThat(scheduledWork.here()).as("A leads the scheduled work when it dies").isFalse();

    Instant killedAt = Instant.now();
    nodeA.kill();

    await("B leads", Duration.ofSeconds(60), scheduledWork::here);
    Duration leadTakeover = Duration.between(killedAt, Instant.now());
    await("every job done", Duration.ofMinutes(2), () -> ended(slow) == slow.size());
    Duration jobsRecovered = Duration.between(killedAt, Instant.now());
    await("every reminder sent", Duration.ofSeconds(60), () -> remindedOf(reminders) == reminders.size());

    for (String id : slow) {
      assertThat(count(id, "done")).as("instance %s done once", id).isEqualTo(1);
    }
    for (String id : inFlight) {
      assertThat(jdbc.queryForObject("select node from it_probe where instance_id = ? and kind = 'done'", String.class, id))
          .as("the job A died in was run again by B").isEqualTo("B");
    }
    Thread.sleep(4000);
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and title like 'Напоминание%'",
        Integer.class, employee)).isEqualTo(reminders.size());
    System.out.printf("Node A killed mid-job: in flight %d jobs on A (of %d) and %d reminders due; lost 0;"
        + " B led the scheduled work after %.1f s (lock TTL 6 s), every job done after %.1f s (job lock 8 s)%n",
        inFlight.size(), slow.size(), reminders.size(), leadTakeover.toMillis() / 1000.0, jobsRecovered.toMillis() / 1000.0);
  }

  // --- helpers

  /** The personal chat of two hired employees: «nodeslisten» follows its live events, «nodestalk» writes in it. */
  private Long listenerAndTalkersChat() {
    hire("nodeslisten");
    hire("nodestalk");
    return jdbc.queryForObject("""
        select c.id from chat c
        join chat_member m1 on m1.chat_id = c.id join employee e1 on e1.id = m1.employee_id and e1.user_id = 'nodeslisten'
        join chat_member m2 on m2.chat_id = c.id join employee e2 on e2.id = m2.employee_id and e2.user_id = 'nodestalk'
        where c.kind = 'PERSONAL'""", Long.class);
  }

  private String hire(String userId) {
    var r = new Api(rest, ADMIN, ADMIN_PASSWORD).post("/api/employees", Map.of("userId", userId, "password", PASSWORD,
        "firstName", "Узел", "lastName", userId, "groups", List.of("MANAGERS"), "email", userId + "@voronka.test"));
    assertThat(r.status()).as(r.body()).isIn(201, 409);
    return userId;
  }

  private void deployProbe() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("twoNodesProbe").count() > 0) {
      return;
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess("twoNodesProbe").name("Проба двух узлов")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Timer_Wait").timerWithDuration("PT3S") // due later: every node's executor may take it
        .serviceTask("Task_Probe").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1S")
        .camundaExpression("${twoNodesProbe.run(execution)}")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().name("two-nodes-it").addModelInstance("two-nodes-probe.bpmn", model)
        .deploy();
  }

  private List<String> startProbes(int n, String mode) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(engine.getRuntimeService().startProcessInstanceByKey("twoNodesProbe", Map.of("mode", mode)).getId());
    }
    return ids;
  }

  private long ended(List<String> ids) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids))
        .finished().count();
  }

  private int count(String instance, String kind) {
    return jdbc.queryForObject("select count(*) from it_probe where instance_id = ? and kind = ?", Integer.class, instance,
        kind);
  }

  /** Instances whose job A has begun and not finished. */
  private List<String> midJobOnA(List<String> ids) {
    return ids.stream().filter(id -> jdbc.queryForObject("select count(*) from it_probe where instance_id = ? and node = 'A'"
        + " and kind = 'attempt'", Integer.class, id) > 0 && count(id, "done") == 0).toList();
  }

  private List<String> lockHolders() {
    return jdbc.queryForList("select client_id from int_lock where region = 'it-two-nodes'", String.class);
  }

  private List<Long> remindersDueNow(String userId, int n) {
    Instant now = TestClock.INSTANCE.instant();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(clientEvents.schedule(ClientEvent.Kind.CALL, "Перезвонить клиенту №" + i, directory.requireEmployee(userId),
          null, null, null, now.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15)).getId());
    }
    return ids;
  }

  private int remindedOf(List<Long> events) {
    return jdbc.queryForObject("select count(*) from client_event where reminded_at is not null and id in ("
        + String.join(",", events.stream().map(String::valueOf).toList()) + ")", Integer.class);
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not in " + timeout + ": " + what);
      }
      Thread.sleep(250);
    }
  }
}
