package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.voronka.support.Api;
import ru.voronka.support.Browser;
import ru.voronka.support.PostgresIT;

/**
 * In headless Chromium: an administrator fills the company's requisites (the page names what is
 * missing), then a manager opens a deal's «Документы» tab, presses «Сформировать» for an invoice and
 * previews the new version — the browser gets a PDF.
 */
class DocumentsTabBrowserIT extends PostgresIT {

  static final String PASSWORD = "secret1";
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final Browser browser = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Test
  void requisitesThenAnInvoiceFromTheDocumentsTabWithItsPreview() {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    var hired = admin.post("/api/employees", Map.of("userId", "docpetrov", "password", PASSWORD, "firstName", "Глеб",
        "lastName", "Документов", "groups", List.of("MANAGERS"), "email", "docpetrov@voronka.test"));
    assertThat(hired.status()).as(hired.body()).isIn(201, 409);
    Api manager = admin.as("docpetrov", PASSWORD);
    long deal = manager.post("/api/deals", Map.of("title", "Манометры для котельной", "amount", 120000,
        "client", Map.of("name", "ООО «ТехноПром»", "inn", "7701234560", "phone", "+7 912 600-71-01"))).expect(201).json()
        .path("id").asLong();
    JsonNode take = manager.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT).path("openTasks").get(0);
    manager.post("/api/tasks/" + take.path("id").asText() + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    manager.await("/api/deals/" + deal, d -> "docpetrov".equals(d.path("responsible").path("userId").asText()), WAIT);

    logIn(ADMIN, ADMIN_PASSWORD);
    browser.open("http://localhost:" + port + "/admin/documents");
    browser.seesText("Документы не сформировать, пока не заполнено");
    Map<String, String> fields = Map.ofEntries(Map.entry("name", "ООО «Воронка-Снаб»"), Map.entry("inn", "7712345678"),
        Map.entry("kpp", "771201001"), Map.entry("ogrn", "1157746000001"), Map.entry("legalAddress", "119021, г. Москва, ул. Льва Толстого, д. 16"),
        Map.entry("bankName", "ПАО «Сбербанк», г. Москва"), Map.entry("bik", "044525225"), Map.entry("account", "40702810938000012345"),
        Map.entry("corrAccount", "30101810400000000225"), Map.entry("director", "Смирнов Олег Викторович"));
    fields.forEach((name, value) -> browser.type(By.name(name), value));
    browser.click(By.xpath("//button[contains(., 'Сохранить реквизиты')]"));
    browser.seesText("Реквизиты сохранены");
    browser.click(By.cssSelector("form[action='/logout'] button"));

    logIn("docpetrov", PASSWORD);
    browser.open("http://localhost:" + port + "/deals/" + deal + "?tab=documents");
    browser.seesText("Документов пока нет");
    browser.click(By.cssSelector("button[name=type][value=INVOICE]"));
    browser.seesText("Сформирован «Счёт на оплату № ");
    WebElement preview = browser.visible(By.cssSelector("a[data-preview]"));
    assertThat(browser.driver().findElement(By.cssSelector("table.documents")).getText())
        .contains("Счёт на оплату").contains("Сформирован");
    String href = preview.getDomAttribute("href");
    Object type = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
        href);
    assertThat(String.valueOf(type)).startsWith("200 application/pdf");
    preview.click();
    browser.until("the preview frame loads the PDF", d -> {
      Object src = ((JavascriptExecutor) d).executeScript(
          "const f = document.querySelector('iframe.doc-preview'); try { return f.contentWindow.location.href; } catch (e) { return 'x'; }");
      return String.valueOf(src).contains("/documents/");
    });
    browser.screenshot("documents-tab");
  }

  private void logIn(String user, String password) {
    browser.signIn("http://localhost:" + port, user, password);
  }
}
