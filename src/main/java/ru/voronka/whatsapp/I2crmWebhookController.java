package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
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
 * stored once, another event is answered 200 and left.
 */
@RestController
class I2crmWebhookController {

  private static final Logger log = LoggerFactory.getLogger(I2crmWebhookController.class);

  private final WhatsAppServices services;
  private final WhatsAppInbox inbox;
  private final InboxDeliveries deliveries;
  private final WebhookBodies bodies;
  private final Clock clock;

  I2crmWebhookController(WhatsAppServices services, WhatsAppInbox inbox, InboxDeliveries deliveries, WebhookBodies bodies,
      Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.services = services;
    this.inbox = inbox;
    this.bodies = bodies;
  }

  @PostMapping("/webhooks/i2crm")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "X-I2CRM-Signature", required = false) String signature,
      HttpServletRequest request) {
    byte[] raw = bodies.read(request);
    if (services.credentialValues(WhatsAppServices.I2CRM, "webhookSecret").stream()
        .noneMatch(secret -> HmacSha256.signs(signature, secret, raw))) {
      throw new DomainException(Kind.UNAUTHORIZED, "Подпись X-I2CRM-Signature не сходится");
    }
    JsonNode root = bodies.object(raw);
    JsonNode message = root.path("message");
    String event = root.path("event").asText("");
    if (!event.equals("message.incoming") && !event.equals("message.status")) {
      log.info("I2CRM webhook «{}»: not used by Voronka, answered and left", event);
      return ResponseEntity.ok(Map.of("ok", true));
    }
    String id = message.path("id").asText("");
    if (id.isBlank()) {
      throw new DomainException(Kind.INVALID, "В вебхуке нет message.id");
    }
    if (event.equals("message.incoming")) {
      deliveries.store(List.of(new InboundMessage(I2crmMessenger.PROVIDER + ":" + id, message.path("phone").asText(null),
          message.path("name").asText(null), message.path("text").asText(null), WebhookTime.of(message.path("timestamp"), clock),
          false).withChannel(message.path("channel_id").asText(null))), List.of());
    } else {
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
    return ResponseEntity.ok(Map.of("ok", true));
  }
}
