package ru.voronka.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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
 * a repeated {@code external_id} answered 409 (the message went out before). Throttling and server
 * errors may be retried, other refusals not — as with the other providers.
 */
class I2crmMessenger implements ClientMessenger {

  static final String PROVIDER = "i2crm";

  private final I2crmProperties properties;
  private final RestClient http;

  I2crmMessenger(I2crmProperties properties) {
    this.properties = properties;
    var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build());
    factory.setReadTimeout(Duration.ofSeconds(15));
    this.http = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(factory)
        .defaultHeader("Authorization", "Bearer " + properties.token()).build();
  }

  @Override
  public SentMessage send(OutgoingMessage message) {
    String phone = PhoneNumbers.e164(message.phone());
    if (phone == null) {
      throw new MessageNotSentException("Номер «" + message.phone() + "» не похож на телефон", null, false);
    }
    try {
      JsonNode answer = http.post().uri("/api/v1/messages").contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("channel_id", properties.channelId(), "phone", phone.substring(1), "text", message.text(),
              "external_id", message.reference()))
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
}
