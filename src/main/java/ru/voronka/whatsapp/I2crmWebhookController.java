package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
 * I2CRM's webhooks ({@code POST /webhooks/i2crm}), in the assumed shape documented at
 * {@link I2crmMessenger}: {@code X-I2CRM-Signature: sha256=<HMAC-SHA256(secret, raw body)>};
 * {@code {"event": "message.incoming", "message": {"id", "phone", "name", "text", "timestamp"}}} or
 * {@code {"event": "message.status", "message": {"id", "status", "error"}}}. Checked and stored like
 * the other providers' webhooks: a bad signature is a 401 with nothing stored, a redelivery is
 * stored once.
 */
@RestController
class I2crmWebhookController {

  private final I2crmProperties properties;
  private final WhatsAppInbox inbox;
  private final ObjectMapper json;

  private final Clock clock;

  I2crmWebhookController(I2crmProperties properties, WhatsAppInbox inbox, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.properties = properties;
    this.inbox = inbox;
    this.json = json;
  }

  @PostMapping("/webhooks/i2crm")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "X-I2CRM-Signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (!signed(signature, raw)) {
      throw new DomainException(Kind.UNAUTHORIZED, "Подпись X-I2CRM-Signature не сходится");
    }
    JsonNode root;
    try {
      root = json.readTree(raw);
    } catch (IOException e) {
      throw new DomainException(Kind.INVALID, "Тело вебхука — не JSON");
    }
    JsonNode message = root == null ? null : root.path("message");
    String id = message == null ? "" : message.path("id").asText("");
    if (id.isBlank()) {
      throw new DomainException(Kind.INVALID, "В вебхуке нет message.id");
    }
    switch (root.path("event").asText()) {
      case "message.incoming" -> inbox.receive(new InboundMessage(I2crmMessenger.PROVIDER + ":" + id,
          message.path("phone").asText(), message.path("name").asText(null), message.path("text").asText(null),
          message.has("timestamp") ? Instant.ofEpochSecond(message.path("timestamp").asLong()) : clock.instant(), false));
      case "message.status" -> {
        MessageStatus status = switch (message.path("status").asText()) {
          case "sent" -> MessageStatus.SENT;
          case "delivered" -> MessageStatus.DELIVERED;
          case "read" -> MessageStatus.READ;
          case "failed" -> MessageStatus.FAILED;
          default -> null;
        };
        if (status != null) {
          inbox.statusChanged(I2crmMessenger.PROVIDER + ":" + id, status, message.path("error").asText(null));
        }
      }
      default -> throw new DomainException(Kind.INVALID, "Неизвестное событие: " + root.path("event").asText());
    }
    return ResponseEntity.ok(Map.of("ok", true));
  }

  private boolean signed(String signature, byte[] raw) {
    return HmacSha256.signs(signature, properties.webhookSecret(), raw);
  }

}
