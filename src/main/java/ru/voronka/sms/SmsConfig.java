package ru.voronka.sms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.voronka.messaging.ClientMessenger;

@Configuration
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfig {

  @Bean
  SmsPort smsPort(SmsProperties properties, ClientMessenger whatsapp, ApplicationEventPublisher events, java.time.Clock clock) {
    String provider = properties.provider() == null ? "simulator" : properties.provider();
    return switch (provider) {
      case "smpp" -> {
        if (properties.smpp() == null || properties.smpp().host() == null || properties.smpp().defaultSender() == null) {
          throw new IllegalStateException("voronka.sms.smpp.host and default-sender are required for the SMPP gateway");
        }
        yield new SmppSms(properties.smpp(), events);
      }
      case "whatsapp" -> new WhatsAppSms(whatsapp);
      case "simulator" -> new SimulatedSms(properties.smpp(), clock);
      default -> throw new IllegalStateException("voronka.sms.provider: simulator, whatsapp or smpp, not " + provider);
    };
  }
}
