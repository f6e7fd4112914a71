package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.chat.ChatFinder;
import ru.voronka.chat.ChatKind;
import ru.voronka.chat.ChatPosting;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.support.Api;

/**
 * Wazzup's webhooks through the real HTTP server on PostgreSQL, with Wazzup itself played by a
 * stub: the key check, the test call, malformed bodies, routing by any spelling of a client's
 * number, redeliveries, the automatic reply to strangers once a day, the closed-deal notice and
 * delivery statuses that only move forward.
 */
class WazzupWebhookIT extends WhatsAppIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChatFinder finder;
  @Autowired ChatPosting posting;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  Api admin;

  @BeforeEach
  void stubs() {
    admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    wazzup.stubFor(post("/v3/message").willReturn(accepted("")));
  }

  ResponseEntity<String> webhook(String key, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.setBearerAuth(key);
    }
    return rest.postForEntity("/webhooks/wazzup", new HttpEntity<>(body, headers), String.class);
  }

  static String message(String id, String chatId, String text) {
    return """
        {"messages": [{"messageId": "%s", "dateTime": "2026-11-23T07:15:00.000Z", "channelId": "channel-it",
          "chatType": "whatsapp", "chatId": "%s", "type": "text", "isEcho": false, "text": "%s",
          "contact": {"name": "Иванов Сергей", "avatarUri": null}}]}""".formatted(id, chatId, text);
  }

  long stored(String externalId) {
    return jdbc.queryForObject("select count(*) from chat_message where external_id = ?", Long.class, externalId);
  }

  long newDeal(String title, String phone) {
    long deal = admin.post("/api/deals", Map.of("title", title, "amount", 50000,
        "client", Map.of("name", "ООО «" + title + "»", "contactName", "Иванов Сергей", "phone", phone)))
        .expect(201).json().path("id").asLong();
    // The funnel starts with an asynchronous step; a command sent meanwhile would get a 409 to retry.
    admin.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, java.time.Duration.ofSeconds(20));
    return deal;
  }

  @Test
  void aWrongKeyIsRefusedAndNothingIsStored_theTestCallIsAnswered() {
    long before = jdbc.queryForObject("select count(*) from chat_message", Long.class);
    assertThat(webhook("wrong", message("wz-1", "79990000001", "Привет")).getStatusCode().value()).isEqualTo(401);
    assertThat(webhook(null, message("wz-1", "79990000001", "Привет")).getStatusCode().value()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from chat_message", Long.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from stranger_message where external_id = 'wazzup:wz-1'", Long.class)).isZero();

    assertThat(webhook(CRM_KEY, "{\"test\": true}").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aMalformedBodyGetsA400WithAMessageAndChangesNothing() {
    ResponseEntity<String> notJson = webhook(CRM_KEY, "{messages: [");
    assertThat(notJson.getStatusCode().value()).isEqualTo(400);
    assertThat(notJson.getBody()).contains("не JSON");

    ResponseEntity<String> noId = webhook(CRM_KEY, """
        {"messages": [{"messageId": "wz-ok", "chatId": "79990000002", "chatType": "whatsapp", "text": "a"},
                      {"chatId": "79990000002", "chatType": "whatsapp", "text": "b"}]}""");
    assertThat(noId.getStatusCode().value()).isEqualTo(400);
    assertThat(noId.getBody()).contains("messageId");
    assertThat(jdbc.queryForObject("select count(*) from stranger_message where external_id = 'wazzup:wz-ok'", Long.class)).isZero();
  }

  @Test
  void aClientsMessageReachesTheChatOfTheirDealOnce_byAnySpellingOfTheirNumber() {
    long deal = newDeal("Клапаны для котельной", "+7 (912) 600-70-81");
    String id = "wz-" + UUID.randomUUID();

    assertThat(webhook(CRM_KEY, message(id, "79126007081", "Когда будет КП?")).getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(CRM_KEY, message(id, "79126007081", "Когда будет КП?")).getStatusCode().value()).isEqualTo(200);

    assertThat(stored("wazzup:" + id)).isEqualTo(1);
    Long chat = jdbc.queryForObject("select chat_id from chat_message where external_id = ?", Long.class, "wazzup:" + id);
    Long clientChat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, Viewer.of(ADMIN, List.of(Group.ADMINS.id())));
    assertThat(chat).isEqualTo(clientChat);
    // COM-5: the first message of the day set «Ответить клиенту» for the deal (nobody responsible yet: the managers).
    assertThat(jdbc.queryForObject("""
        select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_
        where e.business_key_ = ? and t.task_def_key_ = 'Task_AnswerClient'""", Long.class, String.valueOf(deal))).isEqualTo(1);
  }

  @Test
  void aDeliveryOfSeveralMessagesIsStoredTogether_eachOnce_withOneAnswerTask() {
    long deal = newDeal("Задвижки для насосной", "+7 (912) 600-70-82");
    String first = "wz-" + UUID.randomUUID();
    String second = "wz-" + UUID.randomUUID();
    String one = message(first, "79126007082", "Добрый день");
    String two = message(second, "79126007082", "Нужен счёт на задвижки");
    // Wazzup sends what came fast in one body; the same message twice in it is still one message.
    String delivery = "{\"messages\": [" + inner(one) + "," + inner(two) + "," + inner(one) + "]}";

    assertThat(webhook(CRM_KEY, delivery).getStatusCode().value()).isEqualTo(200);

    assertThat(stored("wazzup:" + first)).isEqualTo(1);
    assertThat(stored("wazzup:" + second)).isEqualTo(1);
    assertThat(jdbc.queryForObject("""
        select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_
        where e.business_key_ = ? and t.task_def_key_ = 'Task_AnswerClient'""", Long.class, String.valueOf(deal))).isEqualTo(1);
  }

  /** The one message of {@link #message}'s body, to put several in one delivery. */
  static String inner(String body) {
    return body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
  }

  @Test
  void aStrangerGetsTheAutomaticReplyOnceADay_andTheMessageIsKept() {
    String stranger = "7999" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode() % 10_000_000));
    assertThat(webhook(CRM_KEY, message("wz-s1-" + stranger, stranger, "Здравствуйте, есть манометры?")).getStatusCode().value())
        .isEqualTo(200);
    assertThat(webhook(CRM_KEY, message("wz-s2-" + stranger, stranger, "Ау?")).getStatusCode().value()).isEqualTo(200);

    assertThat(jdbc.queryForObject("select count(*) from stranger_message where phone = ?", Long.class, "+" + stranger))
        .isEqualTo(2);
    wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(stranger)))
        .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing("8-495-649-84-47"))));
  }

  @Test
  void aClientOfAClosedDealGetsTheNotice_andTheMessageStaysInTheDealsChat() {
    long deal = newDeal("Закрытая поставка", "+7 913 111-22-33");
    admin.post("/api/deals/" + deal + "/loss", Map.of("reason", "NO_MONEY", "comment", "Бюджета нет")).expect(202);
    String id = "wz-" + UUID.randomUUID();

    assertThat(webhook(CRM_KEY, message(id, "79131112233", "А всё-таки?")).getStatusCode().value()).isEqualTo(200);

    assertThat(stored("wazzup:" + id)).isEqualTo(1);
    // The notice leaves through the deal's client chat (the one outbox): a job sends it a moment later.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
        wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
            .withRequestBody(matchingJsonPath("$.chatId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("79131112233")))
            .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing("сделка закрыта")))));
    assertThat(jdbc.queryForObject("select count(*) from chat_message where idempotency_key like 'auto-closed-+79131112233-%'",
        Long.class)).isEqualTo(1);
  }

  @Test
  void deliveryStatusesUpdateOurMessageAndNeverGoBack() {
    long deal = newDeal("Статусы доставки", "+7 914 222-33-44");
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"wz-out-" + deal + "\"}")));
    Long chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, Viewer.of(ADMIN, List.of(Group.ADMINS.id())));
    // A message we sent through Wazzup (the administrator has no employee card to write with).
    String externalId = "wazzup:wz-out-" + deal;
    jdbc.update("""
        insert into chat_message (chat_id, direction, channel, author_name, body, status, external_id, created_at)
        values (?, 'OUTGOING', 'WHATSAPP', 'Менеджер', 'Счёт во вложении', 'SENT', ?, now())""", chat, externalId);

    webhook(CRM_KEY, "{\"statuses\": [{\"messageId\": \"wz-out-" + deal + "\", \"timestamp\": \"2026-11-23T07:16:00Z\", \"status\": \"delivered\"}]}");
    assertThat(status(externalId)).isEqualTo("DELIVERED");
    webhook(CRM_KEY, "{\"statuses\": [{\"messageId\": \"wz-out-" + deal + "\", \"status\": \"read\"}]}");
    webhook(CRM_KEY, "{\"statuses\": [{\"messageId\": \"wz-out-" + deal + "\", \"status\": \"sent\"}]}");
    assertThat(status(externalId)).isEqualTo("READ");
  }

  /** The РОП these tests write as (hired once per database). */
  void hireRop() {
    var hired = admin.post("/api/employees", Map.of("userId", "wzrop", "password", "secret1", "firstName", "Ирина",
        "lastName", "Волкова", "groups", List.of("HEAD_OF_SALES"), "email", "wzrop@voronka.test"));
    assertThat(hired.status()).isIn(201, 409);
  }

  @Test
  void aProviderOutageLosesNothing_theMessageShowsTheError_andIsSentOnRecovery() throws Exception {
    hireRop();
    long deal = newDeal("Поставка при сбое", "+7 915 333-44-55");
    Viewer rop = Viewer.of("wzrop", List.of(Group.HEAD_OF_SALES.id()));
    Long chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, rop);
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(503).withBody("{\"error\":\"serviceUnavailable\"}")));

    Long id = posting.post(chat, rop, "Счёт во вложении", List.of()).id();

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "FAILED".equals(statusOf(id)));
    assertThat(jdbc.queryForObject("select status_reason from chat_message where id = ?", String.class, id))
        .contains("503").contains("повторится");
    String sending = runtime.createProcessInstanceQuery().processDefinitionKey("sendClientMessage")
        .processInstanceBusinessKey(String.valueOf(deal)).singleResult().getId();
    // The message shows «Ошибка» from its own transaction, before the job executor records the failed attempt.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> management.createJobQuery().processInstanceId(sending).singleResult().getRetries() == 5);
    var job = management.createJobQuery().processInstanceId(sending).singleResult();

    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"wz-recovered-" + id + "\"}")));
    management.executeJob(job.getId()); // the retry, without waiting for its minute

    assertThat(statusOf(id)).isEqualTo("SENT");
    assertThat(jdbc.queryForObject("select status_reason from chat_message where id = ?", String.class, id)).isNull();
    wazzup.verify(2, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.crmMessageId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("chat-message-" + id))));
  }

  @Test
  @org.junit.jupiter.api.DisplayName("SWA-FILE-2")
  void aManagersFilesReachTheClientAsContentUriMessages_fetchedByTheirSignedLinks_eachWithItsOwnStatus() {
    hireRop();
    long deal = newDeal("Файлы клиенту", "+7 915 444-55-66");
    Viewer rop = Viewer.of("wzrop", List.of(Group.HEAD_OF_SALES.id()));
    Long chat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, rop);
    String textId = "wz-text-" + UUID.randomUUID();
    String fileId = "wz-file-" + UUID.randomUUID();
    wazzup.stubFor(post("/v3/message").withRequestBody(matchingJsonPath("$.text")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"" + textId + "\"}")));
    wazzup.stubFor(post("/v3/message").withRequestBody(matchingJsonPath("$.contentUri")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"" + fileId + "\"}")));
    byte[] pdf = "%PDF-1.7 КП №12".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Long id = posting.post(chat, rop, "КП во вложении", List.of(new ru.voronka.chat.Upload("КП 12.pdf", "application/pdf", pdf))).id();

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "SENT".equals(statusOf(id)));
    Long file = jdbc.queryForObject("select id from chat_attachment where message_id = ?", Long.class, id);
    wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("79154445566")))
        .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.equalTo("КП во вложении")))
        .withRequestBody(matchingJsonPath("$.crmMessageId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
            "chat-message-" + id))));
    var fileRequests = wazzup.findAll(postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.crmMessageId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
            "chat-message-" + id + "-file-" + file))));
    assertThat(fileRequests).hasSize(1);
    String contentUri = com.jayway.jsonpath.JsonPath.read(fileRequests.get(0).getBodyAsString(), "$.contentUri");
    assertThat(fileRequests.get(0).getBodyAsString()).doesNotContain("\"text\"");
    assertThat(contentUri).contains("/public/chat-files/" + file + "/%D0%9A%D0%9F%2012.pdf?e=");

    // Wazzup downloads it without an account; a forged link opens nothing.
    String path = contentUri.substring(contentUri.indexOf("/public/"));
    var fetched = rest.getForEntity(java.net.URI.create(rest.getRootUri() + path), byte[].class);
    assertThat(fetched.getStatusCode().value()).isEqualTo(200);
    assertThat(fetched.getBody()).isEqualTo(pdf);
    assertThat(rest.getForEntity(java.net.URI.create(rest.getRootUri() + path.replaceAll("t=[^&]+", "t=forged")), byte[].class)
        .getStatusCode().value()).isEqualTo(404);

    assertThat(jdbc.queryForObject("select status from chat_attachment where id = ?", String.class, file)).isEqualTo("SENT");
    webhook(CRM_KEY, "{\"statuses\": [{\"messageId\": \"" + fileId + "\", \"status\": \"delivered\"}]}");
    assertThat(jdbc.queryForObject("select status from chat_attachment where id = ?", String.class, file)).isEqualTo("DELIVERED");
    assertThat(statusOf(id)).as("the text's own status").isEqualTo("SENT");
  }

  String statusOf(Long id) {
    return jdbc.queryForObject("select status from chat_message where id = ?", String.class, id);
  }

  @Test
  void aFileTheClientSentIsFetchedAfterTheWebhookIsAnswered_andKeptWithTheMessage_aLostOneIsSaidSo() {
    newDeal("Файлы от клиента", "+7 916 888-77-66");
    // Wazzup's file server is slow today: the webhook must not wait for it.
    wazzup.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/files/rekvizity.pdf").willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/pdf").withBody(new byte[] {'%', 'P', 'D', 'F', '-', '1'})
        .withFixedDelay(3000)));
    String id = "wz-" + UUID.randomUUID();
    String body = """
        {"messages": [{"messageId": "%s", "dateTime": "2026-11-23T07:15:00.000Z", "channelId": "channel-it",
          "chatType": "whatsapp", "chatId": "79168887766", "type": "document", "isEcho": false,
          "contentUri": "%s/files/rekvizity.pdf", "contact": {"name": "Бухгалтер"}}]}""".formatted(id, wazzup.baseUrl());

    long started = System.nanoTime();
    assertThat(webhook(CRM_KEY, body).getStatusCode().value()).isEqualTo(200);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofMillis(2500));
    assertThat(jdbc.queryForObject("select body from chat_message where external_id = ?", String.class, "wazzup:" + id))
        .isEqualTo("Документ\nвложение загружается…"); // stored first, the file comes after

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
        select count(*) from chat_attachment a join chat_message m on a.message_id = m.id where m.external_id = ?""",
        Long.class, "wazzup:" + id) == 1);
    assertThat(jdbc.queryForObject("""
        select a.file_name from chat_attachment a join chat_message m on a.message_id = m.id where m.external_id = ?""",
        String.class, "wazzup:" + id)).isEqualTo("rekvizity.pdf");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> "Документ".equals(
        jdbc.queryForObject("select body from chat_message where external_id = ?", String.class, "wazzup:" + id)));

    String lost = "wz-" + UUID.randomUUID();
    assertThat(webhook(CRM_KEY, body.replace(id, lost).replace("rekvizity.pdf", "gone.pdf")).getStatusCode().value()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(jdbc.queryForObject("select body from chat_message where external_id = ?", String.class, "wazzup:" + lost))
            .contains("вложение не получено").contains("404").doesNotContain("загружается"));

    // A link off Wazzup's hosts is never followed: the cloud's metadata service, say.
    String hostile = "wz-" + UUID.randomUUID();
    assertThat(webhook(CRM_KEY, body.replace(id, hostile).replace(wazzup.baseUrl() + "/files/rekvizity.pdf",
        "http://169.254.169.254/latest/meta-data/iam")).getStatusCode().value()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(jdbc.queryForObject("select body from chat_message where external_id = ?", String.class, "wazzup:" + hostile))
            .contains("вложение не получено").contains("169.254.169.254"));
  }

  @Test
  void theOtherKindsOfWebhookAreAnswered_andAChannelsNewStateIsTakenAtOnce() {
    String channel = "channel-" + UUID.randomUUID();
    assertThat(webhook(CRM_KEY, """
        {"channelsUpdates": [{"channelId": "%s", "state": "active", "transport": "whatsapp", "plainId": "74956498447"}]}"""
        .formatted(channel)).getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(CRM_KEY, """
        {"channelsUpdates": [{"channelId": "%s", "state": "phoneUnavailable"}]}""".formatted(channel)).getStatusCode().value())
        .isEqualTo(200);
    assertThat(jdbc.queryForMap("select phone, state from whatsapp_channel where provider = 'wazzup' and channel_ref = ?", channel))
        .containsEntry("phone", "+74956498447").containsEntry("state", "phoneUnavailable");

    assertThat(webhook(CRM_KEY, """
        {"createContact": {"responsibleUserId": "petrov", "name": "Иванов Сергей",
          "contactData": [{"chatType": "whatsapp", "chatId": "79126007081"}], "source": "auto"}}""").getStatusCode().value())
        .isEqualTo(200);
    assertThat(webhook(CRM_KEY, """
        {"createDeal": {"responsibleUserId": "petrov", "contacts": ["crm-contact-17"], "source": "byUser"}}""")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(CRM_KEY, """
        {"templateStatus": {"templateGuid": "0b0c0d0e-0000-4000-8000-000000000001", "status": "approved"}}""")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(null, "{\"channelsUpdates\": []}").getStatusCode().value()).isEqualTo(401);
    jdbc.update("delete from whatsapp_channel where channel_ref = ?", channel); // the other tests send through channel-it
  }

  @Test
  void aJoinCodeTooLongForAnyDeal_isAnOrdinaryMessage_andTheRestOfTheDeliveryIsStored() {
    long deal = newDeal("Длинный номер сделки", "+7 916 555-66-77");
    String garbage = "wz-" + UUID.randomUUID();
    String next = "wz-" + UUID.randomUUID();
    String delivery = "{\"messages\": [" + inner(message(garbage, "79165556677",
        "Хочу вступить в группу сделки №12345678901234567890, код abcdefghijkl")) + ","
        + inner(message(next, "79165556677", "И ещё вопрос по счёту")) + "]}";

    assertThat(webhook(CRM_KEY, delivery).getStatusCode().value()).isEqualTo(200);
    assertThat(webhook(CRM_KEY, delivery).getStatusCode().value()).isEqualTo(200); // a redelivery: nothing twice

    Long clientChat = finder.dealChat(deal, ChatKind.DEAL_CLIENT, Viewer.of(ADMIN, List.of(Group.ADMINS.id())));
    assertThat(jdbc.queryForList("select external_id from chat_message where chat_id = ? and external_id like 'wazzup:%' order by id",
        String.class, clientChat)).containsExactly("wazzup:" + garbage, "wazzup:" + next);
  }

  @Test
  void aMessageTheDatabaseRefuses_costsTheOthersOfItsDeliveryNothing_andIsKeptWithTheReason() {
    long deal = newDeal("Отказ базы данных", "+7 916 555-66-78");
    // A real refusal by PostgreSQL for one message: a trigger, as a constraint or a full disk would.
    jdbc.execute("""
        create or replace function refuse_marked_message() returns trigger as $$
        begin
          if new.body like 'ОТКАЗ-БД%' then raise exception 'refused by the test'; end if;
          return new;
        end $$ language plpgsql""");
    jdbc.execute("create trigger refuse_marked_message before insert on chat_message for each row execute function refuse_marked_message()");
    try {
      String bad = "wz-" + UUID.randomUUID();
      String good = "wz-" + UUID.randomUUID();
      String delivery = "{\"messages\": [" + inner(message(bad, "79165556678", "ОТКАЗ-БД")) + ","
          + inner(message(good, "79165556678", "Обычное сообщение")) + "]}";

      assertThat(webhook(CRM_KEY, delivery).getStatusCode().value()).isEqualTo(200);

      assertThat(stored("wazzup:" + good)).isEqualTo(1);
      assertThat(jdbc.queryForObject("select failure from stranger_message where external_id = ?", String.class, "wazzup:" + bad))
          .contains("refused by the test");
    } finally {
      jdbc.execute("drop trigger refuse_marked_message on chat_message");
      jdbc.execute("drop function refuse_marked_message()");
    }
    assertThat(deal).isPositive();
  }

  String status(String externalId) {
    return jdbc.queryForObject("select status from chat_message where external_id = ?", String.class, externalId);
  }
}
