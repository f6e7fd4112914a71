package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.chat.Direction;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** The journal takes Asterisk's events in the order Asterisk sends them, replays included. */
class CallJournalTest extends WorkspaceTest {

  @Autowired CallJournal journal;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRecordingNamedBeforeTheFirstRingIsKept_andReplaysChangeNothing() {
    String key = "1763891000.12";
    journal.recorded(key, "/var/spool/asterisk/monitor/" + key + ".wav"); // MixMonitor runs before Dial
    journal.ringing(key, Direction.INCOMING, "79126007080", "101", TestClock.INSTANCE.instant());
    journal.ringing(key, Direction.INCOMING, "79126007080", "101", TestClock.INSTANCE.instant()); // a replay
    journal.answered(key, "101", TestClock.INSTANCE.instant());
    journal.ended(key, TestClock.INSTANCE.instant());
    journal.ended(key, TestClock.INSTANCE.instant());

    assertThat(jdbc.queryForObject("select recording from phone_call where call_key = ?", String.class, key))
        .isEqualTo("/var/spool/asterisk/monitor/" + key + ".wav");
    assertThat(jdbc.queryForObject("select state from phone_call where call_key = ?", String.class, key)).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from phone_call where call_key = ?", Long.class, key)).isEqualTo(1);
  }
}
