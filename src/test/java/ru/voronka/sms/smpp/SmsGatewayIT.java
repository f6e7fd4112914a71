package ru.voronka.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.chat.ClientDelivery;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.sms.SmsPort;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;

/**
 * Issue 19's «done when» on the whole application and PostgreSQL: SMS to clients leave through the
 * outbox to an SMPP gateway ({@link SmscPeer}) that is down for ten minutes, then back — every SMS
 * is sent once and ends «Доставлено»; a gateway that answers later than the timeout gets no second
 * copy, and its late reply and receipt correct the «Ошибка» the timeout left.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own context: not kept, with its connections, for the rest of the run
class SmsGatewayIT extends PostgresIT {

  static final SmscPeer smsc = peer();

  static SmscPeer peer() {
    try {
      return new SmscPeer(SmscPeer.freePort());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    registry.add("voronka.sms.provider", () -> "smpp");
    registry.add("voronka.sms.notify-employees", () -> "false");
    registry.add("voronka.sms.smpp.host", () -> "127.0.0.1");
    registry.add("voronka.sms.smpp.port", smsc::port);
    registry.add("voronka.sms.smpp.system-id", () -> "voronka");
    registry.add("voronka.sms.smpp.password", () -> "secret");
    registry.add("voronka.sms.smpp.default-sender", () -> "+79160000000");
    registry.add("voronka.sms.smpp.timeout", () -> "PT1S");
    registry.add("voronka.sms.smpp.reconnect-min", () -> "PT0.1S");
    registry.add("voronka.sms.smpp.reconnect-max", () -> "PT0.5S");
  }

  @AfterAll
  static void stopGateway() throws Exception {
    smsc.close();
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChatFinder finder;
  @Autowired ClientDelivery delivery;
  @Autowired ChatPosting posting;
  @Autowired SmsPort sms;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  Api admin;
  Viewer rop = Viewer.of("smsrop", List.of(Group.HEAD_OF_SALES.id()));

  @BeforeEach
  void people() {
    admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    assertThat(admin.post("/api/employees", Map.of("userId", "smsrop", "password", "secret1", "firstName", "Ольга",
        "lastName", "Смсова", "groups", List.of("HEAD_OF_SALES"), "email", "smsrop@voronka.test")).status()).isIn(201, 409);
  }

  Long clientChat(String title, String phone) {
    long deal = admin.post("/api/deals", Map.of("title", title, "amount", 50000,
        "client", Map.of("name", "ООО «" + title + "»", "contactName", "Иванов Сергей", "phone", phone)))
        .expect(201).json().path("id").asLong();
    admin.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, Duration.ofSeconds(20));
    return finder.dealChat(deal, ChatKind.DEAL_CLIENT, rop);
  }

  @Test
  void aGatewayDownForTenMinutesThenBack_leavesEverySmsSentOnce_andItsStatusRight() throws Exception {
    smsc.stop(); // down from the start
    await().atMost(Duration.ofSeconds(10)).until(() -> sms.state().contains("нет связи"));
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(posting.sendSms(clientChat("Сбой шлюза " + i, "+7 916 555-10-0" + i), rop, null, "Счёт №" + i + " выставлен").id());
    }
    for (Long id : sent) { // the first attempt of each: «Ошибка», retried automatically
      await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));
      assertThat(reason(id)).contains("SMS-шлюз не подключён").contains("повторится");
      await().atMost(Duration.ofSeconds(20)).until(() -> job(id) != null && job(id).getRetries() == 5);
    }

    TestClock.INSTANCE.advance(Duration.ofMinutes(10));
    smsc.receiptId = SmscPeer.ReceiptId.DECIMAL;
    smsc.autoReceipt = "DELIVRD";
    smsc.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> sms.state().contains("подключён с"));

    for (Long id : sent) {
      retryNow(id); // the retry, without waiting for its minute
      delivery.deliver(id); // and once more, as a job whose commit was lost would
    }
    for (Long id : sent) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(id)));
      assertThat(reason(id)).isNull();
    }
    assertThat(smsc.received.stream().map(s -> s.getDestAddress()).toList())
        .containsExactlyInAnyOrder("79165551000", "79165551001", "79165551002");
  }

  @Test
  void aReplyLaterThanTheTimeout_sendsNoSecondCopy_andTheLateReplyAndReceiptCorrectTheError() throws Exception {
    smsc.received.clear();
    if (!sms.state().contains("подключён с")) {
      smsc.start();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sms.state().contains("подключён с"));
    smsc.autoReceipt = null;
    smsc.replyDelay = Duration.ofMillis(2500);
    Long id = posting.sendSms(clientChat("Медленный шлюз", "+7 916 555-20-00"), rop, null, "Договор подписан").id();

    await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));
    assertThat(reason(id)).contains("ждём его ответа или квитанции");
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id))); // the reply came, late
    smsc.replyDelay = Duration.ZERO;

    retryNow(id); // the outbox's retry: nothing to send any more
    smsc.receipt(smsc.answeredIds().size() - 1, "DELIVRD");
    await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(id)));
    assertThat(smsc.received).hasSize(1);
  }

  /** The outbox's retry now; the job executor, whose clock moved too, may be running it already. */
  void retryNow(Long messageId) {
    var job = job(messageId);
    if (job != null) {
      try {
        management.executeJob(job.getId());
      } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException raced) {
        // the executor took it first
      }
    }
  }

  org.camunda.bpm.engine.runtime.Job job(Long messageId) {
    var process = runtime.createProcessInstanceQuery().processDefinitionKey("sendClientMessage")
        .variableValueEquals("messageId", messageId).singleResult();
    return process == null ? null : management.createJobQuery().processInstanceId(process.getId()).singleResult();
  }

  String status(Long id) {
    return jdbc.queryForObject("select status from chat_message where id = ?", String.class, id);
  }

  String reason(Long id) {
    return jdbc.queryForObject("select status_reason from chat_message where id = ?", String.class, id);
  }
}
