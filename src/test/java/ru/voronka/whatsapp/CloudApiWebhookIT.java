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
  @org.springframework.boot.test.web.server.LocalServerPort int port;

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
    return change("""
        "contacts": [{"profile": {"name": "Павлова Ирина"}, "wa_id": "%s"}],
        "messages": [{"from": "%s", "id": "%s", "timestamp": "1763882100", "type": "text", "text": {"body": "%s"}}]"""
        .formatted(from, from, wamid, text));
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
    long deal = newDeal("Облачная сделка", "ООО «Облако»", "+7 916 444-55-66");
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

  static String change(String value) {
    return """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"field": "messages",
          "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "74956498447", "phone_number_id": "106540352242922"}, %s}}]}]}"""
        .formatted(value);
  }

  long newDeal(String title, String client, String phone) {
    return new Api(rest, ADMIN, ADMIN_PASSWORD).post("/api/deals", Map.of("title", title, "amount", 70000,
        "client", Map.of("name", client, "contactName", "Павлова Ирина", "phone", phone))).expect(201).json().path("id").asLong();
  }

  ResponseEntity<String> signed(String body) throws Exception {
    return post(body, sign(body, APP_SECRET));
  }

  @Test
  void aUsernameUserWithoutANumberIsRecognisedByTheirBusinessScopedId_onceMatched_andShownByTheirProfileName() throws Exception {
    long deal = newDeal("Клиент с именем пользователя", "ООО «Ник»", "+7 916 444-55-77");
    String bsuid = "RU." + Math.abs(UUID.randomUUID().getMostSignificantBits());
    String first = "wamid." + UUID.randomUUID();
    String later = "wamid." + UUID.randomUUID();

    // While Meta still has the number, a message brings both: the id is learned on the contact's number.
    assertThat(signed(change("""
        "contacts": [{"profile": {"name": "Павлова Ирина", "username": "@pavlova"}, "wa_id": "79164445577", "user_id": "%s"}],
        "messages": [{"from": "79164445577", "from_user_id": "%s", "id": "%s", "timestamp": "1763882100", "type": "text",
          "text": {"body": "Получили КП"}}]""".formatted(bsuid, bsuid, first))).getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from contact_phone where number = '+79164445577' and whatsapp_user_id = ?",
        Long.class, bsuid)).isEqualTo(1);

    // Then the number is withheld (2026): «from» and «wa_id» are gone, the id alone says who it is.
    assertThat(signed(change("""
        "contacts": [{"profile": {"name": "Ирина П.", "username": "@pavlova"}, "user_id": "%s"}],
        "messages": [{"from_user_id": "%s", "id": "%s", "timestamp": "1763882200", "type": "interactive",
          "interactive": {"type": "button_reply", "button_reply": {"id": "kp-ok", "title": "КП согласовано"}}}]"""
        .formatted(bsuid, bsuid, later))).getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForMap("""
        select d.id as deal, m.author_name as author, m.body as body from chat_message m join chat c on m.chat_id = c.id
        join deal d on c.deal_id = d.id where m.external_id = ?""", "cloud:" + later))
        .containsEntry("deal", deal).containsEntry("author", "Ирина П.").containsEntry("body", "КП согласовано");
  }

  @Test
  void anUnmatchedUsernameUserIsKeptLikeAStranger_withTheirId() throws Exception {
    String bsuid = "RU." + Math.abs(UUID.randomUUID().getMostSignificantBits());
    String wamid = "wamid." + UUID.randomUUID();
    assertThat(signed(change("""
        "contacts": [{"profile": {"name": "Незнакомец", "username": "@stranger"}, "user_id": "%s"}],
        "messages": [{"from": "", "from_user_id": "%s", "id": "%s", "timestamp": "1763882100", "type": "location",
          "location": {"latitude": 56.8389, "longitude": 60.6057, "name": "Офис", "address": "Екатеринбург"}}]"""
        .formatted(bsuid, bsuid, wamid))).getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForMap("select phone, whatsapp_user_id, sender_name, body from stranger_message where external_id = ?",
        "cloud:" + wamid)).containsEntry("phone", null).containsEntry("whatsapp_user_id", bsuid)
        .containsEntry("sender_name", "Незнакомец")
        .containsEntry("body", "Местоположение: Офис, Екатеринбург https://maps.google.com/?q=56.8389,60.6057");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead_signedOrNot() throws Exception {
    // A declared length over the limit: 413 at once, though not a byte of the body was sent.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /webhooks/whatsapp-cloud HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertThat(status).startsWith("HTTP/1.1 413");
    }
    // A chunked body without a length: read only up to the limit, then 413 — before any signature check.
    byte[] big = ("{\"entry\": [], \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp-cloud"))
        .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(new String(big, StandardCharsets.UTF_8), APP_SECRET))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
    var answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
        .send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(413);
  }

  long count(String externalId) {
    return jdbc.queryForObject("select count(*) from chat_message where external_id = ?", Long.class, externalId);
  }
}
