package ru.voronka.workspace;

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

/**
 * Two people in two headless Chromium sessions: a manager opens the desktop and a deal and writes
 * in the deal's internal chat, which the РОП has open — it arrives there live; then a personal
 * message pops up for the РОП, who opens it unread, reads it, and sees the next one arrive live.
 */
class WorkspaceBrowserIT extends PostgresIT {

  static final String PASSWORD = "secret1";
  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final Browser manager = new Browser();

  @RegisterExtension
  final Browser rop = new Browser();

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate rest;

  @Test
  void aMessageWrittenOnTheDealCardArrivesLiveInAnotherUsersBrowser() throws Exception {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    hireOnce(admin, "wspetrov", "Олег", "Васнецов", "MANAGERS"); // names no other test uses
    hireOnce(admin, "wssmirnova", "Вера", "Громова", "HEAD_OF_SALES");
    Api headOfSales = admin.as("wssmirnova", PASSWORD);
    Api petrov = admin.as("wspetrov", PASSWORD);
    long deal = headOfSales.post("/api/deals", Map.of("title", "Теплообменник для котельной", "amount", 210000,
        "client", Map.of("name", "ООО «Теплоузел»", "phone", "+7 912 600-70-99"))).expect(201).json().path("id").asLong();
    JsonNode take = petrov.await("/api/deals/" + deal, d -> d.path("openTasks").size() > 0, WAIT).path("openTasks").get(0);
    petrov.post("/api/tasks/" + take.path("id").asText() + "/complete", Map.of("takeDecision", "ACCEPT")).expect(204);
    petrov.await("/api/deals/" + deal, d -> "wspetrov".equals(d.path("responsible").path("userId").asText()), WAIT);

    // The РОП watches the deal's internal chat («ВС WhatsApp»): a lead sees every deal's chats.
    logIn(rop, "wssmirnova");
    rop.click(By.linkText("Теплообменник для котельной")); // the РОП's desktop lists every deal
    rop.click(By.partialLinkText("ВС WhatsApp"));
    rop.visible(By.cssSelector("form[data-chat-send] textarea"));
    rop.until("the live connection is open", d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));

    logIn(manager, "wspetrov");
    manager.click(By.linkText("Теплообменник для котельной"));
    manager.click(By.partialLinkText("ВС WhatsApp"));
    send(manager, "Вера, клиент просит скидку 5 % — согласуете?");
    manager.until("the sent message is shown as ours",
        d -> d.findElements(By.cssSelector(".msg.ours .body")).stream().anyMatch(e -> e.getText().contains("скидку 5 %")));
    rop.until("the message arrives in the РОП's open chat without a reload",
        d -> d.findElements(By.cssSelector(".msg.theirs .body")).stream().anyMatch(e -> e.getText().contains("скидку 5 %")));

    // A file: the hidden input's label names what was chosen, the message carries it, the label is reset.
    java.nio.file.Path estimate = java.nio.file.Files.createTempDirectory("ws").resolve("смета.pdf");
    java.nio.file.Files.writeString(estimate, "%PDF-1.4 смета");
    manager.driver().findElement(By.cssSelector("form[data-chat-send] input[type=file]")).sendKeys(estimate.toString());
    manager.until("the label names the chosen file", d -> d.findElement(By.cssSelector("form[data-chat-send] [data-files-label]"))
        .getText().equals("Файлы: смета.pdf"));
    send(manager, "Смета во вложении");
    manager.until("the message carries the file", d -> d.findElements(By.cssSelector(".msg.ours")).stream()
        .anyMatch(e -> e.getText().contains("Смета во вложении") && e.getText().contains("смета.pdf")));
    assertThat(manager.driver().findElement(By.cssSelector("form[data-chat-send] [data-files-label]")).getText()).isEqualTo("+ Файлы");

    // A personal message pops up on whatever page the colleague has open, and waits there unread.
    manager.open("http://localhost:" + port + "/chats/pick");
    manager.click(By.xpath("//button[contains(normalize-space(.),'Громова Вера')]"));
    send(manager, "Жду ответа по скидке до обеда.");
    WebElement popup = rop.visible(By.cssSelector("#popups .popup"));
    assertThat(popup.getText()).contains("Васнецов Олег").contains("до обеда");
    rop.until("the unread badge shows", d -> !d.findElement(By.id("unread-total")).getText().isBlank());
    popup.findElement(By.linkText("Перейти в чат")).click();
    rop.until("the message is shown unread (bold)",
        d -> d.findElements(By.cssSelector(".msg.theirs.unread .body")).stream().anyMatch(e -> e.getText().contains("до обеда")));
    rop.until("read after a few seconds on screen", d -> d.findElements(By.cssSelector(".msg.theirs.unread")).isEmpty());
    rop.until("the badge cleared", d -> d.findElement(By.id("unread-total")).getText().isBlank());

    send(manager, "И ещё: доставка нужна до 15 декабря.");
    rop.until("the next message arrives in the open chat without a reload",
        d -> d.findElements(By.cssSelector(".msg.theirs .body")).stream().anyMatch(e -> e.getText().contains("15 декабря")));

  }

  private static void send(Browser browser, String text) {
    By textarea = By.cssSelector("form[data-chat-send] textarea");
    browser.type(textarea, text);
    browser.click(By.cssSelector("form[data-chat-send] button[type=submit]"));
    browser.until("the form is cleared after sending", d -> d.findElement(textarea).getDomProperty("value").isEmpty());
  }

  private void logIn(Browser browser, String user) {
    browser.signIn("http://localhost:" + port, user, PASSWORD);
  }

  private static void hireOnce(Api admin, String userId, String firstName, String lastName, String group) {
    var r = admin.post("/api/employees", Map.of("userId", userId, "password", PASSWORD, "firstName", firstName,
        "lastName", lastName, "groups", List.of(group), "email", userId + "@voronka.test"));
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }
}
