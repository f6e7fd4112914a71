package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.TestClock;
import ru.voronka.support.WorkspaceTest;

/** The journal takes Asterisk's events in the order Asterisk sends them, replays included. */
class CallJournalTest extends WorkspaceTest {

  @Autowired CallJournal journal;
  @Autowired JdbcTemplate jdbc;
  @Autowired CallFollowUps followUps;

  @Test
  void aRecordingNamedBeforeTheFirstRingIsKept_andReplaysChangeNothing() {
    String key = "1763891000.12";
    journal.recorded(key, "/var/spool/asterisk/monitor/" + key + ".wav"); // MixMonitor runs before Dial
    journal.ringing(key, CallDirection.INCOMING, "79126007080", "101", TestClock.INSTANCE.instant());
    journal.ringing(key, CallDirection.INCOMING, "79126007080", "101", TestClock.INSTANCE.instant()); // a replay
    journal.answered(key, "101", TestClock.INSTANCE.instant());
    journal.ended(key, TestClock.INSTANCE.instant());
    journal.ended(key, TestClock.INSTANCE.instant());

    assertThat(jdbc.queryForObject("select recording from phone_call where call_key = ?", String.class, key))
        .isEqualTo("/var/spool/asterisk/monitor/" + key + ".wav");
    assertThat(jdbc.queryForObject("select state from phone_call where call_key = ?", String.class, key)).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from phone_call where call_key = ?", Long.class, key)).isEqualTo(1);
  }

  @Test
  void aCallRungOnPopsOnceAtEachDesk_andTheCardItLeftIsToldSo() {
    String key = "1763891100.12";
    int mark = ru.voronka.platform.live.LiveEventsHeard.count();
    journal.popAhead(key, "79161234501", "101", "petrov"); // the AMI event of the first DialBegin, on the reading thread
    journal.ringing(key, CallDirection.INCOMING, "79161234501", "101", TestClock.INSTANCE.instant()); // its worker, moments later
    journal.popAhead(key, "79161234501", "102", "sidorova"); // three rings later: the next desk's DialBegin
    journal.ringing(key, CallDirection.INCOMING, "79161234501", "102", TestClock.INSTANCE.instant());

    // Only the calls' events: a message of another test's deal may reach the same desk meanwhile.
    assertThat(callEvents("petrov", mark)).containsExactly("call-ringing", "call-rung-on");
    assertThat(callEvents("sidorova", mark)).containsExactly("call-ringing");
    journal.ended(key, TestClock.INSTANCE.instant()); // missed at Sidorova's desk: hers
    assertThat(callEvents("sidorova", mark)).containsExactly("call-ringing", "call-ended");
    assertThat(jdbc.queryForObject("select e.user_id from phone_call c join employee e on e.id = c.employee_id where c.call_key = ?",
        String.class, key)).isEqualTo("sidorova");
    long id = jdbc.queryForObject("select id from phone_call where call_key = ?", Long.class, key);
    followUps.complete(id, "sidorova", java.util.Map.of("followUp", "EVENT", "eventKind", "CALL", "eventDue", "2026-12-24T10:30",
        "eventTitle", "Перезвонить", "clientName", "ООО «Перезвон»", "readiness", "NORM")); // the other tests' pages stay clear
  }

  static java.util.List<String> callEvents(String userId, int mark) {
    return ru.voronka.platform.live.LiveEventsHeard.by(userId, mark).stream().filter(e -> e.startsWith("call-")).toList();
  }
}
