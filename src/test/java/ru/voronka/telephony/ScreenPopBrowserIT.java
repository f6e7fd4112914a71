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
 * «Итог звонка», stays after a reload, and closes with an order request.
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

  @org.springframework.test.context.DynamicPropertySource
  static void softphone(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("voronka.telephony.pbx", () -> "simulator"); // the softphone plays the PBX
  }

  @Test
  void theRingingCallsCardPopsForItsManager_andStaysUntilTheFollowUpIsSet() {
    TestClock.INSTANCE.moveToOfficeHours(); // out of hours the routing table rings mobiles, not desks
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    var hired = admin.post("/api/employees", Map.of("userId", "popmanager", "password", PASSWORD, "firstName", "Глеб",
        "lastName", "Звонарёв", "groups", List.of("MANAGERS"), "email", "popmanager@voronka.test"));
    assertThat(hired.status()).as(hired.body()).isIn(201, 409);
    admin.put("/api/employees/popmanager/extension", Map.of("extension", "301")).expect(200);
    Api manager = admin.as("popmanager", PASSWORD);
    long deal = admin.post("/api/deals", Map.of("title", "Котельная в Берёзовском", "amount", 180000,
        "client", Map.of("name", "ООО «Звонок»", "contactName", "Носова Ирина", "phone", "+7 912 600-70-55")))
        .expect(201).json().path("id").asLong();
    JsonNode take = manager.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT).path("openTasks").get(0);
    manager.post("/api/tasks/" + take.path("id").asText() + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    manager.await("/api/deals/" + deal, d -> "popmanager".equals(d.path("responsible").path("userId").asText()), WAIT);

    browser.open("http://localhost:" + port + "/");
    browser.type(By.name("username"), "popmanager");
    browser.type(By.name("password"), PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.until("the live connection is open", d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));

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
}
