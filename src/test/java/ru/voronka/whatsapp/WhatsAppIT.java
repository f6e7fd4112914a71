package ru.voronka.whatsapp;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.voronka.support.PostgresIT;

/**
 * The WhatsApp tests' application: PostgreSQL, Wazzup as the sending provider played by a stub,
 * and every provider's webhook keys set. The subclasses share this one Spring context.
 */
abstract class WhatsAppIT extends PostgresIT {

  static final String CRM_KEY = "crm-key-it";
  static final String APP_SECRET = "app-secret-it";
  static final String VERIFY_TOKEN = "verify-token-it";
  static final String I2CRM_SECRET = "i2crm-secret-it";

  /**
   * Wazzup's stand-in lives as long as the test JVM: the Spring context is cached across the
   * subclasses and keeps its address (an extension would stop and move it after each class).
   */
  static final WireMockServer wazzup = start();

  private static WireMockServer start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  /** Wazzup's answer to a message it took: 201 with a messageId of its own for each message, as the real one gives. */
  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String idPrefix) {
    return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messageId\":\"" + idPrefix + "{{randomValue type='UUID'}}\"}").withTransformers("response-template");
  }

  @BeforeEach
  void resetWazzup() {
    wazzup.resetAll();
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("voronka.whatsapp.provider", () -> "wazzup");
    registry.add("voronka.whatsapp.wazzup.base-url", wazzup::baseUrl);
    registry.add("voronka.whatsapp.wazzup.api-key", () -> "api-key-it");
    registry.add("voronka.whatsapp.wazzup.crm-key", () -> CRM_KEY);
    registry.add("voronka.whatsapp.wazzup.channel-id", () -> "channel-it");
    registry.add("voronka.whatsapp.cloud.app-secret", () -> APP_SECRET);
    registry.add("voronka.whatsapp.cloud.verify-token", () -> VERIFY_TOKEN);
    registry.add("voronka.whatsapp.i2crm.webhook-secret", () -> I2CRM_SECRET);
    // The stand-ins serve clients' files on plain HTTP at 127.0.0.1: production allows neither.
    registry.add("voronka.whatsapp.media.hosts.wazzup", () -> "localhost");
    registry.add("voronka.whatsapp.media.hosts.cloud", () -> "localhost");
    registry.add("voronka.whatsapp.media.trust-loopback-for-tests", () -> "true");
  }
}
