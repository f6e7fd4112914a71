package ru.voronka.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Wazzup (API v3). {@code apiKey}: our key for calling Wazzup; {@code crmKey}: the key Wazzup sends
 * back in its webhooks' {@code Authorization: Bearer}; {@code channelId}: the sender number's channel.
 * Secrets come from the environment, never from the repository.
 */
@ConfigurationProperties("voronka.whatsapp.wazzup")
public record WazzupProperties(String baseUrl, String apiKey, String crmKey, String channelId) {

  public WazzupProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.wazzup24.com" : baseUrl.replaceAll("/+$", "");
  }
}
