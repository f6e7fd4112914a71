package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** The Cloud API adapter («Default») against a stub shaped like Meta's Graph API answers. */
class CloudApiMessengerTest {

  @RegisterExtension
  static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  CloudApiMessenger messenger() {
    return new CloudApiMessenger(new CloudApiProperties(graph.baseUrl(), "v21.0", "106540352242922", "token-1", "s", "v"));
  }

  @Test
  void sendsATextMessageAndKeepsTheWamid() {
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"messaging_product": "whatsapp", "contacts": [{"input": "79215558822", "wa_id": "79215558822"}],
             "messages": [{"id": "wamid.HBgLNzkyMTU1NTg4MjIVAgARGBI1RjQ0QjQ2"}]}""")));

    var sent = messenger().send(new OutgoingMessage(3L, "8 (921) 555-88-22", "Счёт во вложении", "chat-message-5"));

    assertThat(sent.messageId()).isEqualTo("cloud:wamid.HBgLNzkyMTU1NTg4MjIVAgARGBI1RjQ0QjQ2");
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withRequestBody(equalToJson("""
            {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "79215558822", "type": "text",
             "text": {"preview_url": false, "body": "Счёт во вложении"}}""")));
  }

  @Test
  void outsideThe24HourWindowNoRetryHelps_aRateLimitMayBeRetried() {
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
             "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed"},
             "fbtrace_id": "AbCdEf"}}""")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("131047").hasMessageContaining("24 часов");

    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"type\": \"OAuthException\", \"code\": 130429}}")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue());
  }
}
