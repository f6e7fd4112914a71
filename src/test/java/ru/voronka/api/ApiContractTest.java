package ru.voronka.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.support.OpenFollowUps;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;
import ru.voronka.telephony.CallFollowUps;
import ru.voronka.telephony.SimulatedPbx;

/**
 * PLT-3 (issue 15): the REST API covers what the pages do, and its OpenAPI document says so truly.
 * {@code /v3/api-docs} is validated with swagger-parser (OpenAPI 3 rules, every reference resolved),
 * then a manager's and the РОП's day is driven through {@link SpecClient} — a client made from that
 * document, which checks each answer against it.
 */
class ApiContractTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SMIRNOVA = user("smirnova").roles("ROP");

  @Autowired MockMvc mvc;
  @Autowired SimulatedPbx pbx;
  @Autowired CallFollowUps followUps;

  final List<String> violations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void officeHours() {
    TestClock.INSTANCE.moveToOfficeHours();
  }

  @AfterEach
  void closeTheCallsFollowUps() {
    OpenFollowUps.close(followUps, "petrov");
  }

  OpenAPI document() throws Exception {
    String docs = mvc.perform(get("/v3/api-docs").with(PETROV)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs, null, options);
    assertThat(parsed.getMessages()).as("swagger-parser's validation of /v3/api-docs").isEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    return parsed.getOpenAPI();
  }

  @Test
  void theDocumentIsValidOpenApi_andDescribesWhatThePagesDo_inRussian() throws Exception {
    OpenAPI api = document();
    assertThat(api.getPaths()).containsKeys("/api/deals", "/api/deals/{id}", "/api/deals/{id}/history", "/api/deals/board",
        "/api/reports/conversion", "/api/tasks", "/api/tasks/{id}/complete", "/api/chats", "/api/chats/{id}/messages",
        "/api/chats/{id}/read", "/api/chats/{id}/sms", "/api/chats/{id}/call", "/api/chats/unread", "/api/calls", "/api/calls/{id}",
        "/api/calls/dial", "/api/calls/recent", "/api/calls/{id}/follow-up", "/api/events", "/api/events/{id}/status");
    List<String> undocumented = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      if (path.startsWith("/api/") && (op.getSummary() == null || !op.getSummary().matches(".*[А-Яа-яЁё].*"))) {
        undocumented.add(method + " " + path);
      }
    }));
    assertThat(undocumented).as("every API operation says in Russian what it does").isEmpty();
  }

  @Test
  void aManagersDayThroughTheApi_dealsBoardChatsCallsEventsTasks_everyAnswerAsDocumented() throws Exception {
    SpecClient petrov = new SpecClient(document(), mvc, PETROV, violations);

    // The deal list and the board.
    var found = petrov.call("GET", "/api/deals", Map.of("q", "клапан"), null);
    assertThat(found.status()).isEqualTo(200);
    long dealId = found.body().get("content").get(0).get("id").asLong();
    assertThat(petrov.call("GET", "/api/deals/{id}", Map.of("id", dealId), null).status()).isEqualTo(200);
    assertThat(petrov.call("GET", "/api/deals/{id}/history", Map.of("id", dealId), null).status()).isEqualTo(200);
    var board = petrov.call("GET", "/api/deals/board", Map.of(), null);
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body().get("columns").get(0).get("title").asText()).isEqualTo("Новая заявка");
    assertThat(petrov.call("GET", "/api/reports/conversion", Map.of(), null).status()).isEqualTo(403);

    // Tasks.
    assertThat(petrov.call("GET", "/api/tasks", Map.of(), null).status()).isEqualTo(200);

    // The deal's internal chat: write, read, count.
    var chat = petrov.call("GET", "/api/chats/deal/{dealId}", Map.of("dealId", dealId, "kind", "DEAL_INTERNAL"), null);
    long chatId = chat.body().get("chatId").asLong();
    var posted = petrov.call("POST", "/api/chats/{id}/messages", Map.of("id", chatId), Map.of("text", "Счёт выставлен"));
    assertThat(posted.status()).isEqualTo(201);
    assertThat(posted.body().get("body").asText()).isEqualTo("Счёт выставлен");
    var messages = petrov.call("GET", "/api/chats/{id}/messages", Map.of("id", chatId), null);
    assertThat(messages.body().get("messages").findValuesAsText("body")).contains("Счёт выставлен");
    assertThat(petrov.call("GET", "/api/chats/{id}/messages/newer", Map.of("id", chatId, "after", 0), null).status()).isEqualTo(200);
    assertThat(petrov.call("POST", "/api/chats/{id}/read", Map.of("id", chatId, "upTo", posted.body().get("id").asLong()), null)
        .status()).isEqualTo(204);
    assertThat(petrov.call("GET", "/api/chats/unread", Map.of("ids", chatId), null).body().get("byChat").get(String.valueOf(chatId))
        .asLong()).isZero();
    assertThat(petrov.call("GET", "/api/chats", Map.of(), null).status()).isEqualTo(200);
    assertThat(petrov.call("GET", "/api/chats/new-client-messages", Map.of(), null).status()).isEqualTo(200);
    // A refusal is a documented problem, in Russian.
    var empty = petrov.call("POST", "/api/chats/{id}/messages", Map.of("id", chatId), Map.of("text", ""));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("detail").asText()).matches(".*[А-Яа-я].*");

    // Calls: dial a number, see it in the journal and among recent callers, close it with a follow-up event.
    var dialled = petrov.call("POST", "/api/calls/dial", Map.of(), Map.of("number", "8 921 555-88-22"));
    assertThat(dialled.status()).isEqualTo(202);
    assertThat(dialled.body().get("number").asText()).isEqualTo("+79215558822");
    assertThat(petrov.call("POST", "/api/calls/dial", Map.of(), Map.of("number", "не номер")).status()).isEqualTo(400);
    String key = pbx.lines().stream().filter(l -> l.clientNumber().equals("+79215558822")).reduce((a, b) -> b).orElseThrow().key();
    pbx.answer(key);
    pbx.hangUp(key);
    var journal = petrov.call("GET", "/api/calls", Map.of("direction", "OUTGOING"), null);
    long callId = journal.body().get("content").get(0).get("id").asLong();
    assertThat(petrov.call("GET", "/api/calls/{id}", Map.of("id", callId), null).body().get("contact").asText())
        .isEqualTo("Павлова Ирина");
    assertThat(petrov.call("GET", "/api/calls/recent", Map.of(), null).body().findValuesAsText("number")).contains("+79215558822");
    assertThat(petrov.call("GET", "/api/calls/follow-ups", Map.of(), null).body().findValuesAsText("callId"))
        .contains(String.valueOf(callId));
    assertThat(petrov.call("POST", "/api/calls/{id}/follow-up", Map.of("id", callId), Map.of("followUp", "EVENT")).status())
        .isEqualTo(400); // an event needs its kind, time and title
    Map<String, Object> event = new HashMap<>(Map.of("followUp", "EVENT", "eventKind", "CALL", "eventDue", "2030-01-15T10:30",
        "eventTitle", "Перезвонить Павловой по оплате"));
    assertThat(petrov.call("POST", "/api/calls/{id}/follow-up", Map.of("id", callId), event).status()).isEqualTo(204);

    // Events.
    var events = petrov.call("GET", "/api/events", Map.of(), null);
    JsonNode mine = null;
    for (JsonNode e : events.body()) {
      if (e.get("title").asText().equals("Перезвонить Павловой по оплате")) {
        mine = e;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(petrov.call("POST", "/api/events/{id}/status", Map.of("id", mine.get("id").asLong()), Map.of("status", "DONE"))
        .status()).isEqualTo(204);

    // The РОП's report.
    var report = petrov.as(SMIRNOVA).call("GET", "/api/reports/conversion", Map.of("from", "2000-01-01", "to", "2100-01-01"), null);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().get("deals").asLong()).isPositive();

    assertThat(violations).as("answers that differ from the OpenAPI document").isEmpty();
  }
}
