package ru.voronka.whatsapp;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Wazzup's webhooks ({@code POST /webhooks/wazzup}, subscribed with {@code PATCH /v3/webhooks}).
 * Wazzup signs nothing: it sends {@code Authorization: Bearer <crmKey>}, checked here in constant
 * time — a wrong key is refused with 401 and nothing is stored. Every kind Wazzup sends is answered
 * 200 ({@link WazzupDelivery}); a message or status without its id is a 400 that stores nothing of
 * the delivery, and a redelivery stores nothing twice. A channel's new state is taken at once.
 */
@RestController
class WazzupWebhookController {

  private final WhatsAppServices services;
  private final InboxDeliveries deliveries;
  private final WhatsAppChannels channels;
  private final WebhookBodies bodies;
  private final Clock clock;

  WazzupWebhookController(WhatsAppServices services, InboxDeliveries deliveries, WhatsAppChannels channels, WebhookBodies bodies,
      Clock clock) {
    this.clock = clock;
    this.services = services;
    this.deliveries = deliveries;
    this.channels = channels;
    this.bodies = bodies;
  }

  @PostMapping("/webhooks/wazzup")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
      HttpServletRequest request) {
    byte[] raw = bodies.read(request);
    if (!authorized(authorization)) {
      throw new DomainException(Kind.UNAUTHORIZED, "Неверный или отсутствующий ключ вебхука Wazzup (Authorization: Bearer)");
    }
    WazzupDelivery delivery = WazzupDelivery.of(bodies.object(raw), clock);
    if (!delivery.messages().isEmpty() || !delivery.statuses().isEmpty()) {
      deliveries.store(delivery.messages(), delivery.statuses());
    }
    delivery.channels().forEach(c -> channels.reported(WazzupMessenger.PROVIDER, c.channelId(), c.phone(), c.state()));
    return ResponseEntity.ok(Map.of("ok", true));
  }

  /** The environment's crmKey or the one of the Wazzup account connected on the services page; none: nobody may post. */
  private boolean authorized(String authorization) {
    byte[] given = (authorization == null ? "" : authorization).getBytes(StandardCharsets.UTF_8);
    return services.credentialValues(WhatsAppServices.WAZZUP, "crmKey").stream()
        .anyMatch(key -> MessageDigest.isEqual(("Bearer " + key).getBytes(StandardCharsets.UTF_8), given));
  }
}
