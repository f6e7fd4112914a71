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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.messaging.ClientMessenger.SentMessage;

/** The Wazzup adapter against a stub answering like Wazzup's API v3 ({@code POST /v3/message}). */
class WazzupMessengerTest {

  @RegisterExtension
  static WireMockExtension wazzup = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String CHANNEL = "7b3e5f9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  WhatsAppChannels channels = mock(WhatsAppChannels.class);

  @org.junit.jupiter.api.BeforeEach
  void noChannelsReportedYet() { // the configured channel sends
    when(channels.sendingChannel("wazzup", CHANNEL)).thenReturn(Optional.of(CHANNEL));
  }

  WazzupMessenger messenger() {
    return new WazzupMessenger(new WazzupProperties(wazzup.baseUrl(), "api-key-1", "crm-key-1", CHANNEL), channels);
  }

  @Test
  void readsTheChannelsAndSendsOnlyThroughAnActiveOne() {
    wazzup.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v3/channels").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            [{"channelId": "c-1", "transport": "whatsapp", "plainId": "74956498447", "state": "active"},
             {"channelId": "c-2", "transport": "telegram", "plainId": "voronka_bot", "state": "active"},
             {"channelId": "c-3", "transport": "whatsapp", "plainId": "74956498448", "state": "phoneUnavailable"}]""")));
    assertThat(messenger().channels()).containsExactly(
        new WazzupMessenger.ReportedChannel("c-1", "+74956498447", "active"),
        new WazzupMessenger.ReportedChannel("c-3", "+74956498448", "phoneUnavailable"));

    // Wazzup reported c-3 only, not active: nothing may send.
    when(channels.sendingChannel("wazzup", CHANNEL)).thenReturn(Optional.empty());
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r9")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("Нет активного канала");
  }

  @Test
  void sendsTheTextToTheNumberAsDigitsWithOurReference() {
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"f8a3c2d1-0b4e-4f6a-9c7d-2e1f0a9b8c7d\",\"chatId\":\"79215558822\"}")));

    SentMessage sent = messenger().send(new OutgoingMessage(3L, "+7 (921) 555-88-22", "Добрый день! Счёт во вложении.", "chat-message-17"));

    assertThat(sent).isEqualTo(new SentMessage("wazzup", "wazzup:f8a3c2d1-0b4e-4f6a-9c7d-2e1f0a9b8c7d"));
    wazzup.verify(postRequestedFor(urlEqualTo("/v3/message"))
        .withHeader("Authorization", equalTo("Bearer api-key-1"))
        .withRequestBody(equalToJson("""
            {"channelId": "%s", "chatType": "whatsapp", "chatId": "79215558822",
             "text": "Добрый день! Счёт во вложении.", "crmMessageId": "chat-message-17"}""".formatted(CHANNEL))));
  }

  @Test
  void aRepeatedReferenceMeansTheMessageWentOutBefore() {
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"repeatedCrmMessageId\",\"description\":\"A message with this crmMessageId already exists\"}")));

    assertThat(messenger().send(new OutgoingMessage(3L, "89215558822", "Повтор", "chat-message-18")).messageId())
        .isEqualTo("wazzup:crm-chat-message-18");
  }

  @Test
  void throttlingAndServerErrorsMayBeRetried_refusalsMayNot() {
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(429)
        .withBody("{\"error\":\"tooManyRequests\",\"description\":\"Too many requests\"}")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r1")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("429");

    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"channelNotFound\",\"description\":\"Channel not found\",\"data\":{}}")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r2")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("channelNotFound");

    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "не номер", "Текст", "r3")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void anUnreachableWazzupMayBeRetried() {
    WazzupMessenger down = new WazzupMessenger(new WazzupProperties("http://127.0.0.1:1", "k", "c", CHANNEL), channels);
    assertThatThrownBy(() -> down.send(new OutgoingMessage(3L, "+79215558822", "Текст", "r4")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("недоступен");
  }

  @Test
  void aFileGoesAsAMessageOfItsOwnWithTheLinkWazzupDownloads_neverWithText() {
    wazzup.stubFor(post("/v3/message").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"0c2b7e1a-4d5f-4a6b-8c9d-1e2f3a4b5c6d\",\"chatId\":\"79215558822\"}")));
    OutgoingMessage text = new OutgoingMessage(3L, "+79215558822", "Счёт во вложении", "chat-message-20");
    var file = new ru.voronka.messaging.ClientMessenger.OutgoingFile("Счёт 20.pdf", "application/pdf", new byte[] {1, 2},
        "https://crm.example.ru/public/chat-files/7?e=1765000000&t=abc");

    SentMessage sent = messenger().send(text.withFile(file, "chat-message-20-file-7"));

    assertThat(sent.messageId()).isEqualTo("wazzup:0c2b7e1a-4d5f-4a6b-8c9d-1e2f3a4b5c6d");
    wazzup.verify(postRequestedFor(urlEqualTo("/v3/message"))
        .withRequestBody(equalToJson("""
            {"channelId": "%s", "chatType": "whatsapp", "chatId": "79215558822",
             "contentUri": "https://crm.example.ru/public/chat-files/7?e=1765000000&t=abc",
             "crmMessageId": "chat-message-20-file-7"}""".formatted(CHANNEL))));
  }
}
