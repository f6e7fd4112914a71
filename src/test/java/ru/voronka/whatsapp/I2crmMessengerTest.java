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

/** The I2CRM adapter against a stub of the shape assumed in {@link I2crmMessenger} (no public docs exist). */
class I2crmMessengerTest {

  @RegisterExtension
  static WireMockExtension i2crm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  I2crmMessenger messenger() {
    return new I2crmMessenger(new I2crmProperties(i2crm.baseUrl(), "token-1", "ch-7", "secret"));
  }

  @Test
  void sendsWithOurReference_aRepeatCountsAsSent_aRefusalIsFinal() {
    i2crm.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"i2-100\"}")));
    assertThat(messenger().send(new OutgoingMessage(1L, "8 921 555 88 22", "Здравствуйте", "chat-message-3")).messageId())
        .isEqualTo("i2crm:i2-100");
    i2crm.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("Authorization", equalTo("Bearer token-1"))
        .withRequestBody(equalToJson("""
            {"channel_id": "ch-7", "phone": "79215558822", "text": "Здравствуйте", "external_id": "chat-message-3"}""")));

    i2crm.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(409).withBody("{\"error\":\"duplicate external_id\"}")));
    assertThat(messenger().send(new OutgoingMessage(1L, "+79215558822", "Повтор", "chat-message-3")).messageId())
        .isEqualTo("i2crm:ext-chat-message-3");

    i2crm.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"phone is not on WhatsApp\"}")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(1L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("not on WhatsApp");

    i2crm.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(1L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aFileGoesByItsLinkAndName_underItsOwnReference() {
    i2crm.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"i2-101\"}")));
    var file = new ru.voronka.messaging.ClientMessenger.OutgoingFile("КП.pdf", "application/pdf", new byte[] {1},
        "https://crm.example.ru/public/chat-files/8?e=1765000000&t=abc");

    assertThat(messenger().send(new OutgoingMessage(1L, "+79215558822", "Текст", "chat-message-4")
        .withFile(file, "chat-message-4-file-8")).messageId()).isEqualTo("i2crm:i2-101");
    i2crm.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withRequestBody(equalToJson("""
        {"channel_id": "ch-7", "phone": "79215558822", "file_url": "https://crm.example.ru/public/chat-files/8?e=1765000000&t=abc",
         "file_name": "КП.pdf", "external_id": "chat-message-4-file-8"}""")));
  }
}
