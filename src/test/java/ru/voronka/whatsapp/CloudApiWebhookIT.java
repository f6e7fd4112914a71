package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;

/**
 * The Cloud API's webhooks on PostgreSQL: Meta's subscription check, the HMAC signature over the
 * raw body, a client's message routed once however often Meta delivers it, statuses by wamid.
 */
class CloudApiWebhookIT extends WhatsAppIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  static String sign(String body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  ResponseEntity<String> post(String body, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("X-Hub-Signature-256", signature);
    }
    return rest.postForEntity("/webhooks/whatsapp-cloud", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
        String.class);
  }

  static String message(String wamid, String from, String text) {
    return """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages",
          "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "74956498447", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Павлова Ирина"}, "wa_id": "%s"}],
            "messages": [{"from": "%s", "id": "%s", "timestamp": "1763882100", "type": "text", "text": {"body": "%s"}}]}}]}]}"""
        .formatted(from, from, wamid, text);
  }

  @Test
  void metasSubscriptionCheckIsAnsweredOnlyWithOurVerifyToken() {
    assertThat(rest.getForEntity("/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
        + "&hub.challenge=1158201444", String.class).getBody()).isEqualTo("1158201444");
    assertThat(rest.getForEntity("/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1",
        String.class).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aSignedMessageIsRoutedOnce_aBadSignatureIsRefusedAndStoresNothing() throws Exception {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    long deal = admin.post("/api/deals", Map.of("title", "Облачная сделка", "amount", 70000,
        "client", Map.of("name", "ООО «Облако»", "contactName", "Павлова Ирина", "phone", "+7 916 444-55-66")))
        .expect(201).json().path("id").asLong();
    String wamid = "wamid.HBgLNzkxNjQ0NDU1NjYVAgASGBQz" + UUID.randomUUID().toString().replace("-", "");
    String body = message(wamid, "79164445566", "Добрый день, получили КП");

    assertThat(post(body, sign(body, "wrong-secret")).getStatusCode().value()).isEqualTo(401);
    assertThat(post(body, null).getStatusCode().value()).isEqualTo(401);
    assertThat(post(body.replace("получили", "не получили"), sign(body, APP_SECRET)).getStatusCode().value()).isEqualTo(401);
    assertThat(count("cloud:" + wamid)).isZero();

    assertThat(post(body, sign(body, APP_SECRET)).getStatusCode().value()).isEqualTo(200);
    assertThat(post(body, sign(body, APP_SECRET)).getStatusCode().value()).isEqualTo(200);
    assertThat(count("cloud:" + wamid)).isEqualTo(1);
    assertThat(jdbc.queryForObject("""
        select d.id from chat_message m join chat c on m.chat_id = c.id join deal d on c.deal_id = d.id
        where m.external_id = ?""", Long.class, "cloud:" + wamid)).isEqualTo(deal);
    assertThat(jdbc.queryForObject("select author_name from chat_message where external_id = ?", String.class, "cloud:" + wamid))
        .isEqualTo("Павлова Ирина");

    String notJson = "{entry: [";
    assertThat(post(notJson, sign(notJson, APP_SECRET)).getStatusCode().value()).isEqualTo(400);
  }

  long count(String externalId) {
    return jdbc.queryForObject("select count(*) from chat_message where external_id = ?", Long.class, externalId);
  }
}
