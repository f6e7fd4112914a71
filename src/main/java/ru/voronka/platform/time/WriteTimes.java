package ru.voronka.platform.time;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The JPA listener of {@link Timestamped} entities ({@code @EntityListeners(WriteTimes.class)}):
 * Hibernate takes it from Spring, so write times come from the Clock bean like every other time.
 */
@Component
public class WriteTimes {

  private final Clock clock;

  WriteTimes(Clock clock) {
    this.clock = clock;
  }

  @PrePersist
  void created(Object row) {
    if (row instanceof Timestamped stamped) {
      stamped.created(clock.instant());
    }
  }

  @PreUpdate
  void updated(Object row) {
    if (row instanceof Timestamped stamped) {
      stamped.updated(clock.instant());
    }
  }
}
