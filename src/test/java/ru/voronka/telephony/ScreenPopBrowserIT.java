package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;

/**
 * TEL-4 and TEL-8 in a headless Chromium on PostgreSQL: a client calls, and the card opens in the
 * browser of the manager whose desk rings before anyone picks up; after the call it turns into
 * «Итог звонка», stays after a reload, and closes with an order request. A call that rings on
 * leaves no ringing card behind; the РОП manages a live call from the journal.
 */
class ScreenPopBrowserIT extends PostgresIT {

  static final String PASSWORD = "secret1";
  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Autowired
  SimulatedPbx pbx;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @org.springframework.test.context.DynamicPropertySource
  static void softphone(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("voronka.telephony.pbx", () -> "simulator"); // the softphone plays the PBX
  }

  /** A manager with desk 301, responsible for a client who calls from {@code phone}; signed in in the browser. */
  private void popmanagerSignedIn(String phone, String client) {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hire(admin, "popmanager", "Глеб", "Звонарёв", "MANAGERS", "301");
    Api manager = admin.as("popmanager", PASSWORD);
    long deal = admin.post("/api/deals", Map.of("title", "Котельная в Берёзовском", "amount", 180000,
        "client", Map.of("name", client, "contactName", "Носова Ирина", "phone", phone)))
        .expect(201).json().path("id").asLong();
    JsonNode take = manager.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT).path("openTasks").get(0);
    manager.post("/api/tasks/" + take.path("id").asText() + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    manager.await("/api/deals/" + deal, d -> "popmanager".equals(d.path("responsible").path("userId").asText()), WAIT);
    signIn("popmanager");
  }

  private static void hire(Api admin, String userId, String firstName, String lastName, String group, String extension) {
    var hired = admin.post("/api/employees", Map.of("userId", userId, "password", PASSWORD, "firstName", firstName,
        "lastName", lastName, "groups", List.of(group), "email", userId + "@voronka.test"));
    assertThat(hired.status()).as(hired.body()).isIn(201, 409);
    admin.put("/api/employees/" + userId + "/extension", Map.of("extension", extension)).expect(200);
  }

  private void signIn(String userId) {
    browser.open("http://localhost:" + port + "/");
    browser.type(By.name("username"), userId);
    browser.type(By.name("password"), PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.until("the live connection is open", d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
  }

  @Test
  void theRingingCallsCardPopsForItsManager_andStaysUntilTheFollowUpIsSet() {
    TestClock.INSTANCE.moveToOfficeHours(); // out of hours the routing table rings mobiles, not desks
    popmanagerSignedIn("+7 912 600-70-55", "ООО «Звонок»");

    String call = pbx.call("8 912 600-70-55");
    WebElement card = browser.visible(By.cssSelector("#call-card .call-card.ringing"));
    assertThat(card.getText()).contains("ООО «Звонок»").contains("Котельная в Берёзовском").contains("+7 912 600-70-55");

    pbx.answer(call);
    pbx.hangUp(call);
    browser.visible(By.cssSelector("#call-card form.follow-up"));
    browser.open("http://localhost:" + port + "/calls"); // another page: the follow-up is still there
    browser.visible(By.cssSelector("#call-card form.follow-up"));

    browser.click(By.cssSelector("#call-card input[name=followUp][value=REQUEST]"));
    browser.type(By.cssSelector("#call-card input[name=requestTitle]"), "Насосная группа, 2 шт.");
    browser.click(By.cssSelector("#call-card form.follow-up button[type=submit]"));
    browser.until("the call is closed with the new request",
        d -> d.findElement(By.id("call-card")).getText().contains("Заявка: сделка №"));
  }

  /** Issue 18 (6): three rings and the call rings on — the ringing card at the desk it left says so, it does not hang on. */
  @Test
  void whenTheCallRingsOnTheCardItLeftCloses() {
    TestClock.INSTANCE.moveToOfficeHours();
    hire(new Api(rest, ADMIN, ADMIN_PASSWORD), "popnext", "Нина", "Следующая", "MANAGERS", "302");
    popmanagerSignedIn("+7 912 600-70-56", "ООО «Дальше»");

    String call = pbx.call("+7 912 600-70-56");
    browser.visible(By.cssSelector("#call-card .call-card.ringing"));
    pbx.next(call); // nobody picked up in time: the next in the order rings
    browser.until("the card says the call went on", d -> d.findElement(By.id("call-card")).getText()
        .contains("Звонок ушёл к следующему менеджеру"));
    assertThat(browser.driver().findElements(By.cssSelector("#call-card .call-card.ringing"))).isEmpty();
    pbx.hangUp(call);
  }

  /**
   * Issue 18 (3): the РОП's «Управлять» on the journal's live first page opens the call's card with its
   * controls (the page's own re-read must not capture the answer), and listening in answers.
   */
  @Test
  void theLeadManagesALiveCallFromTheJournal() {
    TestClock.INSTANCE.moveToOfficeHours();
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hire(admin, "poplead", "Римма", "Руководова", "HEAD_OF_SALES", "300");
    String call = pbx.call("+7 999 123-45-67");
    signIn("poplead");
    long id = jdbc.queryForObject("select id from phone_call where call_key = ?", Long.class, call);
    browser.open("http://localhost:" + port + "/calls");
    browser.click(By.xpath("//tr[@data-call='" + id + "']//button[normalize-space()='Управлять']"));
    WebElement card = browser.visible(By.cssSelector("#call-card .call-card"));
    assertThat(card.getText()).contains("Перевести").contains("Прослушать").contains("Подсказать менеджеру").contains("Вмешаться");
    browser.click(By.xpath("//section[contains(@class,'call-card')]//button[normalize-space()='Прослушать']"));
    browser.until("the answer says the lead's phone rings", d -> d.findElement(By.id("call-card")).getText()
        .contains("Прослушать: ваш телефон сейчас зазвонит"));
    pbx.hangUp(call);
  }
}
