package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.voronka.support.TestClock;

/**
 * Wazzup's webhooks as its API v3 documentation («Webhooks») shows them: every kind is read, none
 * refused; a channel's new state is taken; shared contacts and places read as words.
 */
class WazzupDeliveryTest {

  static WazzupDelivery read(String body) throws Exception {
    return WazzupDelivery.of(new ObjectMapper().readTree(body), TestClock.INSTANCE);
  }

  static InboundMessage message(String type, String text) throws Exception {
    return read("""
        {"messages": [{"messageId": "3b7a1c4e-0000-4000-8000-000000000001", "dateTime": "2025-11-23T07:15:00.000Z",
          "channelId": "channel-it", "chatType": "whatsapp", "chatId": "79126007081", "type": "%s", "isEcho": false,
          "status": "inbound", %s "contact": {"name": "Иванов Сергей", "avatarUri": null}}]}"""
        .formatted(type, text == null ? "" : "\"text\": " + new ObjectMapper().writeValueAsString(text) + ","))
        .messages().get(0);
  }

  @Test
  void theOtherKindsOfWebhookAreReadNotRefused() throws Exception {
    assertThat(read("""
        {"createContact": {"responsibleUserId": "petrov", "name": "Иванов Сергей",
          "contactData": [{"chatType": "whatsapp", "chatId": "79126007081"}], "source": "auto"}}""").messages()).isEmpty();
    assertThat(read("""
        {"createDeal": {"responsibleUserId": "petrov", "contacts": ["crm-contact-17"], "source": "byUser"}}""").messages())
        .isEmpty();
    assertThat(read("""
        {"templateStatus": {"templateGuid": "0b0c0d0e-0000-4000-8000-000000000001", "templateName": "kp_ready",
          "status": "approved"}}""").statuses()).isEmpty();
    assertThat(read("{\"somethingNew\": [{\"id\": 1}]}").messages()).isEmpty();
  }

  @Test
  void aChannelsNewStateIsTaken() throws Exception {
    var delivery = read("""
        {"channelsUpdates": [{"channelId": "5b0a3c1e-0000-4000-8000-000000000001", "state": "phoneUnavailable",
          "transport": "whatsapp", "plainId": "74956498447"},
          {"channelId": "5b0a3c1e-0000-4000-8000-000000000002", "state": "active"},
          {"channelId": "5b0a3c1e-0000-4000-8000-000000000003", "state": "active", "transport": "telegram"}]}""");
    assertThat(delivery.channels()).containsExactly(
        new WazzupDelivery.ChannelState("5b0a3c1e-0000-4000-8000-000000000001", "+74956498447", "phoneUnavailable"),
        new WazzupDelivery.ChannelState("5b0a3c1e-0000-4000-8000-000000000002", null, "active"));
  }

  @Test
  void sharedContactsAndPlacesReadAsWords() throws Exception {
    assertThat(message("vcard", "BEGIN:VCARD\nVERSION:3.0\nFN:Иван Петров\nTEL;type=CELL:+79126007080\nEND:VCARD").text())
        .isEqualTo("Контакт: Иван Петров +7 912 600-70-80");
    assertThat(message("geo", "55.7539, 37.6208").text()).isEqualTo("Местоположение: https://maps.google.com/?q=55.7539,37.6208");
    assertThat(message("image", null).text()).isEqualTo("Изображение");
    assertThat(message("unsupported", null).text()).contains("«unsupported»").contains("посмотрите его в WhatsApp");
    assertThat(message("text", "Когда будет КП?").receivedAt()).isEqualTo(Instant.parse("2025-11-23T07:15:00Z"));
  }
}
