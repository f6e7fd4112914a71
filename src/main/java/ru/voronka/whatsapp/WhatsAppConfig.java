package ru.voronka.whatsapp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import ru.voronka.messaging.ClientMessenger;

/**
 * {@code voronka.whatsapp.provider}: {@code simulator} (the demo: /simulator/whatsapp plays the
 * clients), {@code journal} (only logged), {@code wazzup}, {@code i2crm} or {@code cloud} (the Cloud
 * API, «Default»). Every provider's webhook listens either way and
 * refuses what its own key does not prove. The chosen provider is the environment's service among those
 * an administrator connects ({@link WhatsAppServices}); its bean is a fallback: what the application
 * injects as {@link ClientMessenger} is {@link WhatsAppRouter}, which routes to it.
 */
@Configuration
@EnableConfigurationProperties({WazzupProperties.class, CloudApiProperties.class, I2crmProperties.class, MediaProperties.class})
class WhatsAppConfig {

  @Bean
  @Fallback
  @ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "wazzup")
  ClientMessenger wazzupMessenger(WazzupProperties properties, WhatsAppChannels channels) {
    if (properties.apiKey() == null || properties.apiKey().isBlank() || properties.channelId() == null) {
      throw new IllegalStateException("voronka.whatsapp.wazzup.api-key and channel-id are required for the Wazzup provider");
    }
    return new WazzupMessenger(properties, channels);
  }

  @Bean
  @Fallback
  @ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "i2crm")
  ClientMessenger i2crmMessenger(I2crmProperties properties) {
    if (properties.baseUrl() == null || properties.token() == null || properties.token().isBlank()) {
      throw new IllegalStateException("voronka.whatsapp.i2crm.base-url and token are required for I2CRM");
    }
    return new I2crmMessenger(properties);
  }

  @Bean
  @Fallback
  @ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "simulator")
  SimulatedWhatsApp simulatedWhatsApp(WhatsAppChannels channels, java.time.Clock clock) {
    return new SimulatedWhatsApp(channels, clock);
  }

  @Bean
  @Fallback
  @ConditionalOnProperty(name = "voronka.whatsapp.provider", havingValue = "cloud")
  ClientMessenger cloudApiMessenger(CloudApiProperties properties) {
    if (properties.accessToken() == null || properties.accessToken().isBlank() || properties.phoneNumberId() == null) {
      throw new IllegalStateException("voronka.whatsapp.cloud.access-token and phone-number-id are required for the Cloud API");
    }
    return new CloudApiMessenger(properties);
  }

  /** {@code voronka.whatsapp.cloud.groups: true}: the account may use the Groups API, so deals' client groups live there. */
  @Bean
  @ConditionalOnExpression("'${voronka.whatsapp.provider:}' == 'cloud' and ${voronka.whatsapp.cloud.groups:false}")
  GroupProvider cloudApiGroups(CloudApiProperties properties) {
    return new CloudApiGroups(properties);
  }
}
