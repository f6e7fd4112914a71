package ru.voronka.platform.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PostgreSQL: events go between nodes by NOTIFY. Anything else (the H2 demo) is one node. */
@Configuration
class LiveConfig {

  @Bean
  LiveTransport liveTransport(DataSourceProperties properties, DataSource dataSource, Subscribers subscribers,
      ObjectMapper json) {
    String url = properties.determineUrl();
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      return new PostgresNotifyTransport(dataSource, subscribers, json, url, properties.determineUsername(),
          properties.determinePassword());
    }
    return new InProcessTransport(subscribers);
  }
}
