package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * I2CRM. Its API has no public documentation; this is the one place that assumes its shape, to be
 * checked against the contract the company receives with its account:
 * {@code POST /api/v1/messages} with {@code Authorization: Bearer <token>} and
 * {@code {"channel_id", "phone" (digits), "text", "external_id"}}, answered {@code {"id": …}};
 * a file instead of the text as {@code "file_url"} (a link it downloads) and {@code "file_name"};
 * a repeated {@code external_id} answered 409 (the message went out before). Throttling and server
 * errors may be retried, other refusals not — as with the other providers.
 * The connection's check reads {@code GET /api/v1/channels}, assumed to answer
 * {@code [{"id", "phone", "state"}]} (or {@code {"channels": […]}}); a state of {@code active},
 * {@code connected} or {@code online} may send.
 */
class I2crmMessenger implements ClientMessenger {

  static final String PROVIDER = "i2crm";

  private final I2crmProperties properties;
  private final RestClient http;

  I2crmMessenger(I2crmProperties properties) {
    this.properties = properties;
    this.http = ProviderHttp.bearer(properties.baseUrl(), properties.token());
  }

  /** The account's channels ({@code GET /api/v1/channels}, the assumed shape above). */
  java.util.List<ProviderChannel> channels() {
    JsonNode answer = http.get().uri("/api/v1/channels").retrieve().body(JsonNode.class);
    JsonNode list = answer == null ? null : answer.isArray() ? answer : answer.path("channels");
    java.util.List<ProviderChannel> channels = new java.util.ArrayList<>();
    if (list != null) {
      list.forEach(c -> {
        String digits = c.path("phone").asText("").replaceAll("\\D", "");
        String state = c.path("state").asText("active").toLowerCase(java.util.Locale.ROOT);
        channels.add(new ProviderChannel(c.path("id").asText(), digits.isEmpty() ? null : "+" + digits,
            java.util.Set.of("active", "connected", "online").contains(state) ? "active" : state, c.path("name").asText(null)));
      });
    }
    return channels;
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    if (message.isToGroup()) {
      throw new MessageNotSentException("I2CRM не держит групп, созданных Voronka", null, false);
    }
    String phone = PhoneNumbers.e164(message.phone());
    if (phone == null) {
      throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
    }
    try {
      JsonNode answer = http.post().uri("/api/v1/messages").contentType(MediaType.APPLICATION_JSON)
          .body(body(message, phone.substring(1)))
          .retrieve().body(JsonNode.class);
      String id = answer == null ? "" : answer.path("id").asText("");
      return new SentMessage(PROVIDER, PROVIDER + ":" + (id.isEmpty() ? "ext-" + message.reference() : id));
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 409) {
        return new SentMessage(PROVIDER, PROVIDER + ":ext-" + message.reference());
      }
      boolean retryable = e.getStatusCode().value() == 429 || e.getStatusCode().is5xxServerError();
      throw new MessageNotSentException("I2CRM отказал (" + e.getStatusCode().value() + "): " + e.getResponseBodyAsString(), e,
          retryable);
    } catch (ResourceAccessException e) {
      throw new MessageNotSentException("I2CRM недоступен: " + e.getMessage(), e, true);
    }
  }

  private Map<String, Object> body(OutgoingMessage message, String digits) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel_id", properties.channelId());
    body.put("phone", digits);
    if (message.isFile()) {
      body.put("file_url", message.file().url());
      body.put("file_name", message.file().fileName());
    } else {
      body.put("text", message.text());
    }
    body.put("external_id", message.reference());
    return body;
  }
}
