package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.chat.MessageStatus;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Wazzup's webhooks ({@code POST /webhooks/wazzup}, subscribed with {@code PATCH /v3/webhooks}).
 * Wazzup signs nothing: it sends {@code Authorization: Bearer <crmKey>}, checked here in constant
 * time — a wrong key is refused with 401 and nothing is stored. {@code {"test": true}} is answered
 * 200. One delivery may carry {@code messages} and {@code statuses}; the whole body is checked
 * before anything is stored, so a malformed one gets a 400 and changes nothing, and a redelivery
 * stores nothing twice. Shapes as in Wazzup's API v3 documentation (wazzup24.com/help, «Webhooks»).
 */
@RestController
class WazzupWebhookController {

  private final WazzupProperties properties;
  private final WhatsAppInbox inbox;
  private final ObjectMapper json;

  private final Clock clock;

  WazzupWebhookController(WazzupProperties properties, WhatsAppInbox inbox, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.properties = properties;
    this.inbox = inbox;
    this.json = json;
  }

  @PostMapping("/webhooks/wazzup")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    if (!authorized(authorization)) {
      throw new DomainException(Kind.UNAUTHORIZED, "Неверный или отсутствующий ключ вебхука Wazzup (Authorization: Bearer)");
    }
    JsonNode root = parse(body);
    if (root.path("test").asBoolean(false)) {
      return ResponseEntity.ok(Map.of("ok", true));
    }
    List<InboundMessage> messages = new ArrayList<>();
    for (JsonNode m : root.path("messages")) {
      if (m.path("isEcho").asBoolean(false) || !"whatsapp".equals(m.path("chatType").asText("whatsapp"))) {
        continue; // our own messages echoed back; group chats arrive with the deal groups
      }
      String contentUri = m.path("contentUri").asText("");
      messages.add(new InboundMessage(WazzupMessenger.PROVIDER + ":" + required(m, "messageId"), required(m, "chatId"),
          m.path("contact").path("name").asText(null), m.path("text").asText(null), time(m.path("dateTime").asText(null)),
          "missing_call".equals(m.path("type").asText()),
          contentUri.isBlank() ? List.of() : List.of(InboundMessage.MediaRef.url(contentUri))));
    }
    List<StatusChange> statuses = new ArrayList<>();
    for (JsonNode s : root.path("statuses")) {
      MessageStatus status = status(required(s, "status"));
      if (status != null) {
        statuses.add(new StatusChange(WazzupMessenger.PROVIDER + ":" + required(s, "messageId"), status,
            s.path("error").path("description").asText(s.path("error").asText(null))));
      }
    }
    if (messages.isEmpty() && statuses.isEmpty() && !root.has("messages") && !root.has("statuses")) {
      throw new DomainException(Kind.INVALID, "В теле вебхука нет ни messages, ни statuses");
    }
    inbox.receiveDelivery(messages, statuses);
    return ResponseEntity.ok(Map.of("ok", true));
  }

  private boolean authorized(String authorization) {
    String key = properties.crmKey();
    if (key == null || key.isBlank()) {
      return false; // no key configured: nobody may post messages in our name
    }
    byte[] expected = ("Bearer " + key).getBytes(StandardCharsets.UTF_8);
    byte[] given = (authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode root = body == null || body.length == 0 ? null : json.readTree(body);
      if (root == null || !root.isObject()) {
        throw new DomainException(Kind.INVALID, "Тело вебхука должно быть JSON-объектом");
      }
      return root;
    } catch (IOException e) {
      throw new DomainException(Kind.INVALID, "Тело вебхука — не JSON");
    }
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new DomainException(Kind.INVALID, "В элементе вебхука нет поля «" + field + "»");
    }
    return value;
  }

  private Instant time(String value) {
    if (value == null || value.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainException(Kind.INVALID, "Поле dateTime — не дата ISO 8601: " + value);
    }
  }

  private static MessageStatus status(String wazzup) {
    return switch (wazzup) {
      case "sent" -> MessageStatus.SENT;
      case "delivered" -> MessageStatus.DELIVERED;
      case "read" -> MessageStatus.READ;
      case "error" -> MessageStatus.FAILED;
      default -> null; // a status Voronka does not track (Wazzup adds some now and then): not an error
    };
  }
}
