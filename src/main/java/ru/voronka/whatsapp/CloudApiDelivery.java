package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.voronka.chat.MessageStatus;

/**
 * One signed POST of the Cloud API, read as Meta's webhook reference describes it
 * ({@code entry[].changes[]} with {@code field} and {@code value}). Whatever it carries that Voronka
 * does not use — another {@code field}, a message type added later, a field nobody asked for — is
 * logged and left, never a reason to refuse the delivery: Meta would retry it for days, then drop it.
 *
 * <p>A user with a WhatsApp username may come without a number (2026): {@code from} and
 * {@code contacts[].wa_id} are left out, {@code from_user_id} and {@code contacts[].user_id} carry
 * their business-scoped id (BSUID), {@code contacts[].profile} their name and username.
 */
record CloudApiDelivery(List<InboundMessage> messages, List<StatusChange> statuses, List<GroupAnswer> groupAnswers,
    List<JoinRequest> joinRequests) {

  private static final Logger log = LoggerFactory.getLogger(CloudApiDelivery.class);

  /** {@code group_lifecycle_update}/{@code group_create}: the group a job of ours asked for, or its failure. */
  record GroupAnswer(String requestId, String groupId, String inviteLink, String error) {}

  /** {@code group_participants_update}/{@code group_join_request_created}: someone asks to join by the invite link. */
  record JoinRequest(String groupId, String joinRequestId, String waId, String userId, String name) {}

  private record Sender(String phone, String userId, String name) {}

  static CloudApiDelivery of(JsonNode root, Clock clock) {
    CloudApiDelivery delivery = new CloudApiDelivery(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        delivery.read(change.path("field").asText(""), change.path("value"), clock);
      }
    }
    return delivery;
  }

  private void read(String field, JsonNode value, Clock clock) {
    Map<String, Sender> senders = senders(value.path("contacts"));
    for (JsonNode m : value.path("messages")) {
      String id = m.path("id").asText("");
      if (id.isBlank()) {
        log.warn("A Cloud API message without an id is left: {}", m);
        continue;
      }
      Sender sender = sender(senders, m.path("from").asText(""), m.path("from_user_id").asText(""));
      String type = m.path("type").asText("text");
      String mediaId = m.path(type).path("id").asText("");
      messages.add(new InboundMessage(CloudApiMessenger.PROVIDER + ":" + id, sender.phone(), sender.name(), text(m),
          WebhookTime.of(m.path("timestamp"), clock), false,
          mediaId.isBlank() || !MEDIA.contains(type) ? List.of()
              : List.of(InboundMessage.MediaRef.cloud(mediaId, m.path(type).path("filename").asText(null))),
          m.path("group_id").asText(null), sender.userId()).withChannel(value.path("metadata").path("phone_number_id").asText(null)));
    }
    for (JsonNode g : value.path("groups")) {
      String type = g.path("type").asText("");
      if ("group_lifecycle_update".equals(field) && "group_create".equals(type) && !g.path("request_id").asText("").isBlank()) {
        JsonNode error = g.path("errors").path(0);
        groupAnswers.add(new GroupAnswer(g.path("request_id").asText(), g.path("group_id").asText(null),
            g.path("invite_link").asText(null), error.isMissingNode() ? null
                : error.path("code").asText() + " " + error.path("title").asText(error.path("message").asText())));
      } else if ("group_participants_update".equals(field) && "group_join_request_created".equals(type)) {
        Sender sender = sender(senders, g.path("wa_id").asText(""), g.path("user_id").asText(""));
        joinRequests.add(new JoinRequest(g.path("group_id").asText(""), g.path("join_request_id").asText(""),
            sender.phone(), sender.userId(), sender.name()));
      } else {
        log.info("Cloud API {} / {} for group {}: not used by Voronka, answered and left", field, type, g.path("group_id").asText());
      }
    }
    for (JsonNode s : value.path("statuses")) {
      MessageStatus status = switch (s.path("status").asText()) {
        case "sent" -> MessageStatus.SENT;
        case "delivered" -> MessageStatus.DELIVERED;
        case "read" -> MessageStatus.READ;
        case "failed" -> MessageStatus.FAILED;
        default -> null; // «deleted», «warning» … : nothing Voronka shows
      };
      if (status != null && !s.path("id").asText("").isBlank()) {
        JsonNode error = s.path("errors").path(0);
        // Meta often takes a message outside the 24-hour window and fails it here, later: said as the send would say it.
        String reason = error.isMissingNode() ? null : error.path("code").asInt() == 131047
            ? ru.voronka.messaging.ClientMessenger.WINDOW_CLOSED + " (Cloud API, код 131047)"
            : error.path("code").asText() + " " + error.path("title").asText();
        statuses.add(new StatusChange(CloudApiMessenger.PROVIDER + ":" + s.path("id").asText(), status, reason));
      }
    }
    if (!value.has("messages") && !value.has("statuses") && !value.has("groups")) {
      log.info("Cloud API webhook field «{}»: not used by Voronka, answered and left", field);
    }
  }

  /** {@code contacts[]}, found by number ({@code wa_id}) or by business-scoped id ({@code user_id}). */
  private static Map<String, Sender> senders(JsonNode contacts) {
    Map<String, Sender> byId = new HashMap<>();
    for (JsonNode c : contacts) {
      String phone = c.path("wa_id").asText("");
      String userId = c.path("user_id").asText("");
      String name = c.path("profile").path("name").asText("");
      String username = c.path("profile").path("username").asText("");
      Sender sender = new Sender(phone, userId, !name.isBlank() ? name : username.isBlank() ? null
          : username.startsWith("@") ? username : "@" + username);
      if (!phone.isBlank()) {
        byId.put(phone, sender);
      }
      if (!userId.isBlank()) {
        byId.put(userId, sender);
      }
    }
    return byId;
  }

  private static Sender sender(Map<String, Sender> senders, String phone, String userId) {
    Sender known = senders.getOrDefault(phone, senders.get(userId));
    return new Sender(!phone.isBlank() ? phone : known == null ? null : known.phone(),
        !userId.isBlank() ? userId : known == null ? null : known.userId(), known == null ? null : known.name());
  }

  private static final List<String> MEDIA = List.of("image", "video", "audio", "document", "sticker");

  /** What the client wrote, chose or sent, in words: Meta's message types, each read its own way. */
  static String text(JsonNode m) {
    String type = m.path("type").asText("text");
    JsonNode body = m.path(type);
    String text = switch (type) {
      case "text" -> body.path("body").asText("");
      case "image", "video", "audio", "document", "sticker" -> {
        String caption = body.path("caption").asText("");
        yield caption.isBlank() ? MessageTexts.media(type, body.path("filename").asText(null), body.path("voice").asBoolean(false))
            : caption;
      }
      case "button" -> body.path("text").asText(body.path("payload").asText(""));
      case "interactive" -> interactive(body);
      case "reaction" -> MessageTexts.reaction(body.path("emoji").asText(""));
      case "location" -> MessageTexts.location(body.path("name").asText(null), body.path("address").asText(null),
          body.path("latitude").asText(null), body.path("longitude").asText(null));
      case "contacts" -> StreamSupport.stream(body.spliterator(), false).map(CloudApiDelivery::contact)
          .collect(Collectors.joining("\n"));
      case "order" -> order(body);
      case "system" -> "Системное сообщение WhatsApp: " + body.path("body").asText(body.path("type").asText(""));
      case "request_welcome" -> "Клиент впервые открыл чат с компанией";
      default -> MessageTexts.unknown(type, m.path("errors").path(0).path("error_data").path("details")
          .asText(m.path("errors").path(0).path("title").asText(null)));
    };
    JsonNode referral = m.path("referral");
    if (!referral.isMissingNode()) { // a click-to-WhatsApp ad: where the client came from
      text += "\n(по рекламе: " + referral.path("headline").asText(referral.path("source_type").asText("")) + " "
          + referral.path("source_url").asText("") + ")";
    }
    return text.isBlank() ? MessageTexts.unknown(type, null) : text;
  }

  private static String interactive(JsonNode interactive) {
    JsonNode reply = interactive.path(interactive.path("type").asText(""));
    return switch (interactive.path("type").asText("")) {
      case "button_reply" -> reply.path("title").asText("");
      case "list_reply" -> reply.path("title").asText("")
          + (reply.path("description").asText("").isBlank() ? "" : " — " + reply.path("description").asText());
      case "nfm_reply" -> "Ответ на форму: " + reply.path("body").asText(reply.path("response_json").asText(""));
      case "call_permission_reply" -> "Разрешение на звонок: "
          + ("accept".equals(reply.path("response").asText()) ? "клиент разрешил" : "клиент не разрешил");
      default -> reply.path("title").asText(MessageTexts.unknown("interactive/" + interactive.path("type").asText(""), null));
    };
  }

  private static String contact(JsonNode c) {
    JsonNode name = c.path("name");
    String full = name.path("formatted_name").asText((name.path("first_name").asText("") + " " + name.path("last_name").asText("")).strip());
    List<String> phones = new ArrayList<>();
    c.path("phones").forEach(p -> phones.add(p.path("phone").asText(p.path("wa_id").asText(""))));
    return MessageTexts.contact(full, phones, c.path("org").path("company").asText(null));
  }

  private static String order(JsonNode order) {
    String items = StreamSupport.stream(order.path("product_items").spliterator(), false)
        .map(i -> i.path("product_retailer_id").asText() + " × " + i.path("quantity").asText() + " ("
            + i.path("item_price").asText() + " " + i.path("currency").asText() + ")")
        .collect(Collectors.joining("; "));
    String note = order.path("text").asText("");
    return "Заказ из каталога: " + items + (note.isBlank() ? "" : "\n" + note);
  }
}
