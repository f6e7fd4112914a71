package ru.voronka.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.chat.Channel;
import ru.voronka.chat.ChatReceiving;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
import ru.voronka.support.PostgresIT;

/**
 * A newcomer's day in the workspace (issue 15): a manager hired today takes a new request and does
 * three tasks of the deal with their Camunda Forms — one with a date typed the Russian way, in a
 * browser set to en-US and Yekaterinburg time — then answers the client in the chat and sees
 * «Ответить клиенту» close. Nothing in Tasklist.
 */
class TasksInWorkspaceBrowserIT extends PostgresIT {

  static final String PASSWORD = "secret1";
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final Browser browser = new Browser("en-US", "Asia/Yekaterinburg");

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ChatReceiving receiving;

  @Test
  void aNewcomerCompletesThreeTasksInTheWorkspace_withARussianDate_andAnswersTheClientInTheChat() {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hireOnce(admin, "twnovikov", "Пётр", "Новиков", "MANAGERS");
    hireOnce(admin, "twrop", "Анна", "Белкина", "HEAD_OF_SALES");
    Api rop = admin.as("twrop", PASSWORD);
    Api newcomer = admin.as("twnovikov", PASSWORD);
    long deal = rop.post("/api/deals", Map.of("title", "Насосы К-80 для котельной", "amount", 340000,
        "client", Map.of("name", "ООО «Тепловик»", "phone", "+7 912 600-71-17"))).expect(201).json().path("id").asLong();
    newcomer.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT);

    logIn("twnovikov");
    browser.until("«Мои задачи» counts the group's new requests", d -> !d.findElement(By.id("tasks-count")).getText().isBlank());
    browser.open(url("/deals/" + deal + "?tab=tasks"));

    // 1. «Взять заявку в работу»: «Взять», then its form.
    browser.click(By.xpath(row("Взять заявку в работу") + "//button[normalize-space()='Взять']"));
    browser.click(By.xpath(row("Взять заявку в работу") + "//a[normalize-space()='Открыть']"));
    formReady();
    browser.seesText("Насосы К-80 для котельной");
    // Without a decision: form-js refuses in the browser, in Russian, and nothing reaches the engine.
    browser.click(By.id("task-complete"));
    browser.until("the refusal says why", d -> d.findElement(By.id("task-form-error")).getText().contains("Проверьте поля формы"));
    browser.until("the field's message is Russian", d -> d.findElement(By.cssSelector("[id$='Field_takeDecision-error-message']"))
        .getText().contains("Заполните это поле."));
    assertThat(newcomer.get("/api/deals/" + deal).json().path("openTasks").toString()).contains("Task_TakeRequest");
    browser.click(radio("Принять заявку"));
    complete(deal);

    // 2. «Проверить товарные позиции», with the delivery date typed as Russians write it.
    openTask(deal, "Проверить товарные позиции");
    browser.click(radio("B"));
    By date = By.cssSelector("input[id$='Field_deliveryDate-date']");
    assertThat(browser.visible(date).getAttribute("placeholder")).isEqualTo("дд.мм.гггг");
    browser.type(date, "20.01.2027");
    browser.click(By.cssSelector("input[id$='Field_clientName']"));
    assertThat(browser.driver().findElement(date).getAttribute("value")).isEqualTo("20.01.2027");
    complete(deal);
    JsonNode saved = newcomer.await("/api/deals/" + deal, d -> "2027-01-20".equals(d.path("deliveryDate").asText()), WAIT);
    assertThat(saved.path("deliveryDate").asText()).isEqualTo("2027-01-20");

    // 3. «Отправить КП клиенту»: the amount comes filled in from the deal.
    openTask(deal, "Отправить КП клиенту");
    assertThat(browser.visible(By.cssSelector("input[id$='Field_amount']")).getAttribute("value")).isNotBlank();
    complete(deal);
    newcomer.await("/api/deals/" + deal, d -> d.path("openTasks").toString().contains("Связаться с клиентом"), WAIT);

    // The client writes; «Ответить клиенту» appears; the answer in the chat closes it.
    receiving.receiveFromClient(deal, "Соколов Андрей", Channel.WHATSAPP, "Когда пришлёте КП?", List.of(), null);
    browser.open(url("/deals/" + deal + "?tab=tasks"));
    browser.visibleReloading(By.xpath(row("Ответить клиенту")), Duration.ofSeconds(2));
    browser.open(url("/deals/" + deal + "?tab=client"));
    By textarea = By.cssSelector("form[data-chat-send] textarea");
    browser.type(textarea, "Андрей, КП отправили вам на почту сегодня.");
    browser.click(By.cssSelector("form[data-chat-send] button[type=submit]"));
    browser.until("the form is cleared after sending", d -> d.findElement(textarea).getDomProperty("value").isEmpty());
    browser.open(url("/deals/" + deal + "?tab=tasks"));
    browser.until("«Ответить клиенту» is closed", d -> d.findElements(By.xpath(row("Ответить клиенту"))).isEmpty());
    JsonNode after = newcomer.get("/api/deals/" + deal).expect(200).json();
    assertThat(after.path("openTasks").toString()).doesNotContain("Ответить клиенту").contains("Связаться с клиентом");
  }

  private void openTask(long deal, String name) {
    browser.open(url("/deals/" + deal + "?tab=tasks"));
    browser.visibleReloading(By.xpath(row(name)), Duration.ofSeconds(2));
    browser.click(By.xpath(row(name) + "//a[normalize-space()='Открыть']"));
    formReady();
  }

  private void formReady() {
    browser.until("the task's form is rendered", d -> "true".equals(d.findElement(By.id("task-form")).getDomAttribute("data-ready")));
  }

  private void complete(long deal) {
    browser.click(By.id("task-complete"));
    browser.until("back on the deal's tasks", d -> d.getCurrentUrl().endsWith("/deals/" + deal + "?tab=tasks"));
  }

  private static String row(String taskName) {
    return "//table[contains(@class,'tasks')]//tr[td[1][normalize-space()='" + taskName + "']]";
  }

  /** A form-js radio button by its Russian label (form-js 1.x puts the input beside its label). */
  private static By radio(String label) {
    return By.xpath("//div[contains(@class,'fjs-inline-label')][label[normalize-space()='" + label + "']]/input[@type='radio']");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void logIn(String user) {
    browser.signIn(url(""), user, PASSWORD);
  }

  private static void hireOnce(Api admin, String userId, String firstName, String lastName, String group) {
    var r = admin.post("/api/employees", Map.of("userId", userId, "password", PASSWORD, "firstName", firstName,
        "lastName", lastName, "groups", List.of(group), "email", userId + "@voronka.test"));
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }
}
