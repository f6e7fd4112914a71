package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * Sends through Wazzup's API v3: {@code POST /v3/message} with the channel, {@code chatType
 * whatsapp}, the number as digits and our reference as {@code crmMessageId}; a text as {@code text},
 * a file as {@code contentUri} — a link Wazzup downloads at once (never both in one message: a file
 * part is a message of its own). Wazzup answers a
 * repeated {@code crmMessageId} with 400 {@code repeatedCrmMessageId}: the message went out before,
 * so a retried send counts as sent. Throttling (429), server errors and network failures may be
 * retried; other refusals may not.
 */
class WazzupMessenger implements ClientMessenger {

  static final String PROVIDER = "wazzup";

  private final WazzupProperties properties;
  private final WhatsAppChannels channels;
  private final RestClient http;

  WazzupMessenger(WazzupProperties properties, WhatsAppChannels channels) {
    this.properties = properties;
    this.channels = channels;
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which some proxies and servers break.
    this.http = ProviderHttp.bearer(properties.baseUrl(), properties.apiKey());
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    if (message.isToGroup()) {
      throw new MessageNotSentException("Wazzup не держит групп, созданных Voronka", null, false);
    }
    String phone = PhoneNumbers.e164(message.phone());
    if (phone == null) {
      throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channelId", channel(message));
    body.put("chatType", "whatsapp");
    body.put("chatId", phone.substring(1)); // Wazzup takes the number as digits: 79161234567
    if (message.isFile()) {
      body.put("contentUri", message.file().url());
    } else {
      body.put("text", message.text());
    }
    body.put("crmMessageId", message.reference());
    try {
      JsonNode answer = http.post().uri("/v3/message").contentType(MediaType.APPLICATION_JSON).body(body)
          .retrieve().body(JsonNode.class);
      String id = answer == null ? null : answer.path("messageId").asText(null);
      return new SentMessage(PROVIDER, PROVIDER + ":" + (id == null ? "crm-" + message.reference() : id));
    } catch (RestClientResponseException e) {
      String error = e.getResponseBodyAsString();
      if (e.getStatusCode().value() == 400 && error.contains("repeatedCrmMessageId")) {
        return new SentMessage(PROVIDER, PROVIDER + ":crm-" + message.reference());
      }
      throw new MessageNotSentException("Wazzup отказал (" + e.getStatusCode().value() + "): " + describe(error), e,
          retryable(e.getStatusCode()));
    } catch (ResourceAccessException e) {
      throw new MessageNotSentException("Wazzup недоступен: " + e.getMessage(), e, true);
    }
  }

  /**
   * The channel to send through: the one the message names when it may send (WA-11: the action's or
   * the client's last channel); else the first active one Wazzup reported and an administrator left on;
   * before any were reported, the configured one. None active: the send waits (a retry may find one).
   */
  private String channel(OutgoingMessage message) {
    if (message.channel() != null && channels.sends(PROVIDER, message.channel())) {
      return message.channel();
    }
    return channels.sendingChannel(PROVIDER, properties.channelId()).orElseThrow(() ->
        new MessageNotSentException("Нет активного канала Wazzup: проверьте каналы в настройках WhatsApp", null, true));
  }

  /** {@code GET /v3/channels}: every channel with its transport, number ({@code plainId}) and state. */
  List<ReportedChannel> channels() {
    JsonNode answer = http.get().uri("/v3/channels").retrieve().body(JsonNode.class);
    List<ReportedChannel> reported = new ArrayList<>();
    if (answer != null) {
      answer.forEach(c -> {
        if ("whatsapp".equals(c.path("transport").asText("whatsapp"))) {
          reported.add(new ReportedChannel(c.path("channelId").asText(), "+" + c.path("plainId").asText().replaceAll("\\D", ""),
              c.path("state").asText("unknown")));
        }
      });
    }
    return reported;
  }

  record ReportedChannel(String channelId, String phone, String state) {}

  private static boolean retryable(HttpStatusCode status) {
    return status.value() == 429 || status.is5xxServerError();
  }

  private static String describe(String error) {
    return error == null || error.isBlank() ? "без пояснений" : error.length() > 300 ? error.substring(0, 300) : error;
  }
}
