package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.voronka.support.TestClock;

/**
 * The Cloud API's webhook payloads as Meta's webhook reference shows them («messages» of each type,
 * usernames with business-scoped user ids, group lifecycle updates): every one is read, none refused,
 * and what the client chose or shared reads as words in the chat.
 */
class CloudApiDeliveryTest {

  static CloudApiDelivery read(String value) throws Exception {
    return read("messages", value);
  }

  static CloudApiDelivery read(String field, String value) throws Exception {
    return CloudApiDelivery.of(new ObjectMapper().readTree("""
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "%s",
          "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"}, %s}}]}]}"""
        .formatted(field, value)), TestClock.INSTANCE);
  }

  static String message(String type, String content) {
    return """
        "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}],
        "messages": [{"context": {"from": "15550783881", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"},
          "from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
          "timestamp": "1739321024", "type": "%s", %s}]""".formatted(type, content);
  }

  static String textOf(String type, String content) throws Exception {
    return read(message(type, content)).messages().get(0).text();
  }

  @Test
  void aUsernameUserWithoutANumberIsKnownByTheirBusinessScopedId_andShownByTheirProfileName() throws Exception {
    var delivery = read("""
        "contacts": [{"profile": {"name": "Ирина Павлова", "username": "@irina.pavlova"}, "user_id": "RU.13491208655302741918"}],
        "messages": [{"from_user_id": "RU.13491208655302741918", "id": "wamid.HBgLNzkxNjQ0NDU1NjYVAgASGBQzQUFF",
          "timestamp": "1739321024", "type": "text", "text": {"body": "Добрый день, получили КП"}}]""");
    InboundMessage message = delivery.messages().get(0);
    assertThat(message.phone()).isNull();
    assertThat(message.userId()).isEqualTo("RU.13491208655302741918");
    assertThat(message.senderName()).isEqualTo("Ирина Павлова");
    assertThat(message.text()).isEqualTo("Добрый день, получили КП");
    assertThat(message.receivedAt()).isEqualTo(Instant.ofEpochSecond(1739321024));
    assertThat(message.channel()).as("the number it came to: answers go back through it").isEqualTo("106540352242922");
  }

  @Test
  void anEmptyFromWithAUsernameOnly_isShownByTheUsername() throws Exception {
    var message = read("""
        "contacts": [{"profile": {"username": "irina.pavlova"}, "wa_id": "", "user_id": "RU.1"}],
        "messages": [{"from": "", "from_user_id": "RU.1", "id": "wamid.X", "timestamp": 1739321024, "type": "text",
          "text": {"body": "Привет"}}]""").messages().get(0);
    assertThat(message.phone()).isNull();
    assertThat(message.senderName()).isEqualTo("@irina.pavlova");
  }

  @Test
  void aNumberAndAnIdTogetherAreBothKept_forTheIdToBeLearned() throws Exception {
    var message = read("""
        "contacts": [{"profile": {"name": "Павлова Ирина"}, "wa_id": "79164445566", "user_id": "RU.42"}],
        "messages": [{"from": "79164445566", "from_user_id": "RU.42", "id": "wamid.Y", "timestamp": "1739321024",
          "type": "text", "text": {"body": "Да"}}]""").messages().get(0);
    assertThat(message.phone()).isEqualTo("79164445566");
    assertThat(message.userId()).isEqualTo("RU.42");
  }

  @Test
  void repliesKeepWhatTheClientChose() throws Exception {
    assertThat(textOf("interactive", """
        "interactive": {"type": "button_reply", "button_reply": {"id": "kp-yes", "title": "Согласовано"}}"""))
        .isEqualTo("Согласовано");
    assertThat(textOf("interactive", """
        "interactive": {"type": "list_reply", "list_reply": {"id": "slot-2", "title": "Вторник", "description": "с 10 до 12"}}"""))
        .isEqualTo("Вторник — с 10 до 12");
    assertThat(textOf("button", """
        "button": {"payload": "No-Button-Payload", "text": "Перезвоните мне"}""")).isEqualTo("Перезвоните мне");
    assertThat(textOf("interactive", """
        "interactive": {"type": "nfm_reply", "nfm_reply": {"name": "flow", "body": "Sent", "response_json": "{}"}}"""))
        .startsWith("Ответ на форму");
  }

  @Test
  void reactionsLocationsAndSharedContactsAreReadable() throws Exception {
    assertThat(textOf("reaction", """
        "reaction": {"message_id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", "emoji": "👍"}"""))
        .isEqualTo("Реакция 👍 на сообщение");
    assertThat(textOf("reaction", """
        "reaction": {"message_id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"}"""))
        .isEqualTo("Реакция снята с сообщения");
    assertThat(textOf("location", """
        "location": {"latitude": 55.7539, "longitude": 37.6208, "name": "Склад №2", "address": "Москва, ул. Складская, 1"}"""))
        .isEqualTo("Местоположение: Склад №2, Москва, ул. Складская, 1 https://maps.google.com/?q=55.7539,37.6208");
    assertThat(textOf("contacts", """
        "contacts": [{"name": {"formatted_name": "Иван Петров", "first_name": "Иван", "last_name": "Петров"},
          "org": {"company": "ООО «Уралмет»"},
          "phones": [{"phone": "+7 912 600-70-80", "wa_id": "79126007080", "type": "WORK"}]}]"""))
        .isEqualTo("Контакт: Иван Петров (ООО «Уралмет») +7 912 600-70-80");
  }

  @Test
  void filesSayWhatTheyAreUntilTheyAreIn_andAreFetchedLater() throws Exception {
    var image = read(message("image", """
        "image": {"mime_type": "image/jpeg", "sha256": "abc", "id": "1003383421387256"}""")).messages().get(0);
    assertThat(image.text()).isEqualTo("Изображение");
    assertThat(image.media()).singleElement().satisfies(m -> assertThat(m.cloudMediaId()).isEqualTo("1003383421387256"));
    var document = read(message("document", """
        "document": {"caption": "Реквизиты", "filename": "rekvizity.pdf", "mime_type": "application/pdf", "sha256": "abc",
          "id": "1003383421387257"}""")).messages().get(0);
    assertThat(document.text()).isEqualTo("Реквизиты");
    assertThat(document.media().get(0).fileName()).isEqualTo("rekvizity.pdf");
    assertThat(textOf("audio", """
        "audio": {"mime_type": "audio/ogg; codecs=opus", "sha256": "abc", "id": "1", "voice": true}"""))
        .isEqualTo("Голосовое сообщение");
  }

  @Test
  void aTypeNobodyTaughtUsIsAReadablePlaceholder_neverABareType() throws Exception {
    String unsupported = textOf("unsupported", """
        "errors": [{"code": 131051, "title": "Message type unknown", "message": "Message type unknown",
          "error_data": {"details": "Message type is currently not supported."}}]""");
    assertThat(unsupported).contains("unsupported").contains("посмотрите его в WhatsApp").doesNotStartWith("[");
    assertThat(textOf("hologram", "\"hologram\": {\"id\": \"1\"}")).contains("«hologram»").contains("посмотрите");
    assertThat(textOf("system", """
        "system": {"body": "User A changed from 16505551234 to 16505559999", "wa_id": "16505559999",
          "type": "user_changed_number"}""")).contains("changed from");
    assertThat(textOf("order", """
        "order": {"catalog_id": "1", "text": "Срочно", "product_items": [{"product_retailer_id": "KL-50", "quantity": "2",
          "item_price": "1500", "currency": "RUB"}]}""")).contains("KL-50 × 2").contains("Срочно");
  }

  @Test
  void aGroupLifecycleUpdateOfAGroupNobodyAskedFor_andOtherFields_areReadNotRefused() throws Exception {
    var deleted = read("group_lifecycle_update", """
        "groups": [{"timestamp": "1739321024", "group_id": "Y2FwaV9ncm91cDoxNzM5", "type": "group_delete"}]""");
    assertThat(deleted.groupAnswers()).isEmpty();
    var created = read("group_lifecycle_update", """
        "groups": [{"timestamp": "1739321024", "group_id": "G-1", "type": "group_create", "request_id": "REQ-unknown",
          "subject": "Чужая группа", "invite_link": "https://chat.whatsapp.com/X"}]""");
    assertThat(created.groupAnswers()).singleElement().satisfies(a -> assertThat(a.requestId()).isEqualTo("REQ-unknown"));
    var templates = read("message_template_status_update", """
        "event": "APPROVED", "message_template_id": 1, "message_template_name": "kp_ready" """);
    assertThat(templates.messages()).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("SWA-WINDOW-1")
  void aMessageMetaFailsLaterForThe24HourWindowSaysSoInRussian_withTheWayOut() throws Exception {
    var failed = read("""
        "statuses": [{"id": "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "status": "failed",
          "timestamp": "1739321024", "recipient_id": "16505551234",
          "errors": [{"code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
            "error_data": {"details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}]""");
    assertThat(failed.statuses()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(ru.voronka.chat.MessageStatus.FAILED);
      assertThat(s.reason()).isEqualTo("прошло более 24 часов с последнего сообщения клиента — отправьте шаблон (Cloud API, код 131047)");
    });
  }
}
