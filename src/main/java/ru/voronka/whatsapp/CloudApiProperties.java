package ru.voronka.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The official WhatsApp Business Platform, Cloud API — Voronka's «Default» service.
 * {@code accessToken}: the system user's token; {@code phoneNumberId}: the sender number;
 * {@code appSecret}: the app's secret that signs the webhooks; {@code verifyToken}: our answer to
 * Meta's subscription check; {@code businessAccountId}: the WhatsApp Business Account (WABA) whose
 * approved templates are offered outside the 24-hour window. Secrets come from the environment.
 */
@ConfigurationProperties("voronka.whatsapp.cloud")
public record CloudApiProperties(String baseUrl, String version, String phoneNumberId, String accessToken, String appSecret,
    String verifyToken, String businessAccountId) {

  @ConstructorBinding
  public CloudApiProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://graph.facebook.com" : baseUrl.replaceAll("/+$", "");
    version = version == null || version.isBlank() ? "v21.0" : version;
  }

  /** Without a business account: no templates. */
  public CloudApiProperties(String baseUrl, String version, String phoneNumberId, String accessToken, String appSecret,
      String verifyToken) {
    this(baseUrl, version, phoneNumberId, accessToken, appSecret, verifyToken, null);
  }
}
