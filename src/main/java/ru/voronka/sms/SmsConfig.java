package ru.voronka.sms;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.sms.smpp.SmppSms;

@Configuration
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfig {

  @Bean
  SmsPort smsPort(SmsProperties properties, ClientMessenger whatsapp, ApplicationEventPublisher events, Clock clock,
      DataSource dataSource, PlatformTransactionManager transactions) {
    String provider = properties.provider() == null ? "simulator" : properties.provider();
    MobileCarriers carriers = new MobileCarriers(properties.numberingPlan().isEmpty() ? NumberingPlan.empty()
        : NumberingPlan.read(properties.numberingPlan().stream().map(Path::of).toList()));
    SmsProperties.Smpp smpp = properties.smpp();
    return switch (provider) {
      case "smpp" -> {
        if (smpp == null || smpp.host() == null || smpp.host().isBlank() || smpp.defaultSender() == null) {
          throw new IllegalStateException("voronka.sms.smpp.host and default-sender are required for the SMPP gateway");
        }
        yield new SmppSms(smpp, new SimCards(smpp.sims(), smpp.defaultSender(), carriers), dataSource, transactions,
            events::publishEvent, clock).start();
      }
      case "whatsapp" -> new WhatsAppSms(whatsapp);
      case "simulator" -> new SimulatedSms(smpp == null ? null : new SimCards(smpp.sims(), smpp.defaultSender(), carriers), clock);
      default -> throw new IllegalStateException("voronka.sms.provider: simulator, whatsapp or smpp, not " + provider);
    };
  }
}
