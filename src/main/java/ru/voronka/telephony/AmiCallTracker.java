package ru.voronka.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import ru.voronka.chat.Direction;

/**
 * Reads a call out of Asterisk's AMI events (chan_pjsip, Asterisk 16+): {@code Linkedid} ties
 * the legs of one call together and is the journal's key. A {@code DialBegin} to a desk phone is an
 * incoming call ringing there (or, for a call already answered, a transfer); one from a desk phone
 * to an outside number is a click-to-call's second leg. {@code DialEnd} with {@code ANSWER} is the
 * answer, the {@code Hangup} of the first channel the end, {@code MIXMONITOR_FILENAME} the recording,
 * {@code BlindTransfer} and {@code AttendedTransfer} a move to another desk.
 */
class AmiCallTracker {

  /** The channels of one call Voronka may act on: the client's (to redirect) and the desk's (to spy on). */
  record Channels(String client, String desk) {}

  private final CallJournal journal;
  private final Predicate<String> isDesk;
  private final Map<String, Channels> channels = new ConcurrentHashMap<>();

  private final Clock clock;

  AmiCallTracker(CallJournal journal, Predicate<String> isDesk, Clock clock) {
    this.clock = clock;
    this.journal = journal;
    this.isDesk = isDesk;
  }

  /** The call an event belongs to, or null for events that tell nothing about calls Voronka follows. */
  static String linkedIdOf(ManagerEvent event) {
    if (event instanceof NewChannelEvent e) {
      return e.getLinkedid();
    } else if (event instanceof DialBeginEvent e) {
      return e.getLinkedId();
    } else if (event instanceof DialEndEvent e) {
      return e.getLinkedId();
    } else if (event instanceof HangupEvent e) {
      return e.getLinkedId();
    } else if (event instanceof VarSetEvent e && "MIXMONITOR_FILENAME".equals(e.getVariable())) {
      return e.getLinkedId();
    } else if (event instanceof BlindTransferEvent e) {
      return e.getTransfereeLinkedId();
    } else if (event instanceof AttendedTransferEvent e) {
      return e.getOrigTransfererLinkedId();
    }
    return null;
  }

  /** On the reading thread, before the call's worker gets to it: a ringing desk's card pops (TEL-4). */
  void popAhead(ManagerEvent event, java.util.function.Function<String, Optional<String>> userAtDesk) {
    if (event instanceof DialBeginEvent e && e.getLinkedId() != null) {
      desk(e.getDestChannel()).ifPresent(desk -> userAtDesk.apply(desk)
          .ifPresent(user -> journal.popAhead(e.getLinkedId(), e.getCallerIdNum(), desk, user)));
    }
  }

  /**
   * The channels of each call, kept on every node — the one handling the events and the others —
   * for Redirect, Hangup and ChanSpy from here.
   */
  void observe(ManagerEvent event) {
    if (event instanceof NewChannelEvent e && e.getUniqueId() != null && e.getUniqueId().equals(e.getLinkedid())) {
      channels.put(e.getLinkedid(), new Channels(e.getChannel(), null));
    } else if (event instanceof DialBeginEvent e && e.getLinkedId() != null) {
      if (desk(e.getDestChannel()).isPresent()) { // the client's channel rings a desk
        channels.compute(e.getLinkedId(), (k, c) -> new Channels(c == null ? e.getChannel() : c.client(), e.getDestChannel()));
      } else if (desk(e.getChannel()).isPresent()) { // the desk dials the client
        channels.put(e.getLinkedId(), new Channels(e.getDestChannel(), e.getChannel()));
      }
    } else if (event instanceof HangupEvent e && e.getUniqueId() != null && e.getUniqueId().equals(e.getLinkedId())) {
      channels.remove(e.getLinkedId());
    }
  }

  /** On the node that handles the events: the channels, then the journal. */
  void on(ManagerEvent event) {
    observe(event);
    if (event instanceof DialBeginEvent e && e.getLinkedId() != null) {
      dialBegin(e);
    } else if (event instanceof DialEndEvent e && "ANSWER".equalsIgnoreCase(e.getDialStatus()) && e.getLinkedId() != null) {
      String desk = desk(e.getDestChannel()).or(() -> desk(e.getChannel())).orElse(null);
      journal.answered(e.getLinkedId(), desk, clock.instant());
    } else if (event instanceof HangupEvent e && e.getUniqueId() != null && e.getUniqueId().equals(e.getLinkedId())) {
      journal.ended(e.getLinkedId(), clock.instant());
    } else if (event instanceof VarSetEvent e && "MIXMONITOR_FILENAME".equals(e.getVariable()) && e.getLinkedId() != null) {
      journal.recorded(e.getLinkedId(), e.getValue());
    } else if (event instanceof BlindTransferEvent e && e.getTransfereeLinkedId() != null && isDesk.test(e.getExtension())) {
      journal.transferred(e.getTransfereeLinkedId(), e.getExtension());
    } else if (event instanceof AttendedTransferEvent e && e.getOrigTransfererLinkedId() != null) {
      // the manager consulted a colleague, then joined the client to them
      desk(e.getTransferTargetChannel()).ifPresent(desk -> journal.transferred(e.getOrigTransfererLinkedId(), desk));
    }
  }

  /**
   * After a reconnect or a takeover from a node that went away: the calls as {@code CoreShowChannels}
   * lists them now. Whatever happened meanwhile was told to nobody, so a desk still ringing with a
   * client's call is rung in the journal — its card pops (TEL-4), unless it popped already — and a
   * desk talking has its call answered there (a call that moved to it meanwhile is transferred).
   * Each call's step goes to {@code onCall}, to stay in order with the call's own events. Returns
   * the Linkedids alive.
   */
  Set<String> resume(List<CoreShowChannelEvent> now, BiConsumer<String, Runnable> onCall) {
    Map<String, List<CoreShowChannelEvent>> byCall = now.stream().filter(c -> c.getLinkedid() != null)
        .collect(Collectors.groupingBy(CoreShowChannelEvent::getLinkedid));
    byCall.forEach((linkedId, legs) -> {
      Optional<CoreShowChannelEvent> client = legs.stream().filter(c -> linkedId.equals(c.getUniqueid())).findFirst();
      for (CoreShowChannelEvent leg : legs) {
        Optional<String> desk = linkedId.equals(leg.getUniqueid()) ? Optional.empty() : desk(leg.getChannel());
        if (desk.isEmpty()) {
          continue; // the client's own channel, a trunk, or a click-to-call's first leg (the desk itself)
        }
        channels.put(linkedId, new Channels(client.map(CoreShowChannelEvent::getChannel).orElse(null), leg.getChannel()));
        String number = client.map(CoreShowChannelEvent::getCallerIdNum).orElse(leg.getConnectedLineNum());
        if (Integer.valueOf(5).equals(leg.getChannelState())) { // AST_STATE_RINGING
          onCall.accept(linkedId, () -> journal.ringing(linkedId, Direction.INCOMING, number, desk.get(), clock.instant()));
        } else if (Integer.valueOf(6).equals(leg.getChannelState())) { // AST_STATE_UP: rung (or moved) there, then answered
          onCall.accept(linkedId, () -> {
            journal.ringing(linkedId, Direction.INCOMING, number, desk.get(), clock.instant());
            journal.answered(linkedId, desk.get(), clock.instant());
          });
        }
      }
    });
    return byCall.keySet();
  }

  private void dialBegin(DialBeginEvent e) {
    String linkedId = e.getLinkedId();
    Optional<String> toDesk = desk(e.getDestChannel());
    if (toDesk.isPresent()) { // a client rings a desk (or is passed on to the next one)
      journal.ringing(linkedId, Direction.INCOMING, e.getCallerIdNum(), toDesk.get(), clock.instant());
      return;
    }
    Optional<String> fromDesk = desk(e.getChannel());
    if (fromDesk.isPresent()) { // click-to-call: the desk picked up, the client's number is dialled
      String number = e.getDestExten() != null && !e.getDestExten().isBlank() && !"s".equals(e.getDestExten())
          ? e.getDestExten() : e.getDestCallerIdNum();
      journal.ringing(linkedId, Direction.OUTGOING, number, fromDesk.get(), clock.instant());
    }
  }

  /** "PJSIP/101-0000001a" → "101" when 101 is a desk phone of an employee. */
  Optional<String> desk(String channel) {
    if (channel == null) {
      return Optional.empty();
    }
    int slash = channel.indexOf('/');
    int dash = channel.lastIndexOf('-');
    String endpoint = channel.substring(slash + 1, dash > slash ? dash : channel.length());
    return isDesk.test(endpoint) ? Optional.of(endpoint) : Optional.empty();
  }

  Optional<Channels> channelsOf(String linkedId) {
    return Optional.ofNullable(channels.get(linkedId));
  }
}
