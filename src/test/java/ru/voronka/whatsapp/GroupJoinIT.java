package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.TestClock;

/**
 * WA-10 on PostgreSQL: the QR code's join message. A stranger, or a code carried over from another
 * deal, is refused with the automatic reply; the client's own number asks the responsible, who
 * admits it in a Camunda task; from then on the number is accepted at once.
 */
class GroupJoinIT extends WhatsAppIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired GroupJoinLinks links;
  @Autowired WhatsAppInbox inbox;
  @Autowired TaskService tasks;

  @BeforeEach
  void stubs() {
    wazzup.stubFor(post("/v3/message").willReturn(accepted("")));
  }

  WhatsAppInbox.Outcome write(String phone, String text) {
    return inbox.receive(new InboundMessage("wazzup:join-" + UUID.randomUUID(), phone, "Клиент", text, TestClock.INSTANCE.instant(), false));
  }

  /** Answers to clients leave through the outbox's job: they arrive a moment after the webhook. */
  void repliedTo(String digits, String fragment) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> wazzup.verify(postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", equalTo(digits)))
        .withRequestBody(matchingJsonPath("$.text", containing(fragment)))));
  }

  @Test
  void onlyTheCounterpartysNumbersJoin_theFirstTimeByTheResponsiblesDecision_thenAtOnce() {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    long deal = admin.post("/api/deals", Map.of("title", "Группа по QR", "amount", 60000,
        "client", Map.of("name", "ООО «Кьюар»", "contactName", "Петрова Анна", "phone", "+7 917 555-66-77")))
        .expect(201).json().path("id").asLong();
    long other = admin.post("/api/deals", Map.of("title", "Другая сделка", "amount", 60000,
        "client", Map.of("name", "ООО «Другие»", "phone", "+7 917 555-66-00"))).expect(201).json().path("id").asLong();

    assertThat(write("+79990007788", links.joinText(deal))).isEqualTo(WhatsAppInbox.Outcome.JOIN_REFUSED);
    repliedTo("79990007788", "8-495-649-84-47");
    String forged = links.joinText(other).replace("№" + other, "№" + deal);
    assertThat(write("+79175556677", forged)).isEqualTo(WhatsAppInbox.Outcome.JOIN_REFUSED);

    assertThat(write("8 917 555 66 77", links.joinText(deal))).isEqualTo(WhatsAppInbox.Outcome.JOIN_REQUESTED);
    repliedTo("79175556677", "передан менеджеру");
    assertThat(write("+79175556677", links.joinText(deal))).isEqualTo(WhatsAppInbox.Outcome.JOIN_REQUESTED);
    var review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal))
        .taskDefinitionKey("Task_ReviewJoinRequest").list();
    assertThat(review).hasSize(1); // asking twice while it waits makes one request

    tasks.complete(review.get(0).getId(), Map.of("joinDecision", "APPROVE"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "select count(*) from group_admission where deal_id = ? and phone = '+79175556677'", Long.class, deal) == 1);
    repliedTo("79175556677", "добавлены в группу");

    assertThat(write("+7 (917) 555-66-77", links.joinText(deal))).isEqualTo(WhatsAppInbox.Outcome.JOIN_ACCEPTED);
    repliedTo("79175556677", "Вы в группе сделки");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal))
        .taskDefinitionKey("Task_ReviewJoinRequest").count()).isZero();
  }
}
