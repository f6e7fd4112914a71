package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
import ru.voronka.support.PostgresIT;

/**
 * A newcomer's first client in headless Chromium, all in the workspace: a new client with a contact,
 * then a deal for it from the client's card, its amount changed — and the change is a line of the
 * deal's history.
 */
class ClientDealBrowserIT extends PostgresIT {

  static final String PASSWORD = "secret1";

  @RegisterExtension
  final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Test
  void aManagerMakesAClientWithAContact_thenADealFromItsCard_andEditsTheAmountIntoTheHistory() {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    var hired = admin.post("/api/employees", Map.of("userId", "cbkoroleva", "password", PASSWORD, "firstName", "Инна",
        "lastName", "Королёва", "groups", List.of("MANAGERS"), "email", "cbkoroleva@voronka.test"));
    assertThat(hired.status()).as(hired.body()).isIn(201, 409);

    browser.open("http://localhost:" + port + "/");
    browser.type(By.name("username"), "cbkoroleva");
    browser.type(By.name("password"), PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.click(By.linkText("Клиенты"));
    browser.click(By.linkText("Новый клиент"));
    browser.type(By.name("name"), "ООО «Котельные Урала»");
    browser.type(By.name("inn"), "7728168971"); // a real organisation's ИНН: its check digit holds
    browser.type(By.name("contactName"), "Белова Ксения");
    browser.type(By.name("jobTitle"), "главный инженер");
    browser.type(By.name("phones"), "8 (916) 720-11-22");
    browser.click(By.xpath("//button[normalize-space(.)='Создать клиента']"));
    browser.visible(By.xpath("//div[@class='ok' and contains(.,'Карточка клиента создана')]"));
    browser.seesText("Белова Ксения");
    browser.seesText("+7 916 720-11-22");

    browser.click(By.linkText("Новая сделка"));
    browser.seesText("ООО «Котельные Урала»");
    browser.type(By.name("title"), "Котлы КВ-ГМ для котельной");
    browser.type(By.name("amount"), "340 000");
    browser.type(By.name("deliveryDate"), "20.01.2027");
    browser.click(By.xpath("//button[normalize-space(.)='Создать сделку']"));
    browser.visible(By.xpath("//h1[contains(.,'Котлы КВ-ГМ для котельной')]"));
    browser.seesText("Новая заявка");
    browser.seesText("20.01.2027");

    // A new request is changed by its responsible or the РОП: she takes it first («Взять заявку в работу»), as the funnel asks.
    String dealUrl = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
    long deal = Long.parseLong(dealUrl.substring(dealUrl.lastIndexOf('/') + 1));
    Api manager = admin.as("cbkoroleva", PASSWORD);
    var take = manager.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, java.time.Duration.ofSeconds(30))
        .path("openTasks").get(0);
    manager.post("/api/tasks/" + take.path("id").asText() + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    manager.await("/api/deals/" + deal, d -> "cbkoroleva".equals(d.path("responsible").path("userId").asText()),
        java.time.Duration.ofSeconds(30));
    browser.open(dealUrl);
    browser.click(By.xpath("//summary[normalize-space(.)='Изменить сделку']"));
    browser.type(By.cssSelector("#deal-fields input[name=amount]"), "360 000");
    browser.click(By.cssSelector("#deal-fields button[type=submit]"));
    browser.visible(By.xpath("//dd[contains(.,'360')]"));
    browser.click(By.linkText("История"));
    browser.visible(By.xpath("//td[contains(.,'Сумма: 340') and contains(.,'→ 360')]"));
  }
}
