package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ClientDelivery;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;

/**
 * WA-3 and WA-10 with the Cloud API holding the deal's group, on PostgreSQL: the group is asked for
 * when the deal is created, arrives by webhook with its invite link (the deal's QR code), the
 * client's messages in it reach the deal's chat, the manager's answers go to the group, and join
 * requests are decided by Voronka: a stranger rejected with the automatic reply, the client's own
 * number approved by the responsible in a Camunda task.
 */
class CloudGroupsIT extends PostgresIT {

  static final String APP_SECRET = "cloud-groups-secret";
  static final String PHONE_ID = "106540352242922";
  static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    graph.start();
  }

  @AfterAll
  static void stop() {
    graph.resetAll();
  }

  @DynamicPropertySource
  static void cloud(DynamicPropertyRegistry registry) {
    registry.add("voronka.whatsapp.provider", () -> "cloud");
    registry.add("voronka.whatsapp.cloud.groups", () -> "true");
    registry.add("voronka.whatsapp.cloud.base-url", graph::baseUrl);
    registry.add("voronka.whatsapp.cloud.phone-number-id", () -> PHONE_ID);
    registry.add("voronka.whatsapp.cloud.access-token", () -> "token-it");
    registry.add("voronka.whatsapp.cloud.app-secret", () -> APP_SECRET);
    registry.add("voronka.whatsapp.cloud.verify-token", () -> "verify-it");
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired DealGroups groups;
  @Autowired ChatFinder finder;
  @Autowired ClientDelivery delivery;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  ResponseEntity<String> webhook(String body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Hub-Signature-256", CloudApiWebhookIT.sign(body, APP_SECRET));
    return rest.postForEntity("/webhooks/whatsapp-cloud", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
        String.class);
  }

  static String change(String field, String value) {
    return """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "%s",
          "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "74956498447", "phone_number_id": "%s"}, %s}}]}]}"""
        .formatted(field, PHONE_ID, value);
  }

  static String groupCreated(String requestId, String groupId, String link) {
    return change("group_lifecycle_update", """
        "groups": [{"timestamp": "1763882100", "group_id": "%s", "type": "group_create", "request_id": "%s",
          "subject": "Группа сделки", "invite_link": "%s", "join_approval_mode": "approval_required"}]"""
        .formatted(groupId, requestId, link));
  }

  static String joinRequest(String groupId, String requestId, String waId) {
    return change("group_participants_update", """
        "groups": [{"timestamp": "1763882200", "group_id": "%s", "type": "group_join_request_created",
          "join_request_id": "%s", "wa_id": "%s"}]""".formatted(groupId, requestId, waId));
  }

  /** Meta's answer to {@code POST /{phone-number-id}/groups}: the request's id; the group comes by webhook. */
  static void groupsAnswer(String requestId) {
    graph.stubFor(post("/v21.0/" + PHONE_ID + "/groups").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\": \"whatsapp\", \"request_id\": \"" + requestId + "\"}")));
  }

  @Test
  void anAnswerThatComesBeforeItsRequestIsRecorded_isKeptAndTakenWhenTheRequestIs() throws Exception {
    String requestId = "REQ-early-" + UUID.randomUUID();
    String groupId = "Y2FwaV9lYXJseQ" + UUID.randomUUID().toString().replace("-", "");
    groupsAnswer(requestId);
    // Meta is quicker than our job's commit: its webhook arrives first.
    assertThat(webhook(groupCreated(requestId, groupId, "https://chat.whatsapp.com/Early")).getStatusCode().value())
        .isEqualTo(200);

    long deal = new Api(rest, ADMIN, ADMIN_PASSWORD).post("/api/deals", Map.of("title", "Быстрый ответ Meta", "amount", 90000,
        "client", Map.of("name", "ООО «Спешка»", "contactName", "Быстрова Анна", "phone", "+7 916 333-22-12")))
        .expect(201).json().path("id").asLong();

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DealGroups.PROCESS).processInstanceBusinessKey(String.valueOf(deal)).finished()
        .executedActivityIdIn("EndEvent_GroupAtProvider").count() == 1);
    assertThat(groups.joinLink(deal)).isEqualTo("https://chat.whatsapp.com/Early");
    assertThat(jdbc.queryForObject("select count(*) from provider_group_answer where request_id = ?", Long.class, requestId)).isZero();
  }

  @Test
  void theDealsGroupLivesAtTheProvider_andVoronkaDecidesWhoJoins() throws Exception {
    String requestId = "REQ-" + UUID.randomUUID();
    String groupId = "Y2FwaV9ncm91cD" + UUID.randomUUID().toString().replace("-", "");
    groupsAnswer(requestId);
    graph.stubFor(post("/v21.0/" + PHONE_ID + "/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid." + UUID.randomUUID() + "\"}]}")));
    graph.stubFor(post("/v21.0/" + groupId + "/join_requests").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\": \"whatsapp\"}")));
    graph.stubFor(delete("/v21.0/" + groupId + "/join_requests").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\": \"whatsapp\"}")));

    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    long deal = admin.post("/api/deals", Map.of("title", "Насосы в группе", "amount", 90000,
        "client", Map.of("name", "ООО «Группа»", "contactName", "Орлова Вера", "phone", "+7 916 333-22-11")))
        .expect(201).json().path("id").asLong();

    // The job asks the provider; until the group arrives, the QR code is Voronka's own signed link.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> groups.of(deal)
        .map(g -> g.state() == DealGroups.State.REQUESTED).orElse(false));
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + PHONE_ID + "/groups"))
        .withRequestBody(matchingJsonPath("$.subject", containing("Насосы в группе")))
        .withRequestBody(matchingJsonPath("$.join_approval_mode", equalTo("approval_required"))));
    assertThat(groups.joinLink(deal)).startsWith("https://wa.me/");

    assertThat(webhook(groupCreated("REQ-nobody-asked", "G-x", "https://chat.whatsapp.com/X")).getStatusCode().value())
        .isEqualTo(200); // not (yet) ours: kept, never refused
    assertThat(jdbc.queryForObject("select count(*) from provider_group_answer where request_id = 'REQ-nobody-asked'", Long.class))
        .isEqualTo(1);
    String created = groupCreated(requestId, groupId, "https://chat.whatsapp.com/LiNk" + deal);
    assertThat(webhook(created).getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(created).getStatusCode().value()).isEqualTo(200); // a redelivery changes nothing
    assertThat(groups.joinLink(deal)).isEqualTo("https://chat.whatsapp.com/LiNk" + deal);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DealGroups.PROCESS).processInstanceBusinessKey(String.valueOf(deal)).finished()
        .executedActivityIdIn("EndEvent_GroupAtProvider").count() == 1);

    // The client writes in the group: the deal's chat has it.
    String wamid = "wamid.IN" + UUID.randomUUID().toString().replace("-", "");
    assertThat(webhook(change("messages", """
        "contacts": [{"profile": {"name": "Орлова Вера"}, "wa_id": "79163332211"}],
        "messages": [{"from": "79163332211", "group_id": "%s", "id": "%s", "timestamp": "1763882300", "type": "text",
          "text": {"body": "Когда отгрузка?"}}]""".formatted(groupId, wamid))).getStatusCode().value()).isEqualTo(200);
    Viewer adminViewer = Viewer.of(ADMIN, List.of(Group.ADMINS.id()));
    Long clientChat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, adminViewer);
    assertThat(jdbc.queryForObject("select chat_id from chat_message where external_id = ?", Long.class, "cloud:" + wamid))
        .isEqualTo(clientChat);

    // The manager's answer goes to the group, not to one number.
    jdbc.update("""
        insert into chat_message (chat_id, direction, channel, author_name, body, status, created_at)
        values (?, 'OUTGOING', 'WHATSAPP', 'Менеджер', 'Отгрузка в пятницу', 'QUEUED', now())""", clientChat);
    Long answer = jdbc.queryForObject("select max(id) from chat_message where chat_id = ?", Long.class, clientChat);
    delivery.deliver(answer);
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + PHONE_ID + "/messages"))
        .withRequestBody(matchingJsonPath("$.recipient_type", equalTo("group")))
        .withRequestBody(matchingJsonPath("$.to", equalTo(groupId)))
        .withRequestBody(matchingJsonPath("$.text.body", equalTo("Отгрузка в пятницу"))));

    // A stranger asks to join: rejected at the provider and answered with the automatic reply.
    String stranger = "7999" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode() % 10_000_000));
    assertThat(webhook(joinRequest(groupId, "JR-stranger", stranger)).getStatusCode().value()).isEqualTo(200);
    graph.verify(deleteRequestedFor(urlEqualTo("/v21.0/" + groupId + "/join_requests"))
        .withRequestBody(matchingJsonPath("$.join_requests[0]", equalTo("JR-stranger"))));
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + PHONE_ID + "/messages"))
        .withRequestBody(matchingJsonPath("$.to", equalTo(stranger)))
        .withRequestBody(matchingJsonPath("$.text.body", containing("8-495-649-84-47"))));

    // The client's own number: the responsible decides, the provider lets them in.
    assertThat(webhook(joinRequest(groupId, "JR-client", "79163332211")).getStatusCode().value()).isEqualTo(200);
    var review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(deal))
        .taskDefinitionKey("Task_ReviewJoinRequest").singleResult();
    assertThat(review).isNotNull();
    tasks.complete(review.getId(), Map.of("joinDecision", "APPROVE"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + groupId + "/join_requests"))
            .withRequestBody(matchingJsonPath("$.join_requests[0]", equalTo("JR-client")))));

    // Admitted once (the job's transaction has committed), the next request from that number is approved at once.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "select count(*) from group_admission where deal_id = ? and phone like ?", Long.class, deal, "%79163332211") == 1);
    assertThat(webhook(joinRequest(groupId, "JR-client-again", "79163332211")).getStatusCode().value()).isEqualTo(200);
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + groupId + "/join_requests"))
        .withRequestBody(matchingJsonPath("$.join_requests[0]", equalTo("JR-client-again"))));
  }
}
