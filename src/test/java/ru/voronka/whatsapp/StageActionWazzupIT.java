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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.TestClock;

/**
 * Issue 17's «done when», on PostgreSQL with the job executor running and Wazzup played by WireMock:
 * «через 2 часа на «КП», проверить стадию, основной контакт, {Имя клиента} и {Ссылка на сделку}» — the
 * deal that stays on КП gets it once (one /v3/message, its crmMessageId the chat message), and its log
 * says «Отправлено»; the deal that moved on gets nothing, and its log says why. Time moves on the
 * engine's clock (the project's TestClock), nobody sleeps. (Here, not in automation/, to share the
 * WhatsApp tests' Spring context and Wazzup stub.)
 */
class StageActionWazzupIT extends WhatsAppIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  Api admin;

  @BeforeEach
  void stubs() {
    admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    wazzup.stubFor(post("/v3/message").willReturn(accepted("")));
  }

  long dealOnKp(String title, String phone) {
    long deal = admin.post("/api/deals", Map.of("title", title, "amount", 50000,
        "client", Map.of("name", "ООО «" + title + "»", "contactName", "Иванов Сергей", "phone", phone)))
        .expect(201).json().path("id").asLong();
    admin.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, Duration.ofSeconds(30));
    var hired = admin.post("/api/employees", Map.of("userId", "stagemgr", "password", "secret1", "firstName", "Олег",
        "lastName", "Стадиев", "groups", List.of("MANAGERS"), "email", "stagemgr@voronka.test"));
    assertThat(hired.status()).isIn(201, 409);
    admin.put("/api/deals/" + deal + "/responsible", Map.of("userId", "stagemgr")).expect(200);
    admin.post("/api/deals/" + deal + "/stage", Map.of("stage", "KP")).expect(202);
    admin.await("/api/deals/" + deal, d -> "KP".equals(d.path("stage").path("code").asText()), Duration.ofSeconds(30));
    return deal;
  }

  List<String> history(long deal) {
    return jdbc.queryForList("select text from deal_history where deal_id = ? order by id", String.class, deal);
  }

  @Test
  @DisplayName("SWA-E2E-1")
  void twoHoursOnKp_theDealThatStaysGetsItOnce_theDealThatMovedOnGetsNothing_andBothLogsSayWhy() {
    String name = "Через 2 часа на КП " + UUID.randomUUID().toString().substring(0, 8);
    admin.post("/api/stage-actions", Map.of("stage", "KP", "name", name, "enabled", true, "delay", "PT2H",
        "workingHoursOnly", false, "recheckStage", true, "recipients", "MAIN_CONTACT",
        "text", "Здравствуйте, {Имя клиента}! Ваше КП: {Ссылка на сделку}", "attachments", List.of())).expect(201);

    long stays = dealOnKp("Остаётся на КП", "+7 916 100-20-30");
    long moves = dealOnKp("Уходит с КП", "+7 916 100-20-31");
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "select count(*) from stage_action_run where deal_id in (?, ?) and action_name = ?", Long.class, stays, moves, name) == 2);

    admin.post("/api/deals/" + moves + "/stage", Map.of("stage", "INVOICE")).expect(202);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> history(moves).contains("«" + name + "»: Пропущено: сделка на стадии «Счет»"));

    TestClock.INSTANCE.advance(Duration.ofHours(2).plusMinutes(1));
    Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> history(stays).contains("«" + name + "»: Отправлено на +7 916 100-20-30"));

    wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", equalTo("79161002030")))
        .withRequestBody(matchingJsonPath("$.text", containing("Здравствуйте, ООО «Остаётся на КП»!")))
        .withRequestBody(matchingJsonPath("$.text", containing("/deals/" + stays))));
    wazzup.verify(0, postRequestedFor(urlEqualTo("/v3/message")).withRequestBody(matchingJsonPath("$.chatId", equalTo("79161002031"))));
    assertThat(jdbc.queryForObject("select status from chat_message where idempotency_key like ?", String.class,
        "stage-action:" + stays + "-KP-%")).isEqualTo("SENT");
  }
}
