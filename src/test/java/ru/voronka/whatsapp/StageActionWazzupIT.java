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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.documents.DocumentRegistry;
import ru.voronka.documents.DocumentStatus;
import ru.voronka.documents.DocumentType;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
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
  @Autowired DocumentRegistry documents;
  @LocalServerPort int port;

  @RegisterExtension Browser browser = new Browser();

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

  /**
   * The «done when» as the administrator does it: the action is set in Chromium on «Настройки бизнес-процесса»
   * — two hours on «КП», the stage re-checked, the main contact, the text with two parameters picked from the
   * list, the deal's latest КП attached — and the deal that stays on КП gets the text and its КП (a second
   * Wazzup message with the file's signed link) once, and its history says «Отправлено».
   */
  @Test
  @DisplayName("SWA-E2E-2")
  void anAdministratorSetsItInTheBrowser_andTheDealOnKpGetsTheTextAndItsKpOnce() {
    String name = "КП клиенту через 2 часа " + UUID.randomUUID().toString().substring(0, 8);
    browser.signIn("http://localhost:" + port, ADMIN, ADMIN_PASSWORD);
    browser.open("http://localhost:" + port + "/settings/automations/new");
    new Select(browser.visible(By.id("stage"))).selectByVisibleText("Продажа: КП");
    browser.type(By.id("name"), name);
    browser.click(By.cssSelector("input[name=when][value=DELAY]"));
    browser.type(By.name("delayAmount"), "2");
    new Select(browser.visible(By.name("delayUnit"))).selectByVisibleText("часов");
    browser.click(By.name("recheckStage"));
    new Select(browser.visible(By.id("recipients"))).selectByValue("MAIN_CONTACT");
    browser.type(By.id("text"), "Здравствуйте, ");
    new Select(browser.visible(By.id("parameter"))).selectByVisibleText("Имя клиента");
    browser.driver().findElement(By.id("text")).sendKeys("! Ваше КП во вложении, сделка: ");
    new Select(browser.visible(By.id("parameter"))).selectByVisibleText("Ссылка на сделку");
    browser.click(By.cssSelector("input[name=documentKinds][value=KP]"));
    browser.click(By.xpath("//button[normalize-space()='Сохранить']"));
    browser.seesText(name);

    var saved = admin.get("/api/stage-actions").expect(200).json();
    var action = java.util.stream.StreamSupport.stream(saved.spliterator(), false)
        .filter(a -> name.equals(a.path("name").asText())).findFirst().orElseThrow();
    assertThat(action.path("stage").asText()).isEqualTo("KP");
    assertThat(action.path("delay").asText()).isEqualTo("PT2H");
    assertThat(action.path("recheckStage").asBoolean()).isTrue();
    assertThat(action.path("recipients").asText()).isEqualTo("MAIN_CONTACT");
    assertThat(action.path("text").asText()).isEqualTo("Здравствуйте, {Имя клиента}! Ваше КП во вложении, сделка: {Ссылка на сделку}");
    assertThat(action.path("attachments").toString()).contains("\"KP\"");

    long stays = dealOnKp("КП из браузера", "+7 916 100-20-32");
    documents.addVersion(documents.ensure(stays, DocumentType.KP), DocumentStatus.MADE, "КП по запросу клиента", ADMIN,
        "KP.pdf", "application/pdf", "%PDF-1.4 КП".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "select count(*) from stage_action_run where deal_id = ? and action_name = ?", Long.class, stays, name) == 1);

    TestClock.INSTANCE.advance(Duration.ofHours(2).plusMinutes(1));
    Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> history(stays).contains("«" + name + "»: Отправлено на +7 916 100-20-32"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", equalTo("79161002032")))
        .withRequestBody(matchingJsonPath("$.contentUri", containing("/public/chat-files/")))));
    wazzup.verify(1, postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(matchingJsonPath("$.chatId", equalTo("79161002032")))
        .withRequestBody(matchingJsonPath("$.text", containing("Здравствуйте, ООО «КП из браузера»! Ваше КП во вложении, сделка: ")))
        .withRequestBody(matchingJsonPath("$.text", containing("/deals/" + stays))));
  }
}
