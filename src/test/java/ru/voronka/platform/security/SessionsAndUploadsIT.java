package ru.voronka.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.WebSession;

/** Through a real server: a live stream ends with its session, and files up to 10 MB are taken. */
class SessionsAndUploadsIT extends PostgresIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theLiveStreamEndsWhenItsUserSignsOut() throws Exception {
    WebSession session = WebSession.login("http://localhost:" + port, ADMIN, ADMIN_PASSWORD);
    Stream<String> live = session.live();
    CompletableFuture<Long> ended = CompletableFuture.supplyAsync(live::count); // returns when the server closes it

    assertThat(session.logout().statusCode()).isEqualTo(302);

    assertThat(ended.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
    assertThat(session.get("/live").statusCode()).isEqualTo(401);
  }

  @Test
  void aFailureNoPageHandledIsShownInRussian_notAsSpringsWhitelabelPage() throws Exception {
    WebSession session = WebSession.login("http://localhost:" + port, ADMIN, ADMIN_PASSWORD);
    // Spring Boot's error page, as the servlet container shows it after an unexpected failure
    var failed = session.get("/error", "text/html");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("Что-то пошло не так").contains("На рабочий стол").doesNotContain("Whitelabel");

    // An address no page serves: a Russian page for the browser, the problem details for the API's clients.
    var missing = session.get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Такой страницы нет").contains("На рабочий стол");
    var missingApi = session.get("/no-such-page", "application/json");
    assertThat(missingApi.statusCode()).isEqualTo(404);
    assertThat(missingApi.body()).contains("\"status\":404");
  }

  @Test
  void aFileOfEightMegabytesIsKept_aLargerOneIsRefusedInRussian() throws Exception {
    var admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    var hired = admin.post("/api/employees", Map.of("userId", "uploader", "password", "secret1", "firstName", "Файл",
        "lastName", "Загрузчиков", "groups", List.of("MANAGERS"), "email", "uploader@voronka.test"));
    assertThat(hired.status()).isIn(201, 409);
    admin.post("/api/employees", Map.of("userId", "receiver", "password", "secret1", "firstName", "Файл",
        "lastName", "Получатель", "groups", List.of("MANAGERS"), "email", "receiver@voronka.test"));
    Long chat = jdbc.queryForObject("""
        select c.id from chat c join chat_member m on m.chat_id = c.id join employee e on e.id = m.employee_id
        where c.kind = 'PERSONAL' and e.user_id = 'uploader' order by c.id limit 1""", Long.class);
    WebSession uploader = WebSession.login("http://localhost:" + port, "uploader", "secret1");

    var taken = uploader.postMultipart("/chats/" + chat + "/messages", Map.of("text", "Спецификация"),
        Map.of("spec.pdf", new byte[8 * 1024 * 1024]));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from chat_attachment a join chat_message m on m.id = a.message_id"
        + " where m.chat_id = ?", Long.class, chat)).isEqualTo(1);

    var refused = uploader.postMultipart("/chats/" + chat + "/messages", Map.of("text", "Большой архив"),
        Map.of("archive.zip", new byte[12 * 1024 * 1024]));
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("Файл больше 10 МБ");
  }
}
