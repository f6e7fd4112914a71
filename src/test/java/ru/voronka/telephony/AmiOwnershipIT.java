package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.voronka.support.PostgresDatabase;

/** Two nodes on one PostgreSQL: one handles Asterisk's events; when it goes, the other takes over. */
class AmiOwnershipIT {

  @Test
  void oneNodeOwnsTheLink_andAnotherTakesOverWhenItGoes() {
    var db = PostgresDatabase.get();
    try (AmiOwnership a = new AmiOwnership(db.url(), db.user(), db.password());
        AmiOwnership b = new AmiOwnership(db.url(), db.user(), db.password())) {
      assertThat(a.check()).isTrue();
      assertThat(b.check()).isFalse();
      assertThat(a.check()).isTrue(); // keeps it

      a.close(); // the node went away: its session and lock with it
      assertThat(b.check()).isTrue();
      assertThat(a.check()).isFalse();
    }
  }
}
