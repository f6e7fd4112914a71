package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.messaging.ClientMessenger;

/**
 * Sends through Wazzup's API v3: {@code POST /v3/message} with the channel, {@code chatType
 * whatsapp}, the number as digits and our reference as {@code crmMessageId}. Wazzup answers a
 * repeated {@code crmMessageId} with 400 {@code repeatedCrmMessageId}: the message went out before,
 * so a retried send counts as sent. Throttling (429), server errors and network failures may be
 * retried; other refusals may not.
 */
class WazzupMessenger implements ClientMessenger {

  static final String PROVIDER = "wazzup";

  private final WazzupProperties properties;
  private final RestClient http;

  WazzupMessenger(WazzupProperties properties) {
    this.properties = properties;
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade, which some proxies and servers break.
    var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build());
    factory.setReadTimeout(Duration.ofSeconds(15));
    this.http = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(factory)
        .defaultHeader("Authorization", "Bearer " + properties.apiKey()).build();
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    String phone = PhoneNumbers.e164(message.phone());
    if (phone == null) {
      throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channelId", properties.channelId());
    body.put("chatType", "whatsapp");
    body.put("chatId", phone.substring(1)); // Wazzup takes the number as digits: 79161234567
    body.put("text", message.text());
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

  private static boolean retryable(HttpStatusCode status) {
    return status.value() == 429 || status.is5xxServerError();
  }

  private static String describe(String error) {
    return error == null || error.isBlank() ? "без пояснений" : error.length() > 300 ? error.substring(0, 300) : error;
  }
}
