package ru.voronka.platform.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.voronka.platform.RussianFormats;

@Configuration
class TimeConfig {

  /** The wall clock in Moscow time; a test context registers its own clock as the primary one. */
  @Bean
  Clock clock() {
    return Clock.system(RussianFormats.MOSCOW);
  }
}
