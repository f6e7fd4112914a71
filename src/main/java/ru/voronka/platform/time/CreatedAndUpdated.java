package ru.voronka.platform.time;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A row that keeps when it was made and when it was last changed ({@code created_at}, {@code updated_at}). */
@MappedSuperclass
@EntityListeners(WriteTimes.class)
public abstract class CreatedAndUpdated implements Timestamped {

  private Instant createdAt;
  private Instant updatedAt;

  @Override
  public void created(Instant now) {
    createdAt = now;
    updatedAt = now;
  }

  @Override
  public void updated(Instant now) {
    updatedAt = now;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
