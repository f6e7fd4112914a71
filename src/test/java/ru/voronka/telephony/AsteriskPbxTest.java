package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.support.TestClock;

/**
 * The Asterisk adapter (asterisk-java) against an AMI peer on a TCP socket that writes what Asterisk
 * 22 writes (see AsteriskEvents): MD5 login, the event sequences of incoming, missed, rung-on,
 * mobile, click-to-call (also the one the desk does not pick up), transferred and spied calls,
 * Originate's refusal, device states from DeviceStateList, and a connection dropped in the middle
 * of calls — reconnected, with the calls that ended meanwhile rebuilt from Asterisk's CDRs, the one
 * still going kept, and the ones that began meanwhile ringing or answered, at Asterisk's times.
 */
class AsteriskPbxTest {

  static final Set<String> DESKS = Set.of("100", "101", "102");

  AmiPeer peer;
  CallJournal journal = mock(CallJournal.class);
  /** Asterisk's CDR backend as the adapter reads it: what the test says cdr_pgsql wrote. */
  List<CallDetailRecords.Cdr> cdrs = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** How often the adapter read the CDRs: the last step of a reconcile that found calls. */
  java.util.concurrent.atomic.AtomicInteger cdrReads = new java.util.concurrent.atomic.AtomicInteger();
  AsteriskPbx pbx;

  @BeforeEach
  void connect() throws Exception {
    peer = new AmiPeer("voronka", "ami-secret");
    when(journal.unfinishedKeys()).thenReturn(List.of());
    pbx = adapter(new AmiOwnership(null, null, null)); // one node: it handles the events
    pbx.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(pbx::isConnected);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cdrReads.get() > 0); // the login's reconcile is through
  }

  AsteriskPbx adapter(AmiOwnership ownership) {
    TelephonyProperties properties = new TelephonyProperties("asterisk",
        new TelephonyProperties.Ami("127.0.0.1", peer.port(), "voronka", "ami-secret"), null, null, null, null, null, null, null);
    CallDetailRecords records = (from, also) -> {
      cdrReads.incrementAndGet();
      return cdrs.stream().filter(r -> !r.end().isBefore(from) || also.contains(r.linkedId())).toList();
    };
    return new AsteriskPbx(properties, journal, DESKS::contains,
        desk -> DESKS.contains(desk) ? java.util.Optional.of("user" + desk) : java.util.Optional.empty(), ownership, records,
        TestClock.INSTANCE);
  }

  @AfterEach
  void close() throws Exception {
    pbx.stop();
    peer.close();
  }

  @Test
  void anIncomingCallRingsTheDesk_isAnsweredRecordedAndEnds() {
    String call = "1763890000.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    verify(journal, timeout(3000)).popAhead(call, "79126007080", "101", "user101"); // the card pops from the event itself
    verify(journal, timeout(3000)).ringing(eq(call), eq(CallDirection.INCOMING), eq("79126007080"), eq("101"), any());

    peer.emitAll(AsteriskEvents.incomingAnswered("79126007080", "101", call));
    verify(journal, timeout(3000)).answered(eq(call), eq("101"), any());
    verify(journal, timeout(3000)).recorded(call, "/var/spool/asterisk/monitor/" + call + ".wav");

    peer.emitAll(AsteriskEvents.hungUp("79126007080", "101", call));
    verify(journal, timeout(3000)).ended(eq(call), any()); // the trunk leg's hangup, not the desk's
  }

  @Test
  void aCallerWhoGivesUpWhileItRingsIsAMissedCall() {
    String call = "1763890100.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79161112233", "102", call));
    peer.emitAll(AsteriskEvents.missed("79161112233", "102", call));
    verify(journal, timeout(3000)).ended(eq(call), any());
    verify(journal, never()).answered(eq(call), anyString(), any());
  }

  @Test
  void clickToCallOriginatesAtTheDesk_thenFollowsTheCallToTheClient() throws Exception {
    pbx.originate("101", "+7 (912) 600-70-80");
    var originate = peer.awaitAction("Originate", 3, TimeUnit.SECONDS);
    assertThat(originate).containsEntry("Channel", "PJSIP/101").containsEntry("Context", "from-voronka")
        .containsEntry("Exten", "79126007080").containsEntry("Priority", "1").containsEntry("Async", "true");

    String call = "1763890200.20";
    peer.emitAll(AsteriskEvents.clickToCall("101", "79126007080", call));
    verify(journal, timeout(3000)).ringing(eq(call), eq(CallDirection.OUTGOING), eq("79126007080"), eq("101"), any());
    verify(journal, timeout(3000)).answered(eq(call), eq("101"), any());
    verify(journal, timeout(3000)).ended(eq(call), any());
  }

  @Test
  void onConnectItAsksOnlyForTheEventsItReads() throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> peer.actions().stream()
        .filter(a -> "Filter".equalsIgnoreCase(a.get("Action"))).count() == AsteriskPbx.FILTERS.size());
    assertThat(peer.actions().stream().filter(a -> "Filter".equalsIgnoreCase(a.get("Action"))).map(a -> a.get("Filter")))
        .containsExactlyElementsOf(AsteriskPbx.FILTERS);
  }

  @Test
  void aNodeThatDoesNotOwnTheLinkWritesNothing_yetActsOnCalls() throws Exception {
    AmiOwnership notOwner = new AmiOwnership(null, null, null) {
      @Override
      boolean isOwner() {
        return false;
      }

      @Override
      boolean check() {
        return false;
      }
    };
    AsteriskPbx other = adapter(notOwner);
    other.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(other::isConnected);
      String call = "1763890700.12";
      peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
      verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any()); // the owner handles it, once
      Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> other.pass(call)); // the other acts on it
      verify(journal, after(300).times(1)).ringing(anyString(), any(), any(), any(), any()); // not a second time by the other
      verify(journal, times(1)).popAhead(anyString(), any(), any(), any());
    } finally {
      other.stop();
    }
  }

  @Test
  void asterisksRefusalReachesTheCaller() {
    peer.failAction("Originate", "Extension does not exist.");
    assertThatThrownBy(() -> pbx.originate("109", "+79126007080")).isInstanceOf(Pbx.PbxException.class)
        .hasMessageContaining("Extension does not exist.");
  }

  @Test
  void theLeadMovesACall_orJoinsIt() throws Exception {
    String call = "1763890300.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any());

    pbx.redirect(call, "102");
    assertThat(peer.awaitAction("Redirect", 3, TimeUnit.SECONDS)).containsEntry("Channel", AsteriskEvents.client("", call).channel())
        .containsEntry("Exten", "102").containsEntry("Context", "from-voronka");

    pbx.spy("100", call, Pbx.SpyMode.WHISPER);
    var spy = peer.actions().stream().filter(a -> "ChanSpy".equals(a.get("Application"))).findFirst().orElseThrow();
    assertThat(spy).containsEntry("Channel", "PJSIP/100").containsEntry("Data", "PJSIP/101,qw");

    peer.emit(AsteriskEvents.blindTransfer(call, "101", "102"));
    verify(journal, timeout(3000)).transferred(call, "102");
    peer.emit(AsteriskEvents.attendedTransfer(call, "102", "100"));
    verify(journal, timeout(3000)).transferred(call, "100");
  }

  /** A line break in a value would end the AMI header and start a second action of the attacker's choosing. */
  static final String SECOND_ACTION = "\r\n\r\nAction: Originate\r\nChannel: PJSIP/999\r\nApplication: ChanSpy\r\nData: PJSIP/101,qB";

  @Test
  void aClientNumberWithALineBreakNeverReachesAsterisk() throws Exception {
    assertThatThrownBy(() -> pbx.originate("101", "+7 912 600-70-80" + SECOND_ACTION))
        .isInstanceOf(ru.voronka.platform.web.DomainException.class).hasMessageContaining("не номер телефона");
    assertThatThrownBy(() -> pbx.originate("101" + SECOND_ACTION, "+7 912 600-70-80"))
        .isInstanceOf(ru.voronka.platform.web.DomainException.class).hasMessageContaining("только цифры");
    pbx.originate("101", "+7 912 600-70-80"); // the next, honest action: everything before it was refused
    peer.awaitAction("Originate", 3, TimeUnit.SECONDS);
    assertThat(peer.actions()).noneMatch(a -> "PJSIP/999".equals(a.get("Channel")))
        .filteredOn(a -> "Originate".equalsIgnoreCase(a.get("Action"))).hasSize(1);
  }

  @Test
  void aTransferOrListenExtensionWithALineBreakNeverReachesAsterisk() throws Exception {
    String call = "1763890310.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any());

    assertThatThrownBy(() -> pbx.redirect(call, "12" + SECOND_ACTION)).isInstanceOf(ru.voronka.platform.web.DomainException.class)
        .hasMessageContaining("только цифры");
    for (Pbx.SpyMode mode : Pbx.SpyMode.values()) {
      assertThatThrownBy(() -> pbx.spy("100" + SECOND_ACTION, call, mode)).isInstanceOf(ru.voronka.platform.web.DomainException.class)
          .hasMessageContaining("только цифры");
    }
    pbx.pass(call); // the next, honest action
    peer.awaitAction("Hangup", 3, TimeUnit.SECONDS);
    assertThat(peer.actions()).noneMatch(a -> "Redirect".equalsIgnoreCase(a.get("Action")) || "Originate".equalsIgnoreCase(a.get("Action")));
  }

  @Test
  void theRingingManagerPassesTheCallOn_theNextDeskRings() throws Exception {
    String call = "1763890600.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any());
    pbx.pass(call);
    assertThat(peer.awaitAction("Hangup", 3, TimeUnit.SECONDS)).containsEntry("Channel", AsteriskEvents.desk("101", call, 1).channel())
        .containsEntry("Cause", "21");
    peer.emitAll(AsteriskEvents.rungOn("79126007080", "101", "102", call, 1, true)); // what Asterisk does about it
    verify(journal, timeout(3000)).popAhead(call, "79126007080", "102", "user102");
    verify(journal, timeout(3000)).ringing(eq(call), eq(CallDirection.INCOMING), eq("79126007080"), eq("102"), any());
    verify(journal, never()).ended(eq(call), any());
  }

  /** TEL-7 (issue 12): Dial(PJSIP/79161002001@gsm-mts) names the mobile; the leg is only «PJSIP/gsm-mts-…». */
  @Test
  void aCallRungOnToAManagersMobileIsHis_andAnsweredThere() {
    String call = "1763890650.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    peer.emitAll(AsteriskEvents.rungOn("79126007080", "101", "79161002001@gsm-mts", call, 1, false));
    verify(journal, timeout(3000)).ringingOnMobile(eq(call), eq(CallDirection.INCOMING), eq("79126007080"), eq("+79161002001"), any());
    peer.emitAll(AsteriskEvents.answeredOnMobile("79126007080", "gsm-mts", call, 2));
    verify(journal, timeout(3000)).answered(eq(call), eq(null), any()); // no desk: the mobile's owner keeps it
    peer.emit(AsteriskEvents.hangup(AsteriskEvents.client("79126007080", call), 6, 16, "Normal Clearing"));
    verify(journal, timeout(3000)).ended(eq(call), any());
  }

  /** Issue 18 (7): the manager does not pick up his desk for a click-to-call: OriginateResponse Failure, Reason 3. */
  @Test
  void aClickToCallTheDeskDoesNotPickUpIsJournaledAsNotConnected() throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> peer.actions().stream()
        .filter(a -> "Filter".equalsIgnoreCase(a.get("Action"))).count() == AsteriskPbx.FILTERS.size());
    peer.failNextOriginate(3);
    java.time.Instant clicked = TestClock.INSTANCE.instant();
    pbx.originate("101", "+7 912 600-70-80");
    var started = org.mockito.ArgumentCaptor.forClass(java.time.Instant.class);
    verify(journal, timeout(3000)).notConnected(org.mockito.ArgumentMatchers.startsWith(AsteriskPbx.ORIGINATE), eq("101"),
        eq("+79126007080"), started.capture(), any(), eq("вы не сняли трубку"));
    assertThat(Duration.between(clicked, started.getValue()).abs()).isLessThan(Duration.ofSeconds(2)); // when the manager clicked
  }

  /** Issue 18 (5): desk states from DeviceStateList at every login — after a restart, and after an outage. */
  @Test
  void deskStatesComeFromAsteriskAtEveryLogin_notOnlyFromChanges() throws Exception {
    peer.deviceStateMeanwhile("PJSIP/101", "NOT_INUSE");
    peer.deviceStateMeanwhile("PJSIP/102", "UNAVAILABLE"); // its phone is off; nobody hears it change
    pbx.stop(); // Voronka restarts
    pbx = adapter(new AmiOwnership(null, null, null));
    pbx.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(pbx::isConnected);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !pbx.isReachable("102"));
    assertThat(pbx.isReachable("101")).isTrue();
    assertThat(pbx.isReachable("100")).isTrue(); // never reported: tried

    peer.deviceStateMeanwhile("PJSIP/102", "NOT_INUSE"); // re-registered while the link was down
    peer.dropConnections();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> pbx.isReachable("102"));

    peer.deviceState("PJSIP/101", "UNAVAILABLE"); // and the changes as they happen
    Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !pbx.isReachable("101"));
  }

  /**
   * Issue 18 (4): a call answered and ended while the link was down is rebuilt from its CDRs —
   * answered at 102 when it was, ended when it did; one that began and ended meanwhile is journaled;
   * one still talking is left alone; one neither lists ends as unknown, not missed.
   */
  @Test
  void afterAnOutageTheJournalIsRebuiltFromAsterisksCdrs() {
    String ended = "1763890400.12";
    String unseen = "1763890450.12";
    String going = "1763890500.12";
    String lost = "1763890550.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", ended));
    verify(journal, timeout(3000)).ringing(eq(ended), any(), any(), eq("101"), any());

    java.time.Instant t = TestClock.INSTANCE.instant();
    cdrs.add(cdr(ended, "PJSIP/101", "NO ANSWER", t, null, t.plusSeconds(15)));
    cdrs.add(cdr(ended, "PJSIP/102", "ANSWERED", t.plusSeconds(15), t.plusSeconds(19), t.plusSeconds(80)));
    cdrs.add(cdr(unseen, "PJSIP/100", "NO ANSWER", t.plusSeconds(30), null, t.plusSeconds(45)));
    when(journal.unfinishedKeys()).thenReturn(List.of(ended, going, lost));
    peer.channelAlive(going, going); // still going when we are back
    peer.dropConnections();

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> peer.connections() > 0 && pbx.isConnected());
    var inOrder = org.mockito.Mockito.inOrder(journal);
    inOrder.verify(journal, timeout(5000)).ringing(ended, CallDirection.INCOMING, "79126007080", "102", t.plusSeconds(15));
    inOrder.verify(journal, timeout(5000)).answered(ended, "102", t.plusSeconds(19));
    inOrder.verify(journal, timeout(5000)).ended(ended, t.plusSeconds(80));
    verify(journal, timeout(5000)).ringing(unseen, CallDirection.INCOMING, "79126007080", "100", t.plusSeconds(30));
    verify(journal, timeout(5000)).ended(unseen, t.plusSeconds(45));
    verify(journal, timeout(5000)).endedUnheard(eq(lost), any());
    verify(journal, after(500).never()).ended(eq(going), any());
    verify(journal, never()).endedUnheard(eq(ended), any());
  }

  /** TEL-7 across an outage: the mobile's leg is named after the trunk; the client's Dial data and the CDR's name the number. */
  @Test
  void aManagersMobileIsRecognisedBackOnTheLink_bothLiveAndFromItsCdr() {
    String talking = "1763890800.12";
    String over = "1763890850.12";
    AsteriskEvents.Leg client = AsteriskEvents.client("79126007080", talking);
    peer.channel(client, 6, "<unknown>", "Dial", "PJSIP/79161002001@gsm-mts,20,tT", Duration.ofSeconds(70), "b-" + talking);
    peer.channel(AsteriskEvents.mobileLeg("gsm-mts", talking, 1), 6, "79126007080", "AppDial", "(Outgoing Line)",
        Duration.ofSeconds(60), "b-" + talking);
    java.time.Instant t = TestClock.INSTANCE.instant();
    cdrs.add(new CallDetailRecords.Cdr(over, over, AsteriskEvents.client("79035551234", over).channel(), "PJSIP/gsm-mts-00000021",
        "Dial", "PJSIP/79161002001@gsm-mts,20,tT", "79035551234", AsteriskEvents.DID, "ANSWERED", t, t.plusSeconds(9),
        t.plusSeconds(70)));
    peer.dropConnections();

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> peer.connections() > 0 && pbx.isConnected());
    verify(journal, timeout(5000)).ringingOnMobile(eq(talking), eq(CallDirection.INCOMING), eq("79126007080"),
        eq("+79161002001"), any());
    verify(journal, timeout(5000)).answered(eq(talking), eq(null), any());
    verify(journal, timeout(5000)).ringingOnMobile(over, CallDirection.INCOMING, "79035551234", "+79161002001", t);
    verify(journal, timeout(5000)).answered(over, null, t.plusSeconds(9));
    verify(journal, timeout(5000)).ended(over, t.plusSeconds(70));
  }

  /** A leg of a call as cdr_pgsql writes it for Dial(PJSIP/<desk>) from the city line. */
  static CallDetailRecords.Cdr cdr(String linkedId, String desk, String disposition, java.time.Instant start,
      java.time.Instant answer, java.time.Instant end) {
    return new CallDetailRecords.Cdr(linkedId, linkedId, AsteriskEvents.client("79126007080", linkedId).channel(),
        desk + "-0000001f", "Dial", desk + ",15,tT", "79126007080", AsteriskEvents.DID, disposition, start, answer, end);
  }

  /** Issue 18 (4): a call that began during the outage and is answered now gets Asterisk's times, not the reconnect's. */
  @Test
  void backOnTheLink_aCallThatStartedRingingMeanwhilePopsItsCard_andOneAnsweredMeanwhileIsAnsweredWhenItWas() throws Exception {
    String ringing = "1763890600.20";
    String answered = "1763890700.30";
    peer.callAtDesk("79126007080", "101", ringing, true);
    peer.callAtDesk("79035551234", "102", answered, false, Duration.ofMinutes(3), Duration.ofSeconds(170));
    peer.dropConnections(); // the same as a node taking over from one that went away: nobody heard the calls begin

    java.time.Instant back = TestClock.INSTANCE.instant();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> peer.connections() > 0 && pbx.isConnected());
    verify(journal, timeout(5000)).ringing(eq(ringing), eq(CallDirection.INCOMING), eq("79126007080"), eq("101"), any());
    var began = org.mockito.ArgumentCaptor.forClass(java.time.Instant.class);
    var talking = org.mockito.ArgumentCaptor.forClass(java.time.Instant.class);
    var inOrder = org.mockito.Mockito.inOrder(journal);
    inOrder.verify(journal, timeout(5000)).ringing(eq(answered), eq(CallDirection.INCOMING), eq("79035551234"), eq("102"),
        began.capture());
    inOrder.verify(journal, timeout(5000)).answered(eq(answered), eq("102"), talking.capture());
    assertThat(Duration.between(began.getValue(), back).toSeconds()).isBetween(178L, 200L); // Duration 00:03:00
    assertThat(Duration.between(talking.getValue(), back).toSeconds()).isBetween(168L, 190L); // the desk's leg: 00:02:50

    pbx.redirect(ringing, "100"); // its channels are known again: the lead can move it
    assertThat(peer.awaitAction("Redirect", 3, TimeUnit.SECONDS))
        .containsEntry("Channel", AsteriskEvents.client("79126007080", ringing).channel()).containsEntry("Exten", "100");
  }
}
