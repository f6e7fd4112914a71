package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * Sends through the Cloud API: {@code POST /{version}/{phone-number-id}/messages} with a text
 * message; the answer's {@code messages[0].id} (the wamid) identifies it in the status webhooks.
 * Outside the 24-hour window after the client's last message free text is refused (error 131047):
 * no retry helps, a template would. Rate limits (130429, HTTP 429) and server errors may be retried.
 * The Cloud API takes no idempotency key, so a retry after a lost answer may send twice.
 */
class CloudApiMessenger implements ClientMessenger {

  static final String PROVIDER = "cloud";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudApiProperties properties;
  private final RestClient http;

  CloudApiMessenger(CloudApiProperties properties) {
    this.properties = properties;
    this.http = ProviderHttp.bearer(properties.baseUrl(), properties.accessToken());
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    Map<String, Object> body;
    if (message.isToGroup()) { // the Groups API: the same call, addressed to the group
      body = Map.of("messaging_product", "whatsapp", "recipient_type", "group", "to", message.groupId(),
          "type", "text", "text", Map.of("body", message.text()));
    } else {
      String phone = PhoneNumbers.e164(message.phone());
      if (phone == null) {
        throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
      }
      body = Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
          "to", phone.substring(1), "type", "text", "text", Map.of("preview_url", false, "body", message.text()));
    }
    try {
      JsonNode answer = http.post().uri("/{version}/{phone}/messages", properties.version(), properties.phoneNumberId())
          .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
      String wamid = answer == null ? "" : answer.path("messages").path(0).path("id").asText("");
      if (wamid.isEmpty()) {
        throw new MessageNotSentException("Cloud API не вернул id сообщения", null, true);
      }
      return new SentMessage(PROVIDER, PROVIDER + ":" + wamid);
    } catch (RestClientResponseException e) {
      JsonNode error = error(e.getResponseBodyAsString());
      int code = error.path("code").asInt(0);
      String text = error.path("message").asText(e.getStatusText());
      boolean retryable = e.getStatusCode().value() == 429 || e.getStatusCode().is5xxServerError() || code == 130429
          || code == 131016;
      String hint = code == 131047 ? " (прошло больше 24 часов с последнего сообщения клиента: нужен шаблон)" : "";
      throw new MessageNotSentException("Cloud API отказал (" + e.getStatusCode().value() + (code == 0 ? "" : ", код " + code)
          + "): " + text + hint, e, retryable);
    } catch (ResourceAccessException e) {
      throw new MessageNotSentException("Cloud API недоступен: " + e.getMessage(), e, true);
    }
  }

  /**
   * The sender number behind the phone number id ({@code GET /{version}/{phone-number-id}} with
   * {@code display_phone_number}, {@code verified_name}, {@code status}): the connection's check and its
   * one channel. A number Meta reports {@code CONNECTED} (or without a status) is active.
   */
  ProviderChannel phoneNumber() {
    JsonNode answer = http.get().uri("/{version}/{phone}?fields=display_phone_number,verified_name,quality_rating,status",
        properties.version(), properties.phoneNumberId()).retrieve().body(JsonNode.class);
    JsonNode number = answer == null ? JSON.createObjectNode() : answer;
    String digits = number.path("display_phone_number").asText("").replaceAll("\\D", "");
    String status = number.path("status").asText("CONNECTED");
    return new ProviderChannel(properties.phoneNumberId(), digits.isEmpty() ? null : "+" + digits,
        "CONNECTED".equalsIgnoreCase(status) ? "active" : status.toLowerCase(java.util.Locale.ROOT),
        number.path("verified_name").asText(null));
  }

  /** Meta's error object of a refusal ({@code {"error": {"code", "message", …}}}), empty when there is none. */
  static JsonNode error(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body).path("error");
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
