package ru.voronka.whatsapp;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The Cloud API's webhooks ({@code /webhooks/whatsapp-cloud}). {@code GET}: Meta's subscription check
 * — our verify token back, its challenge echoed. {@code POST}: {@code X-Hub-Signature-256} is the
 * HMAC-SHA256 of the raw body with the app secret; it is checked on the bytes as they came, before
 * anything is parsed, in constant time — a wrong one is a 401 and nothing is stored. Every signed
 * delivery is answered 200, whatever it carries ({@link CloudApiDelivery}): Meta retries for days, then
 * drops. It may deliver twice or out of order: messages are stored once by their wamid, statuses only
 * move forward, a group answer is kept until the request it answers is known.
 */
@RestController
class CloudApiWebhookController {

  private final WhatsAppServices services;
  private final WhatsAppInbox inbox;
  private final InboxDeliveries deliveries;
  private final DealGroups groups;
  private final WebhookBodies bodies;
  private final Clock clock;

  CloudApiWebhookController(WhatsAppServices services, WhatsAppInbox inbox, InboxDeliveries deliveries, DealGroups groups,
      WebhookBodies bodies, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.groups = groups;
    this.services = services;
    this.inbox = inbox;
    this.bodies = bodies;
  }

  @GetMapping(path = "/webhooks/whatsapp-cloud", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.verify_token", required = false) String token,
      @RequestParam(name = "hub.challenge", required = false) String challenge) {
    if ("subscribe".equals(mode) && token != null && services.credentialValues(WhatsAppServices.CLOUD, "verifyToken").stream()
        .anyMatch(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))) {
      return ResponseEntity.ok(challenge == null ? "" : challenge);
    }
    return ResponseEntity.status(403).body("Неверный verify_token");
  }

  @PostMapping("/webhooks/whatsapp-cloud")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
      HttpServletRequest request) {
    byte[] raw = bodies.read(request);
    if (!signedByMeta(signature, raw)) {
      throw new DomainException(Kind.UNAUTHORIZED, "Подпись X-Hub-Signature-256 не сходится");
    }
    CloudApiDelivery delivery = CloudApiDelivery.of(bodies.object(raw), clock);
    deliveries.store(delivery.messages(), delivery.statuses());
    delivery.joinRequests().forEach(j -> inbox.joinRequested(j.groupId(), j.joinRequestId(), j.waId(), j.userId(), j.name()));
    for (CloudApiDelivery.GroupAnswer a : delivery.groupAnswers()) {
      groups.answered(a.requestId(), a.groupId(), a.inviteLink(), a.error());
      groups.takeKeptAnswer(a.requestId()); // kept above while its job was committing? it may be waiting now
    }
    return ResponseEntity.ok(Map.of("ok", true));
  }

  private boolean signedByMeta(String signature, byte[] raw) {
    return services.credentialValues(WhatsAppServices.CLOUD, "appSecret").stream()
        .anyMatch(secret -> HmacSha256.signs(signature, secret, raw));
  }
}
