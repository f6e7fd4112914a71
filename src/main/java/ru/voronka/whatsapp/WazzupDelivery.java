package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.voronka.chat.MessageStatus;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * One webhook of Wazzup's API v3 («Webhooks» in Wazzup's documentation), read whole before anything is
 * stored. Its kinds: {@code messages} and {@code statuses} (together or apart), {@code channelsUpdates}
 * (a channel's state changed), {@code createContact}/{@code createDeal} (Wazzup offers a new chat to
 * the CRM), {@code templateStatus} (a WABA template's moderation), {@code {"test": true}}. Voronka uses
 * the first three; the others — and any kind Wazzup adds — are logged and answered 200, never refused.
 */
record WazzupDelivery(List<InboundMessage> messages, List<StatusChange> statuses, List<ChannelState> channels) {

  private static final Logger log = LoggerFactory.getLogger(WazzupDelivery.class);

  private static final Set<String> USED = Set.of("messages", "statuses", "channelsUpdates", "test");

  /** A channel's state as {@code channelsUpdates} reports it ({@code plainId} is its number, when given). */
  record ChannelState(String channelId, String phone, String state) {}

  static WazzupDelivery of(JsonNode root, Clock clock) {
    WazzupDelivery delivery = new WazzupDelivery(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (JsonNode m : root.path("messages")) {
      if (m.path("isEcho").asBoolean(false) || !"whatsapp".equals(m.path("chatType").asText("whatsapp"))) {
        continue; // our own messages echoed back; group chats arrive with the deal groups
      }
      String type = m.path("type").asText("text");
      String contentUri = m.path("contentUri").asText("");
      delivery.messages.add(new InboundMessage(WazzupMessenger.PROVIDER + ":" + required(m, "messageId"), required(m, "chatId"),
          m.path("contact").path("name").asText(null), text(type, m), WebhookTime.of(m.path("dateTime"), clock),
          "missing_call".equals(type),
          contentUri.isBlank() ? List.of() : List.of(InboundMessage.MediaRef.url(WazzupMessenger.PROVIDER, contentUri)))
          .withChannel(m.path("channelId").asText(null)));
    }
    for (JsonNode s : root.path("statuses")) {
      MessageStatus status = switch (s.path("status").asText("")) {
        case "sent" -> MessageStatus.SENT;
        case "delivered" -> MessageStatus.DELIVERED;
        case "read" -> MessageStatus.READ;
        case "error" -> MessageStatus.FAILED;
        default -> null; // a status Voronka does not track (Wazzup adds some now and then): not an error
      };
      if (status != null) {
        delivery.statuses.add(new StatusChange(WazzupMessenger.PROVIDER + ":" + required(s, "messageId"), status,
            s.path("error").path("description").asText(s.path("error").asText(null))));
      }
    }
    for (JsonNode c : root.path("channelsUpdates")) {
      if (!c.path("channelId").asText("").isBlank() && !c.path("state").asText("").isBlank()
          && "whatsapp".equals(c.path("transport").asText("whatsapp"))) {
        String plainId = c.path("plainId").asText("").replaceAll("\\D", "");
        delivery.channels.add(new ChannelState(c.path("channelId").asText(), plainId.isEmpty() ? null : "+" + plainId,
            c.path("state").asText()));
      }
    }
    for (Iterator<String> kinds = root.fieldNames(); kinds.hasNext(); ) {
      String kind = kinds.next();
      if (!USED.contains(kind)) {
        log.info("Wazzup webhook «{}»: not used by Voronka, answered and left", kind);
      }
    }
    return delivery;
  }

  /** What the client sent, in words: Wazzup's message types («text», «image», «vcard», «geo» …). */
  static String text(String type, JsonNode m) {
    String text = m.path("text").asText("").strip();
    return switch (type) {
      case "text", "wapi_template" -> text;
      case "image", "video", "audio", "document" -> text.isEmpty() ? MessageTexts.media(type, null, false) : text;
      case "vcard" -> text.contains("BEGIN:VCARD") ? MessageTexts.vcard(text) : "Контакт" + (text.isEmpty() ? "" : ": " + text);
      case "geo" -> geo(text);
      case "missing_call" -> null;
      default -> text.isEmpty() ? MessageTexts.unknown(type, null) : text;
    };
  }

  /** A shared place: its coordinates «55.75, 37.61» become a map link; anything else is kept as written. */
  private static String geo(String text) {
    var coordinates = java.util.regex.Pattern.compile("(-?\\d{1,3}\\.\\d+)\\s*[,;]\\s*(-?\\d{1,3}\\.\\d+)").matcher(text);
    if (coordinates.find()) {
      String rest = (text.substring(0, coordinates.start()) + text.substring(coordinates.end())).strip();
      return MessageTexts.location(rest, null, coordinates.group(1), coordinates.group(2));
    }
    return "Местоположение" + (text.isEmpty() ? "" : ": " + text);
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new DomainException(Kind.INVALID, "В элементе вебхука нет поля «" + field + "»");
    }
    return value;
  }
}
