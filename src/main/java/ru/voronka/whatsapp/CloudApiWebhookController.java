package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.chat.MessageStatus;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The Cloud API's webhooks ({@code /webhooks/whatsapp-cloud}). {@code GET}: Meta's subscription check
 * — our verify token back, its challenge echoed. {@code POST}: {@code X-Hub-Signature-256} is the
 * HMAC-SHA256 of the raw body with the app secret; it is checked on the bytes as they came, before
 * anything is parsed, in constant time — a wrong one is a 401 and nothing is stored. Meta retries
 * for days and may deliver twice or out of order: messages are stored once by their wamid, and
 * statuses only move forward.
 */
@RestController
class CloudApiWebhookController {

  private final CloudApiProperties properties;
  private final WhatsAppInbox inbox;
  private final DealGroups groups;
  private final ObjectMapper json;

  private final Clock clock;

  CloudApiWebhookController(CloudApiProperties properties, WhatsAppInbox inbox, DealGroups groups, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.groups = groups;
    this.properties = properties;
    this.inbox = inbox;
    this.json = json;
  }

  @GetMapping(path = "/webhooks/whatsapp-cloud", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.verify_token", required = false) String token,
      @RequestParam(name = "hub.challenge", required = false) String challenge) {
    String expected = properties.verifyToken();
    if ("subscribe".equals(mode) && expected != null && !expected.isBlank() && token != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return ResponseEntity.ok(challenge == null ? "" : challenge);
    }
    return ResponseEntity.status(403).body("Неверный verify_token");
  }

  @PostMapping("/webhooks/whatsapp-cloud")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (!signedByMeta(signature, raw)) {
      throw new DomainException(Kind.UNAUTHORIZED, "Подпись X-Hub-Signature-256 не сходится");
    }
    JsonNode root;
    try {
      root = json.readTree(raw);
    } catch (IOException e) {
      throw new DomainException(Kind.INVALID, "Тело вебхука — не JSON");
    }
    if (root == null || !root.path("entry").isArray()) {
      throw new DomainException(Kind.INVALID, "В теле вебхука нет entry");
    }
    List<InboundMessage> messages = new ArrayList<>();
    List<StatusChange> statuses = new ArrayList<>();
    List<GroupAnswer> groupAnswers = new ArrayList<>();
    List<JoinRequest> joinRequests = new ArrayList<>();
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        JsonNode value = change.path("value");
        Map<String, String> names = new HashMap<>();
        value.path("contacts").forEach(c -> names.put(c.path("wa_id").asText(), c.path("profile").path("name").asText(null)));
        for (JsonNode m : value.path("messages")) {
          String from = required(m, "from");
          String type = m.path("type").asText("text");
          String mediaId = m.path(type).path("id").asText("");
          messages.add(new InboundMessage(CloudApiMessenger.PROVIDER + ":" + required(m, "id"), from, names.get(from),
              text(m), Instant.ofEpochSecond(m.path("timestamp").asLong(clock.instant().getEpochSecond())), false,
              mediaId.isBlank() ? List.of() : List.of(InboundMessage.MediaRef.cloud(mediaId, m.path(type).path("filename").asText(null))),
              m.path("group_id").asText(null)));
        }
        String field = change.path("field").asText("");
        for (JsonNode g : value.path("groups")) {
          String type = g.path("type").asText("");
          if ("group_lifecycle_update".equals(field) && "group_create".equals(type)) {
            JsonNode error = g.path("errors").path(0);
            groupAnswers.add(new GroupAnswer(required(g, "request_id"), g.path("group_id").asText(null),
                g.path("invite_link").asText(null), error.isMissingNode() ? null
                    : error.path("code").asText() + " " + error.path("title").asText(error.path("message").asText())));
          } else if ("group_participants_update".equals(field) && "group_join_request_created".equals(type)) {
            joinRequests.add(new JoinRequest(required(g, "group_id"), required(g, "join_request_id"), required(g, "wa_id"),
                names.get(g.path("wa_id").asText())));
          }
        }
        for (JsonNode s : value.path("statuses")) {
          MessageStatus status = switch (s.path("status").asText()) {
            case "sent" -> MessageStatus.SENT;
            case "delivered" -> MessageStatus.DELIVERED;
            case "read" -> MessageStatus.READ;
            case "failed" -> MessageStatus.FAILED;
            default -> null;
          };
          if (status != null) {
            JsonNode error = s.path("errors").path(0);
            statuses.add(new StatusChange(CloudApiMessenger.PROVIDER + ":" + required(s, "id"), status,
                error.isMissingNode() ? null : error.path("code").asText() + " " + error.path("title").asText()));
          }
        }
      }
    }
    inbox.receiveDelivery(messages, statuses);
    joinRequests.forEach(j -> inbox.joinRequested(j.groupId(), j.joinRequestId(), j.waId(), j.name()));
    boolean unknown = false;
    for (GroupAnswer a : groupAnswers) {
      unknown |= !groups.answered(a.requestId(), a.groupId(), a.inviteLink(), a.error());
    }
    if (unknown) { // the job that asked has not committed yet: Meta delivers again, the rest is stored once
      throw new DomainException(Kind.CONFLICT, "Запрос группы ещё не записан — повторите доставку");
    }
    return ResponseEntity.ok(Map.of("ok", true));
  }

  private record GroupAnswer(String requestId, String groupId, String inviteLink, String error) {}

  private record JoinRequest(String groupId, String joinRequestId, String waId, String name) {}

  /** Text, a media caption, or what kind of message it was. */
  private static String text(JsonNode m) {
    String type = m.path("type").asText("text");
    if ("text".equals(type)) {
      return m.path("text").path("body").asText("");
    }
    String caption = m.path(type).path("caption").asText("");
    return caption.isEmpty() ? "[" + type + "]" : caption;
  }

  private boolean signedByMeta(String signature, byte[] raw) {
    return HmacSha256.signs(signature, properties.appSecret(), raw);
  }


  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new DomainException(Kind.INVALID, "В элементе вебхука нет поля «" + field + "»");
    }
    return value;
  }
}
