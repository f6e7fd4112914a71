package ru.voronka.telephony;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code voronka.telephony.pbx}: {@code simulator} (the default, the demo's softphone page) or {@code asterisk}. */
@Configuration
@EnableConfigurationProperties(TelephonyProperties.class)
class TelephonyConfig {

  @Bean
  @ConditionalOnProperty(name = "voronka.telephony.pbx", havingValue = "simulator", matchIfMissing = true)
  SimulatedPbx simulatedPbx(CallJournal journal, CallRouting routing, java.time.Clock clock) {
    return new SimulatedPbx(journal, routing, clock);
  }

  @Bean
  @ConditionalOnProperty(name = "voronka.telephony.pbx", havingValue = "asterisk")
  AsteriskPbx asteriskPbx(TelephonyProperties properties, CallJournal journal, DeskExtensions desks, CallDetailRecords cdrs,
      org.springframework.boot.autoconfigure.jdbc.DataSourceProperties database, java.time.Clock clock) {
    if (properties.ami() == null || properties.ami().host() == null || properties.ami().host().isBlank()
        || properties.ami().username() == null) {
      throw new IllegalStateException("voronka.telephony.ami.host, username and secret are required for Asterisk");
    }
    return new AsteriskPbx(properties, journal, desks::isDesk, desks::userAt,
        new AmiOwnership(database.determineUrl(), database.determineUsername(), database.determinePassword()), cdrs, clock);
  }

  /** FastAGI for the dialplan's routing question, next to the AMI link. */
  @Bean
  @ConditionalOnProperty(name = "voronka.telephony.pbx", havingValue = "asterisk")
  FastAgiServer fastAgiServer(TelephonyProperties properties, CallRouting routing, CallJournal journal) {
    return new FastAgiServer(properties.agiPort(), new RouteCallAgi(routing, journal));
  }
}
