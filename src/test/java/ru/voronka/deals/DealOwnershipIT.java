package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;

/**
 * A manager tries to take a colleague's deal or client through every door — Voronka's API and the
 * engine's REST API that Tasklist and Camunda Modeler use — and is refused; nothing changes.
 */
class DealOwnershipIT extends PostgresIT {

  static final String PASSWORD = "secret1";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired TestRestTemplate rest;

  Api admin;
  Api owner;
  Api colleague;
  Api headOfSales;

  @BeforeEach
  void staff() {
    admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hire("ownpetrov", "MANAGERS");
    hire("ownsidorova", "MANAGERS");
    hire("ownsmirnova", "HEAD_OF_SALES");
    owner = admin.as("ownpetrov", PASSWORD);
    colleague = admin.as("ownsidorova", PASSWORD);
    headOfSales = admin.as("ownsmirnova", PASSWORD);
  }

  @Test
  void aColleaguesDealCannotBeTakenThroughTheEnginesRestApi() {
    long taken = newDeal("Задвижки Ду100, 12 шт.");
    takeThroughApi(owner, taken);
    long fresh = newDeal("Фланцы, 40 шт.");

    // «Взять заявку в работу» of the new request, submitted with the taken deal's number.
    String task = engineTask(colleague, fresh, "Task_TakeRequest");
    var forged = colleague.post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
        "takeDecision", Map.of("value", "ACCEPT"), "dealId", Map.of("value", taken, "type", "Long"))));
    assertThat(forged.status()).as(forged.body()).isGreaterThanOrEqualTo(400);
    assertThat(forged.body()).contains("номер сделки в ней не меняется");

    // A start form aimed at the colleague's deal: «Провалить сделку».
    var loss = colleague.post("/engine-rest/process-definition/key/dealLoss/start", Map.of("variables", Map.of(
        "dealId", Map.of("value", taken, "type", "Long"), "lostReason", Map.of("value", "PRICE"))));
    assertThat(loss.status()).as(loss.body()).isGreaterThanOrEqualTo(400);

    JsonNode deal = headOfSales.get("/api/deals/" + taken).expect(200).json();
    assertThat(deal.path("responsible").path("userId").asText()).isEqualTo("ownpetrov");
    assertThat(deal.path("status").path("code").asText()).isEqualTo("OPEN");
    assertThat(headOfSales.get("/api/deals/" + fresh).expect(200).json().path("responsible").path("userId").asText()).isEmpty();
  }

  @Test
  void aColleaguesClientIsNeitherListedNorGivenANewDeal() {
    long taken = newDeal("Насосы К80, 3 шт.");
    takeThroughApi(owner, taken);
    long client = headOfSales.get("/api/deals/" + taken).expect(200).json().path("client").path("id").asLong();
    String name = headOfSales.get("/api/counterparties/" + client).expect(200).json().path("name").asText();

    assertThat(owner.get("/api/counterparties?q=" + name).expect(200).json().path("content").toString()).contains(name);
    assertThat(colleague.get("/api/counterparties?q=" + name).expect(200).json().path("content")).isEmpty();
    colleague.get("/api/counterparties/" + client).expect(404);

    var opened = colleague.post("/api/deals", Map.of("title", "Перехват клиента", "counterpartyId", client));
    // Refused as unknown: a manager does not learn that a colleague's client exists.
    assertThat(opened.status()).isEqualTo(400);
    assertThat(opened.body()).contains("Контрагент №" + client + " не найден");
    owner.post("/api/deals", Map.of("title", "Ещё насосы", "counterpartyId", client)).expect(201);
  }

  private void hire(String userId, String group) {
    var r = admin.post("/api/employees", Map.of("userId", userId, "password", PASSWORD, "firstName", "Тест",
        "lastName", userId, "groups", List.of(group), "email", userId + "@voronka.test"));
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }

  private long newDeal(String title) {
    return headOfSales.post("/api/deals", Map.of("title", title, "amount", 90_000,
        "client", Map.of("name", "ООО «" + title + "»", "phone", "+7 912 600-71-" + (10 + Math.abs(title.hashCode()) % 89))))
        .expect(201).json().path("id").asLong();
  }

  private void takeThroughApi(Api manager, long deal) {
    JsonNode details = manager.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT);
    String task = details.path("openTasks").get(0).path("id").asText();
    manager.post("/api/tasks/" + task + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    manager.await("/api/deals/" + deal, d -> "ownpetrov".equals(d.path("responsible").path("userId").asText()), WAIT);
  }

  private String engineTask(Api who, long deal, String key) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Api.Response last = null;
    while (System.nanoTime() < deadline) {
      last = who.get("/engine-rest/task?processInstanceBusinessKey=" + deal + "&taskDefinitionKey=" + key);
      if (last.status() == 200 && last.json().size() > 0) {
        return last.json().get(0).path("id").asText();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("Задача " + key + " сделки " + deal + " не появилась; последний ответ: " + last);
  }
}
