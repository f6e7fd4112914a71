package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;

/** I2CRM's webhook on PostgreSQL: the signature, a client's message routed once, another event answered and left. */
class I2crmWebhookIT extends WhatsAppIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  ResponseEntity<String> post(String body, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("X-I2CRM-Signature", signature);
    }
    return rest.postForEntity("/webhooks/i2crm", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
  }

  @Test
  void aSignedMessageIsRoutedOnce_aBadSignatureStoresNothing() throws Exception {
    new Api(rest, ADMIN, ADMIN_PASSWORD).post("/api/deals", Map.of("title", "Сделка через I2CRM", "amount", 30000,
        "client", Map.of("name", "ООО «Ай-два»", "phone", "+7 918 777-88-99"))).expect(201);
    String id = "i2-" + UUID.randomUUID();
    String body = """
        {"event": "message.incoming", "message": {"id": "%s", "channel_id": "ch-7", "phone": "79187778899",
          "name": "Сергей", "text": "Добрый день", "timestamp": 1763882100}}""".formatted(id);

    assertThat(post(body, CloudApiWebhookIT.sign(body, "wrong")).getStatusCode().value()).isEqualTo(401);
    assertThat(count("i2crm:" + id)).isZero();
    assertThat(post(body, CloudApiWebhookIT.sign(body, I2CRM_SECRET)).getStatusCode().value()).isEqualTo(200);
    assertThat(post(body, CloudApiWebhookIT.sign(body, I2CRM_SECRET)).getStatusCode().value()).isEqualTo(200);
    assertThat(count("i2crm:" + id)).isEqualTo(1);

    String unknown = "{\"event\": \"chat.archived\", \"message\": {\"id\": \"x\"}}";
    assertThat(post(unknown, CloudApiWebhookIT.sign(unknown, I2CRM_SECRET)).getStatusCode().value()).isEqualTo(200);
  }

  long count(String externalId) {
    return jdbc.queryForObject("select count(*) from chat_message where external_id = ?", Long.class, externalId);
  }
}
