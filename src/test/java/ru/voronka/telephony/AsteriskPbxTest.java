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
import ru.voronka.chat.Direction;
import ru.voronka.support.TestClock;

/**
 * The Asterisk adapter (asterisk-java) against an AMI peer on a TCP socket: MD5 login, the event
 * sequences of incoming, missed, click-to-call, transferred and spied calls, Originate's refusal,
 * and a connection dropped in the middle of calls — reconnected, with the call that ended meanwhile
 * closed, the one still going kept, and the ones that began meanwhile ringing or answered.
 */
class AsteriskPbxTest {

  static final Set<String> DESKS = Set.of("100", "101", "102");

  AmiPeer peer;
  CallJournal journal = mock(CallJournal.class);
  AsteriskPbx pbx;

  @BeforeEach
  void connect() throws Exception {
    peer = new AmiPeer("voronka", "ami-secret");
    when(journal.unfinishedKeys()).thenReturn(List.of());
    TelephonyProperties properties = new TelephonyProperties("asterisk",
        new TelephonyProperties.Ami("127.0.0.1", peer.port(), "voronka", "ami-secret"), null, null, null, null, null, null, null);
    pbx = new AsteriskPbx(properties, journal, DESKS::contains,
        desk -> DESKS.contains(desk) ? java.util.Optional.of("user" + desk) : java.util.Optional.empty(),
        new AmiOwnership(null, null, null), TestClock.INSTANCE); // one node: it handles the events
    pbx.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(pbx::isConnected);
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
    verify(journal, timeout(3000)).ringing(eq(call), eq(Direction.INCOMING), eq("79126007080"), eq("101"), any());

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
    verify(journal, timeout(3000)).ringing(eq(call), eq(Direction.OUTGOING), eq("79126007080"), eq("101"), any());
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
    CallJournal otherJournal = mock(CallJournal.class);
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
    AsteriskPbx other = new AsteriskPbx(new TelephonyProperties("asterisk", new TelephonyProperties.Ami("127.0.0.1", peer.port(),
        "voronka", "ami-secret"), null, null, null, null, null, null, null), otherJournal, DESKS::contains,
        desk -> java.util.Optional.of("user" + desk), notOwner, TestClock.INSTANCE);
    other.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(other::isConnected);
      String call = "1763890700.12";
      peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
      verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any()); // the owner handles it, once
      Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> other.pass(call)); // the other acts on it
      verify(otherJournal, after(300).never()).ringing(anyString(), any(), any(), any(), any());
      verify(otherJournal, never()).popAhead(anyString(), any(), any(), any());
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
    assertThat(peer.awaitAction("Redirect", 3, TimeUnit.SECONDS)).containsEntry("Channel", "PJSIP/trunk-00000012")
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
  void theRingingManagerPassesTheCallOn_andAnUnregisteredDeskIsNotRung() throws Exception {
    String call = "1763890600.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", call));
    verify(journal, timeout(3000)).ringing(eq(call), any(), any(), eq("101"), any());
    pbx.pass(call);
    assertThat(peer.awaitAction("Hangup", 3, TimeUnit.SECONDS)).containsEntry("Channel", "PJSIP/101-00000013")
        .containsEntry("Cause", "21");

    assertThat(pbx.isReachable("102")).isTrue(); // never reported: tried
    peer.emit(AsteriskEvents.deviceState("PJSIP/102", "UNAVAILABLE"));
    Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !pbx.isReachable("102"));
    peer.emit(AsteriskEvents.deviceState("PJSIP/102", "NOT_INUSE"));
    Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> pbx.isReachable("102"));
  }

  @Test
  void aDroppedConnectionReconnects_andClosesTheCallThatEndedMeanwhile() {
    String ended = "1763890400.12";
    String going = "1763890500.12";
    peer.emitAll(AsteriskEvents.incomingRinging("79126007080", "101", ended));
    verify(journal, timeout(3000)).ringing(eq(ended), any(), any(), any(), any());

    when(journal.unfinishedKeys()).thenReturn(List.of(ended, going));
    peer.channelAlive(going, going); // still talking when we are back; the other call hung up while we were away
    peer.dropConnections();

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> peer.connections() > 0 && pbx.isConnected());
    verify(journal, timeout(5000)).ended(eq(ended), any());
    verify(journal, after(500).never()).ended(eq(going), any());
  }

  @Test
  void backOnTheLink_aCallThatStartedRingingMeanwhilePopsItsCard_andOneAnsweredMeanwhileIsAnswered() throws Exception {
    String ringing = "1763890600.20";
    String answered = "1763890700.30";
    peer.callAtDesk("79126007080", "101", ringing, true);
    peer.callAtDesk("79035551234", "102", answered, false);
    peer.dropConnections(); // the same as a node taking over from one that went away: nobody heard the calls begin

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> peer.connections() > 0 && pbx.isConnected());
    verify(journal, timeout(5000)).ringing(eq(ringing), eq(Direction.INCOMING), eq("79126007080"), eq("101"), any());
    var inOrder = org.mockito.Mockito.inOrder(journal);
    inOrder.verify(journal, timeout(5000)).ringing(eq(answered), eq(Direction.INCOMING), eq("79035551234"), eq("102"), any());
    inOrder.verify(journal, timeout(5000)).answered(eq(answered), eq("102"), any());

    pbx.redirect(ringing, "100"); // its channels are known again: the lead can move it
    assertThat(peer.awaitAction("Redirect", 3, TimeUnit.SECONDS)).containsEntry("Channel", "PJSIP/trunk-" + ringing)
        .containsEntry("Exten", "100");
  }
}
