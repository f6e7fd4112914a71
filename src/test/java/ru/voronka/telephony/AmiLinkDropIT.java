package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.voronka.support.Api;
import ru.voronka.support.PostgresIT;
import ru.voronka.support.TestClock;

/**
 * Fault (issue 13): the AMI link drops in the middle of a call, on PostgreSQL. While it is down the
 * call rings on to the second desk, is answered and ends, and Asterisk's cdr_pgsql writes its CDRs;
 * right after the reconnect the journal holds what happened. Prints how long the link was down and
 * how soon after the reconnect the journal was right.
 */
class AmiLinkDropIT extends PostgresIT {

  @Autowired CallJournal journal;
  @Autowired CdrTable cdrs;
  @Autowired DeskExtensions desks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void theLinkDropsMidCall_theJournalIsRightJustAfterTheReconnect() throws Exception {
    Api admin = new Api(rest, ADMIN, ADMIN_PASSWORD);
    for (String[] desk : new String[][] {{"amidesk1", "151"}, {"amidesk2", "152"}}) {
      var hired = admin.post("/api/employees", Map.of("userId", desk[0], "password", "secret1", "firstName", "Стол",
          "lastName", desk[1], "groups", List.of("MANAGERS"), "email", desk[0] + "@voronka.test"));
      assertThat(hired.status()).as(hired.body()).isIn(201, 409);
      admin.put("/api/employees/" + desk[0] + "/extension", Map.of("extension", desk[1])).expect(200);
    }
    Awaitility.await().atMost(DeskExtensions.FRESH_FOR.plusSeconds(10)).until(() -> desks.isDesk("152"));
    String key = "1764900000." + (System.nanoTime() % 1000);
    String client = "79857776655";
    try (AmiPeer peer = new AmiPeer("voronka", "ami-secret")) {
      AsteriskPbx pbx = new AsteriskPbx(new TelephonyProperties("asterisk",
          new TelephonyProperties.Ami("127.0.0.1", peer.port(), "voronka", "ami-secret"), null, null, null, null, null, null, null),
          journal, desks::isDesk, desks::userAt, new AmiOwnership(null, null, null), cdrs, TestClock.INSTANCE);
      pbx.start();
      try {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(pbx::isConnected);
        peer.awaitAction("CoreShowChannels", 10, java.util.concurrent.TimeUnit.SECONDS);
        peer.emitAll(AsteriskEvents.incomingRinging(client, "151", key));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "RINGING".equals(state(key)));

        long dropped = System.nanoTime();
        peer.dropConnections();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> !pbx.isConnected());
        // Meanwhile in Asterisk: the desk does not answer, the call goes on to the second desk, is answered and ends.
        Instant rang = TestClock.INSTANCE.instant().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant answered = rang.plusSeconds(20).plusMillis(250);
        Instant ended = rang.plusSeconds(28);
        cdr(key, client, "PJSIP/151-0000001d", "NO ANSWER", rang, null, rang.plusSeconds(15));
        cdr(key, client, "PJSIP/152-0000001e", "ANSWERED", rang.plusSeconds(15), answered, ended);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(pbx::isConnected);
        long reconnected = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
            .until(() -> "COMPLETED".equals(state(key)));
        long journaled = System.nanoTime();

        Map<String, Object> call = jdbc.queryForMap("select c.extension, e.user_id from phone_call c"
            + " join employee e on e.id = c.employee_id where c.call_key = ?", key);
        assertThat(call.get("extension")).isEqualTo("152");
        assertThat(call.get("user_id")).isEqualTo("amidesk2");
        assertThat(time("answered_at", key)).isEqualTo(answered);
        assertThat(time("ended_at", key)).isEqualTo(ended);
        assertThat(jdbc.queryForObject("select count(*) from phone_call where call_key = ?", Integer.class, key))
            .as("one call, not a missed one and another").isEqualTo(1);
        System.out.printf("FAULT AMI link dropped mid-call: 1 call ringing at the drop, answered and ended while the link was"
            + " down; link back after %d ms; journal right %d ms after the reconnect (answered by the second desk at"
            + " its CDR time, ended, not «Пропущен»); lost 0%n", (reconnected - dropped) / 1_000_000,
            (journaled - reconnected) / 1_000_000);
      } finally {
        pbx.stop();
      }
    }
  }

  private Instant time(String column, String key) {
    return jdbc.queryForObject("select " + column + " from phone_call where call_key = ?", Timestamp.class, key).toInstant();
  }

  private String state(String key) {
    return jdbc.queryForList("select state from phone_call where call_key = ?", String.class, key).stream().findFirst()
        .orElse(null);
  }

  /** A CDR as Asterisk's cdr_pgsql inserts it: the columns named after CDR variables, times in epoch seconds. */
  private void cdr(String linkedId, String client, String desk, String disposition, Instant start, Instant answer, Instant end) {
    jdbc.update("insert into asterisk_cdr (linkedid, uniqueid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,"
            + " \"start\", \"answer\", \"end\", duration, billsec, disposition) values (?, ?, ?, ?, 'from-trunk', ?, ?, 'Dial', ?, ?, ?, ?, ?, ?, ?)",
        linkedId, linkedId, client, AsteriskEvents.DID, AsteriskEvents.client(client, linkedId).channel(), desk,
        desk.substring(0, desk.lastIndexOf('-')) + ",15,tT", seconds(start), answer == null ? 0.0 : seconds(answer), seconds(end),
        Duration.between(start, end).toSeconds(), answer == null ? 0 : Duration.between(answer, end).toSeconds(), disposition);
  }

  private static double seconds(Instant at) {
    return at.getEpochSecond() + at.getNano() / 1e9;
  }
}
