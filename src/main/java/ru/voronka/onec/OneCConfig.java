package ru.voronka.onec;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OneCProperties.class)
class OneCConfig {

  @Bean
  OneC oneC(OneCProperties properties, RestClient.Builder builder, Clock clock) {
    return switch (properties.mode()) {
      case SIMULATOR -> new SimulatedOneC(clock);
      case ODATA -> {
        if (properties.url() == null || properties.url().isBlank()) {
          throw new IllegalStateException("voronka.onec.mode=odata needs voronka.onec.url (VORONKA_ONEC_URL)");
        }
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        yield new ODataOneC(builder.requestFactory(requests).build(), properties, clock);
      }
    };
  }
}
