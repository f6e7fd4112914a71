package ru.voronka.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.platform.RussianFormats;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;

/**
 * The «Продажа» funnel as people see it in a real (headless Chromium) browser: a manager signs in
 * once at Voronka's /login and lands in Tasklist as themselves, finds a
 * new request in Camunda Tasklist, claims it, is refused by the Camunda Form (and by the server)
 * while the refusal has no reason, then accepts it; the rest of the deal runs through the REST API
 * to «Сделка успешна», another deal is lost; a manager types a Russian date into a form and that
 * date is saved; the administrator finds «Продажа» in Cockpit.
 *
 * <p>The browser speaks English (en-US) and keeps Yekaterinburg time, as a manager's laptop in the
 * Urals might: Tasklist and Cockpit speak Russian all the same (our ru.json, app/voronka/), show
 * Moscow time and read dates as дд.мм.гггг. (Not a zone west of Greenwich: form-js reads a stored
 * «2027-01-20» as UTC midnight, the evening before there — no Russian zone is west of Greenwich.) The
 * selectors lean on the apps' structure (ng-model, ng-click, CSS classes of Tasklist and form-js)
 * and on the Russian texts, and every step waits explicitly.
 */
class TasklistBrowserIT extends PostgresIT {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String PASSWORD = "secret1";
  static final String MANAGER = "brpetrov";

  static final By COMPLETE = By.cssSelector(".form-actions button[ng-click='complete()']");
  static final By ERROR_NOTICE = By.cssSelector(".page-notifications .alert-danger");

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final DateTimeFormatter MOSCOW_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  @RegisterExtension
  final Browser browser = new Browser("en-US", "Asia/Yekaterinburg");

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ru.voronka.documents.DealDocuments documents;

  static final byte[] SIGNED_SCAN = "%PDF-1.4\n% подписано клиентом\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  Api admin;
  Api manager;
  Api headOfSales;
  Api logist;

  @BeforeEach
  void staff() {
    admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hireOnce(MANAGER, "Алексей", "Петров", "MANAGERS");
    hireOnce("brsmirnova", "Елена", "Смирнова", "HEAD_OF_SALES");
    hireOnce("brvolkov", "Игорь", "Волков", "LOGISTS");
    hireOnce("brsokolova", "Татьяна", "Соколова", "ACCOUNTANTS");
    manager = admin.as(MANAGER, PASSWORD);
    headOfSales = admin.as("brsmirnova", PASSWORD);
    logist = admin.as("brvolkov", PASSWORD);
  }

  @Test
  void aManager_takesTheRequestInTasklist_pastTheFormsRefusals_andTheDealIsWon() {
    long deal = newDeal("Расходомеры РМ-5, 12 шт.", 96_000);
    String taskId = task(manager, deal, "Task_TakeRequest").path("id").asText();

    logIn("tasklist", MANAGER, PASSWORD);
    browser.visible(By.cssSelector(".task-filter"));
    seesRussianTasklist();
    browser.click(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),'Задачи моих групп')]"));

    // The request in the list of the managers' group tasks: «Взять заявку в работу» of «Продажа», with its deal.
    By entry = By.cssSelector("li.task a[href$='task=" + taskId + "']");
    browser.visible(entry);
    String listed = browser.until("the entry's texts", d -> {
      WebElement link = d.findElement(entry);
      WebElement card = link.findElement(By.xpath("ancestor::li[contains(@class,'task')]"));
      return link.getText().trim() + " / " + card.findElement(By.cssSelector("h6.process-definition")).getText().trim()
          + " / " + card.findElement(By.cssSelector(".variable-item")).getText().replaceAll("\\s+", " ").trim();
    });
    assertThat(listed).isEqualTo("Взять заявку в работу / Продажа / Сделка: №" + deal + " Расходомеры РМ-5, 12 шт. — ООО «Клиент "
        + "Расходомеры РМ-5, 12 шт.".hashCode() + "»");
    // Its deadline in Moscow time, whatever the browser's zone (Yekaterinburg here), as дд.мм.гггг ЧЧ:мм.
    String due = MOSCOW_TIME.format(OffsetDateTime.parse(task(manager, deal, "Task_TakeRequest").path("due").asText())
        .atZoneSameInstant(RussianFormats.MOSCOW));
    String dueShown = browser.until("the deadline's full date", d -> d.findElement(entry)
        .findElement(By.xpath("ancestor::li[contains(@class,'task')]//span[contains(@class,'due-date')]/span"))
        .getAttribute("uib-tooltip"));
    assertThat(dueShown).contains(due);
    browser.click(entry);

    // The Camunda Form (form-js) of the task, with the deal's own data.
    browser.visible(By.cssSelector(".fjs-form"));
    browser.seesText("Сделка «Расходомеры РМ-5, 12 шт.»");
    assertThat(browser.driver().findElement(COMPLETE).isEnabled()).as("Complete before the claim").isFalse();
    assertThat(browser.visible(By.cssSelector("button.claim")).getText()).isEqualTo("Взять");
    browser.click(By.cssSelector("button.claim"));
    browser.until("the task is claimed", ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    browser.until("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE));

    // «Отказаться» without a reason: form-js refuses in the browser, nothing reaches the engine.
    browser.click(radio("Отказаться"));
    By reason = By.cssSelector("textarea[id$='Field_refusalReason']");
    browser.visible(reason);
    browser.click(COMPLETE);
    browser.until("form-js marks the reason as required, in Russian", d -> d.findElement(
        By.cssSelector("[id$='Field_refusalReason-error-message']")).getText().contains("Заполните это поле."));
    browser.until("Tasklist refuses to submit", d -> d.findElements(ERROR_NOTICE).stream()
        .anyMatch(n -> n.getText().contains("Не удалось отправить форму задачи")));
    dismissNotices();

    // A blank reason passes form-js but not the server's rules: their Russian refusal is shown.
    browser.type(reason, "   ");
    browser.click(COMPLETE);
    browser.until("the server's refusal", d -> d.findElements(ERROR_NOTICE).stream()
        .anyMatch(n -> n.getText().contains("Укажите причину отказа")));
    dismissNotices();
    JsonNode stillOpen = task(manager, deal, "Task_TakeRequest");
    assertThat(stillOpen.path("id").asText()).isEqualTo(taskId);
    assertThat(stillOpen.path("assignee").asText()).isEqualTo(MANAGER);

    // Accepted: the form completes without an error and the task leaves the list.
    browser.click(radio("Принять заявку"));
    browser.until("the reason field hidden", ExpectedConditions.invisibilityOfElementLocated(reason));
    browser.click(COMPLETE);
    browser.until("the task leaves the list", ExpectedConditions.invisibilityOfElementLocated(entry));
    assertThat(browser.driver().findElements(ERROR_NOTICE)).isEmpty();

    JsonNode taken = manager.await("/api/deals/" + deal, d -> "IN_WORK".equals(d.path("stage").path("code").asText()), WAIT);
    assertThat(taken.path("responsible").path("userId").asText()).isEqualTo(MANAGER);
    browser.close();

    // The rest of the deal through the REST API, the shortest way to «Сделка успешна» (invoice only, one tranche).
    complete(manager, deal, "Task_CheckItems", Map.of("priority", "B", "clientName", "ООО «Водоканал-Сервис»",
        "deliveryDate", LocalDate.now(TestClock.INSTANCE).plusWeeks(2).toString()));
    complete(manager, deal, "Task_SendKp", Map.of("amount", 96_000));
    complete(manager, deal, "Task_GetKpFeedback", Map.of("kpStatus", "AGREED"));
    complete(manager, deal, "Task_SendInvoice", Map.of("paymentTerms", "PREPAYMENT", "invoiceSigned", true));
    complete(manager, deal, "Task_GetPayment", Map.of("paid", true, "paymentDate", LocalDate.now(TestClock.INSTANCE).toString()));
    complete(manager, deal, "Task_EnterPaymentSchedule", Map.of("tranches", List.of(
        Map.of("percent", 100, "dueDate", LocalDate.now(TestClock.INSTANCE).plusDays(5).toString()))));
    complete(manager, deal, "Task_ControlWorks", Map.of());
    complete(manager, deal, "Task_ControlPacking", Map.of());
    complete(manager, deal, "Task_CheckClientPayment", Map.of());
    complete(logist, deal, "Task_ShipGoods", Map.of());
    complete(manager, deal, "Task_ControlShipment", Map.of());
    // FUN-8: the act's and the УПД's tasks complete only with the client's signed scan uploaded.
    documents.addSigned(deal, ru.voronka.documents.DocumentType.ACT, "акт.pdf", SIGNED_SCAN, MANAGER);
    documents.addSigned(deal, ru.voronka.documents.DocumentType.UPD, "упд.pdf", SIGNED_SCAN, MANAGER);
    complete(manager, deal, "Task_SendActs", Map.of("actSigned", true, "actNumber", "31"));
    complete(manager, deal, "Task_SendUpd", Map.of("updSigned", true, "updNumber", "31"));
    complete(manager, deal, "Task_ConfirmTranchePayment", Map.of("paidOn", LocalDate.now(TestClock.INSTANCE).toString()));

    JsonNode won = manager.await("/api/deals/" + deal, d -> "WON".equals(d.path("status").path("code").asText()), WAIT);
    assertThat(won.path("stage").path("title").asText()).isEqualTo("Сделка успешна");
    assertThat(won.path("documentSet").path("code").asText()).isEqualTo("INVOICE");

    List<JsonNode> history = history(deal);
    List<String> texts = history.stream().map(e -> e.path("text").asText()).toList();
    for (String stage : List.of("«Новая заявка» на «Взят в работу»", "на «КП»", "на «Счет»", "на «Запуск реализации сделки»",
        "на «Принят»", "на «К отгрузке»", "на «Отгружен/Доставлен»", "на «Сделка успешна»")) {
      assertThat(texts).anySatisfy(line -> assertThat(line).contains(stage));
    }
    // No provider here: FUN-2's default stage action is tried through the outbox, and its refusal is logged.
    headOfSales.await("/api/deals/" + deal + "/history?size=200", h -> h.path("content").toString()
        .contains("«Сообщение о взятии заявки в работу»: Ошибка: WhatsApp не подключён"), java.time.Duration.ofSeconds(90));
    // The refusals in Tasklist left no trace: the request was taken once, never refused.
    assertThat(texts).noneSatisfy(line -> assertThat(line).contains("Отказ от заявки"));
    assertThat(history).filteredOn(e -> e.path("text").asText().equals("Выполнена задача «Взять заявку в работу»"))
        .singleElement().satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(MANAGER));
  }

  @Test
  void anotherDeal_isLost_withItsReasonInTheHistory() {
    long deal = newDeal("Теплосчётчики ТС-07", 230_000);
    complete(manager, deal, "Task_TakeRequest", Map.of("takeDecision", "ACCEPT"));
    manager.await("/api/deals/" + deal, d -> "IN_WORK".equals(d.path("stage").path("code").asText()), WAIT);
    complete(manager, deal, "Task_CheckItems", Map.of("priority", "C", "clientName", "ООО «Теплосеть»",
        "deliveryDate", LocalDate.now(TestClock.INSTANCE).plusWeeks(4).toString()));
    task(manager, deal, "Task_SendKp");

    manager.post("/api/deals/" + deal + "/loss", Map.of("reason", "NO_MONEY", "comment", "Перенесли закупку")).expect(202);

    JsonNode lost = manager.await("/api/deals/" + deal, d -> "LOST".equals(d.path("status").path("code").asText()), WAIT);
    assertThat(lost.path("stage").path("title").asText()).isEqualTo("Сделка провалена");
    assertThat(lost.path("lostReason").path("title").asText()).isEqualTo("Денег нет");
    assertThat(lost.path("openTasks")).isEmpty();
    assertThat(history(deal)).map(e -> e.path("text").asText()).anySatisfy(line -> assertThat(line)
        .contains("Сделка провалена на стадии «КП». Причина: Денег нет — Перенесли закупку"));
  }

  /**
   * The bug this guards against: «20.01.2027» typed into a Camunda Forms date field in an en-US
   * browser was read as month 20 and saved as 8/1/2028. The field reads дд.мм.гггг (app/voronka/russian.js).
   */
  @Test
  void aManagerTypesARussianDate_andTheDateSavedIsTheDateTyped() {
    long deal = newDeal("Манометры МП-100, 40 шт.", 64_000);
    complete(manager, deal, "Task_TakeRequest", Map.of("takeDecision", "ACCEPT"));
    String taskId = task(manager, deal, "Task_CheckItems").path("id").asText();
    // A day after the 12th, so that month-first reading could not take it: 20.01.2027 today.
    LocalDate delivery = LocalDate.now(TestClock.INSTANCE).plusMonths(1).withDayOfMonth(20);

    logIn("tasklist", MANAGER, PASSWORD);
    browser.click(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),'Мои задачи')]"));
    browser.click(By.cssSelector("li.task a[href$='task=" + taskId + "']"));
    browser.visible(By.cssSelector(".fjs-form"));
    browser.seesText("Сделка «Манометры МП-100, 40 шт.»");
    browser.click(radio("B"));
    By date = By.cssSelector("input[id$='Field_deliveryDate-date']");
    assertThat(browser.visible(date).getAttribute("placeholder")).isEqualTo("дд.мм.гггг");
    browser.type(date, DAY.format(delivery));
    browser.click(By.cssSelector("input[id$='Field_clientName']"));
    assertThat(browser.driver().findElement(date).getAttribute("value")).as("the field after leaving it")
        .isEqualTo(DAY.format(delivery));
    browser.click(COMPLETE);
    browser.until("the task leaves the list", ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("li.task a[href$='task=" + taskId + "']")));
    assertThat(browser.driver().findElements(ERROR_NOTICE)).isEmpty();

    JsonNode saved = manager.await("/api/deals/" + deal, d -> !d.path("deliveryDate").isMissingNode()
        && !d.path("deliveryDate").isNull(), WAIT);
    assertThat(saved.path("deliveryDate").asText()).isEqualTo(delivery.toString());
    String processInstance = admin.get("/engine-rest/history/task?taskId=" + taskId).expect(200).json()
        .path(0).path("processInstanceId").asText();
    JsonNode variable = admin.get("/engine-rest/history/variable-instance?variableName=deliveryDate&processInstanceId="
        + processInstance).expect(200).json();
    assertThat(variable).singleElement().satisfies(v -> assertThat(v.path("value").asText()).isEqualTo(delivery.toString()));
  }

  @Test
  void theAdministrator_findsTheSalesFunnel_inCockpit() {
    logIn("cockpit", ADMIN, ADMIN_PASSWORD);
    browser.seesText("Определения процессов");
    browser.seesText("Выполняющиеся экземпляры процессов");
    browser.seesText("Дата и время указаны в часовом поясе: Europe/Moscow");
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as("no «migrate to Camunda 8» banner").noneMatch(WebElement::isDisplayed);
    browser.open(base() + "/camunda/app/cockpit/default/#/processes");
    By salesFunnel = By.cssSelector("td.key a[href*='#/process-definition/salesFunnel:']");
    browser.visibleReloading(salesFunnel, Duration.ofSeconds(15));
    String name = browser.until("the definition's name", d -> d.findElement(salesFunnel)
        .findElement(By.xpath("ancestor::tr/td[contains(@class,'name')]")).getText().trim());
    assertThat(name).isEqualTo("Продажа");
    browser.click(salesFunnel);
    browser.until("the «Продажа» definition page", d -> d.getCurrentUrl().contains("/process-definition/salesFunnel:"));
    browser.seesText("Продажа");
  }

  // --- the browser

  /** Tasklist's own labels in Russian in an American browser, Moscow's time zone, no upgrade banner. */
  private void seesRussianTasklist() {
    browser.seesText("Запустить процесс");
    browser.seesText("Дата и время указаны в часовом поясе: Europe/Moscow");
    assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("return new Date(Date.UTC(2026, 11, 4, 12)).getTimezoneOffset();"))
        .as("the browser's own zone is not Moscow's, or the test would prove nothing").isNotEqualTo(-180L);
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as("no «migrate to Camunda 8» banner").noneMatch(WebElement::isDisplayed);
    // Every filter with its count, not only the open one.
    browser.until("the counts of every filter", d -> d.findElements(By.cssSelector(".task-filter .counter")).stream()
        .filter(WebElement::isDisplayed).count() == d.findElements(By.cssSelector(".task-filter")).size());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /**
   * Voronka's one login: the webapp sends a stranger to /login, and after it the webapp opens as
   * that user (single sign-on) — Tasklist's own login form never shows.
   */
  private void logIn(String app, String user, String password) {
    browser.driver().manage().deleteAllCookies();
    browser.open(base() + "/camunda/app/" + app + "/default/");
    browser.type(By.name("username"), user);
    browser.type(By.name("password"), password);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.until("back in " + app + " as " + user, d -> d.getCurrentUrl().contains("/camunda/app/" + app + "/"));
    browser.until(app + " shows no login form of its own",
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  /** A form-js radio button by its Russian label. */
  private static By radio(String label) {
    return By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + label + "']/input[@type='radio']");
  }

  /** Closes Tasklist's error notices: one covers the Complete button. */
  private void dismissNotices() {
    browser.until("the notices' close buttons clicked", d -> {
      for (WebElement close : d.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
        if (close.isDisplayed()) {
          close.click();
        }
      }
      return true;
    });
    browser.until("the notices closed", ExpectedConditions.invisibilityOfElementLocated(ERROR_NOTICE));
  }

  // --- the REST API, as in DealLifecycleIT

  private void hireOnce(String userId, String firstName, String lastName, String group) {
    var r = admin.post("/api/employees", Map.of("userId", userId, "password", PASSWORD, "firstName", firstName,
        "lastName", lastName, "groups", List.of(group), "email", userId + "@voronka.test"));
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }

  private long newDeal(String title, long amount) {
    JsonNode created = headOfSales.post("/api/deals", Map.of("title", title, "amount", amount, "direction", "Урал",
        "client", Map.of("name", "ООО «Клиент " + title.hashCode() + "»", "phone", "+7 912 600-70-81"))).expect(201).json();
    assertThat(created.path("stage").path("code").asText()).isEqualTo("NEW");
    return created.path("id").asLong();
  }

  private void complete(Api who, long deal, String taskKey, Map<String, Object> variables) {
    who.post("/api/tasks/" + task(who, deal, taskKey).path("id").asText() + "/complete", variables).expect(204);
  }

  private JsonNode task(Api who, long deal, String taskKey) {
    JsonNode details = who.await("/api/deals/" + deal, d -> open(d, taskKey) != null, WAIT);
    return open(details, taskKey);
  }

  private static JsonNode open(JsonNode deal, String taskKey) {
    for (JsonNode t : deal.path("openTasks")) {
      if (taskKey.equals(t.path("key").asText())) {
        return t;
      }
    }
    return null;
  }

  private List<JsonNode> history(long deal) {
    List<JsonNode> entries = new ArrayList<>();
    headOfSales.get("/api/deals/" + deal + "/history?size=200").expect(200).json().path("content").forEach(entries::add);
    return entries;
  }
}
