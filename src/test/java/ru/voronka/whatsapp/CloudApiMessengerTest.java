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

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;
import ru.voronka.messaging.ClientMessenger.MessageTemplate;
import ru.voronka.messaging.ClientMessenger.OutgoingFile;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;
import ru.voronka.messaging.ClientMessenger.TemplateMessage;

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
  @DisplayName("SWA-WINDOW-1")
  void outsideThe24HourWindowNoRetryHelps_aRateLimitMayBeRetried() {
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
             "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed"},
             "fbtrace_id": "AbCdEf"}}""")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("131047")
        .hasMessageStartingWith("прошло более 24 часов с последнего сообщения клиента — отправьте шаблон");

    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"type\": \"OAuthException\", \"code\": 130429}}")));
    assertThatThrownBy(() -> messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "r")))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  static final String SENT = """
      {"messaging_product": "whatsapp", "contacts": [{"input": "79215558822", "wa_id": "79215558822"}],
       "messages": [{"id": "wamid.HBgLNzkyMTU1NTg4MjIVAgARGBIyQUJDRDEy"}]}""";

  @Test
  void aFileIsUploadedThenSentAsADocumentByItsMediaId() {
    graph.stubFor(post("/v21.0/106540352242922/media").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"1037543291543636\"}")));
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SENT)));
    var file = new OutgoingFile("КП 12.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "https://x/y");

    var sent = messenger().send(new OutgoingMessage(3L, "+79215558822", "Текст", "chat-message-5")
        .withFile(file, "chat-message-5-file-9"));

    assertThat(sent.messageId()).isEqualTo("cloud:wamid.HBgLNzkyMTU1NTg4MjIVAgARGBIyQUJDRDEy");
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/media"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withHeader("Content-Type", containing("multipart/form-data"))
        .withRequestBodyPart(new MultipartValuePatternBuilder().withName("messaging_product").withBody(equalTo("whatsapp")).build())
        .withRequestBodyPart(new MultipartValuePatternBuilder().withName("type").withBody(equalTo("application/pdf")).build())
        .withRequestBodyPart(new MultipartValuePatternBuilder().withName("file").withHeader("Content-Type", containing("application/pdf"))
            .withBody(equalTo("%PDF-1.7")).build()));
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")).withRequestBody(equalToJson("""
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "79215558822", "type": "document",
         "document": {"id": "1037543291543636", "filename": "КП 12.pdf"}}""")));
  }

  @Test
  void aPictureGoesAsAnImage() {
    graph.stubFor(post("/v21.0/106540352242922/media").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"2200011\"}")));
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SENT)));

    messenger().send(new OutgoingMessage(3L, "+79215558822", null, "r")
        .withFile(new OutgoingFile("схема.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8}, "https://x/y"), "r-f"));

    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")).withRequestBody(equalToJson("""
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "79215558822", "type": "image",
         "image": {"id": "2200011"}}""")));
  }

  @Test
  @DisplayName("SWA-WINDOW-1")
  void outsideTheWindowFreeTextAndFilesAreRefusedHere_withTheWayOut_aTemplateGoes() {
    OutgoingMessage silent = new OutgoingMessage(3L, "+79215558822", "Добрый день", "r")
        .withClientSilentFor(Duration.ofHours(25));
    assertThatThrownBy(() -> messenger().send(silent))
        .isInstanceOfSatisfying(MessageNotSentException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("прошло более 24 часов с последнего сообщения клиента — отправьте шаблон");
    assertThatThrownBy(() -> messenger().send(silent.withFile(new OutgoingFile("a.pdf", "application/pdf", new byte[] {1}, "u"), "f")))
        .isInstanceOf(MessageNotSentException.class);
    assertThatThrownBy(() -> messenger().send(silent.withClientSilentFor(OutgoingMessage.NEVER_WROTE)))
        .hasMessage("клиент ещё не писал в WhatsApp — первое сообщение отправьте шаблоном");
    graph.verify(0, postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")));

    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SENT)));
    var sent = messenger().send(silent.withTemplate(new TemplateMessage("order_reminder", "ru", List.of("Андрей", "КП №12"))));

    assertThat(sent.messageId()).isEqualTo("cloud:wamid.HBgLNzkyMTU1NTg4MjIVAgARGBIyQUJDRDEy");
    graph.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")).withRequestBody(equalToJson("""
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "79215558822", "type": "template",
         "template": {"name": "order_reminder", "language": {"code": "ru"},
                      "components": [{"type": "body", "parameters": [{"type": "text", "text": "Андрей"},
                                                                     {"type": "text", "text": "КП №12"}]}]}}""")));
  }

  @Test
  void insideTheWindowFreeTextGoes() {
    graph.stubFor(post("/v21.0/106540352242922/messages").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SENT)));
    messenger().send(new OutgoingMessage(3L, "+79215558822", "Да, получили", "r").withClientSilentFor(Duration.ofHours(23)));
    graph.verify(1, postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages")));
  }

  @Test
  void listsTheApprovedTemplatesOfTheBusinessAccount_withTheirParameters() {
    graph.stubFor(get(urlPathEqualTo("/v21.0/102290129340398/message_templates")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
            {"data": [
              {"name": "order_reminder", "language": "ru", "status": "APPROVED", "category": "UTILITY",
               "components": [{"type": "HEADER", "format": "TEXT", "text": "Напоминание"},
                              {"type": "BODY", "text": "Здравствуйте, {{1}}! Напоминаем о {{2}}.",
                               "example": {"body_text": [["Андрей", "КП №12"]]}},
                              {"type": "FOOTER", "text": "Воронка"}],
               "id": "594425479261596"},
              {"name": "hello", "language": "ru", "status": "APPROVED", "category": "MARKETING",
               "components": [{"type": "BODY", "text": "Здравствуйте! Чем можем помочь?"}], "id": "594425479261597"}],
             "paging": {"cursors": {"before": "MAZDZD", "after": "MjQZD"}}}""")));
    CloudApiMessenger messenger = new CloudApiMessenger(
        new CloudApiProperties(graph.baseUrl(), "v21.0", "106540352242922", "token-1", "s", "v", "102290129340398"));

    assertThat(messenger.templates()).containsExactly(
        new MessageTemplate("order_reminder", "ru", "UTILITY", "Здравствуйте, {{1}}! Напоминаем о {{2}}.", 2),
        new MessageTemplate("hello", "ru", "MARKETING", "Здравствуйте! Чем можем помочь?", 0));
    graph.verify(getRequestedFor(urlPathEqualTo("/v21.0/102290129340398/message_templates"))
        .withQueryParam("status", equalTo("APPROVED")).withHeader("Authorization", equalTo("Bearer token-1")));
    assertThat(messenger.templates().get(0).render(List.of("Андрей", "КП №12")))
        .isEqualTo("Здравствуйте, Андрей! Напоминаем о КП №12.");
    assertThat(messenger().templates()).as("no business account configured").isEmpty();
  }
}
