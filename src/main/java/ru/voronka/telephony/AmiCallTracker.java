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
   * lists them now. Whatever happened meanwhile was told to nobody, so a desk (or a manager's
   * mobile) still ringing with a client's call is rung in the journal — its card pops (TEL-4), unless
   * it popped already — and one talking has its call answered there (a call that moved to it
   * meanwhile is transferred). Times come from Asterisk, not from the reconnect: a channel's
   * {@code Duration} is the time since it was created, so the call began when the client's channel
   * was created, and was answered no earlier than the answering leg was created (for a desk leg that
   * is when it began to ring: at most the ring time early). Each call's step goes to {@code onCall},
   * to stay in order with the call's own events. Returns the Linkedids alive.
   */
  Set<String> resume(List<CoreShowChannelEvent> now, BiConsumer<String, Runnable> onCall) {
    Instant at = clock.instant();
    Map<String, List<CoreShowChannelEvent>> byCall = now.stream().filter(c -> c.getLinkedid() != null)
        .collect(Collectors.groupingBy(CoreShowChannelEvent::getLinkedid));
    byCall.forEach((linkedId, legs) -> {
      Optional<CoreShowChannelEvent> client = legs.stream().filter(c -> linkedId.equals(c.getUniqueid())).findFirst();
      Instant began = client.map(c -> created(c, at)).orElse(at);
      Optional<String> fromDesk = client.flatMap(c -> desk(c.getChannel()));
      for (CoreShowChannelEvent leg : legs) {
        if (linkedId.equals(leg.getUniqueid())) {
          continue; // the client's own channel (or, for a click-to-call, the desk that called)
        }
        boolean up = Integer.valueOf(6).equals(leg.getChannelState()); // AST_STATE_UP: rung (or moved) there, then answered
        boolean ringing = Integer.valueOf(5).equals(leg.getChannelState()); // AST_STATE_RINGING
        Instant answered = created(leg, at);
        Optional<String> desk = desk(leg.getChannel());
        if (fromDesk.isPresent() && desk.isEmpty()) { // click-to-call: the desk dials the client through a trunk
          String number = client.map(CoreShowChannelEvent::getExtension).orElse(leg.getCallerIdNum());
          channels.put(linkedId, new Channels(leg.getChannel(), client.get().getChannel()));
          onCall.accept(linkedId, () -> {
            journal.ringing(linkedId, CallDirection.OUTGOING, number, fromDesk.get(), began);
            if (up) {
              journal.answered(linkedId, fromDesk.get(), answered);
            }
          });
          continue;
        }
        String number = client.map(CoreShowChannelEvent::getCallerIdNum).orElse(leg.getConnectedLineNum());
        if (desk.isPresent()) {
          channels.put(linkedId, new Channels(client.map(CoreShowChannelEvent::getChannel).orElse(null), leg.getChannel()));
          if (ringing || up) {
            onCall.accept(linkedId, () -> {
              journal.ringing(linkedId, CallDirection.INCOMING, number, desk.get(), began);
              if (up) {
                journal.answered(linkedId, desk.get(), answered);
              }
            });
          }
          continue;
        }
        // TEL-7: the client's channel runs Dial(PJSIP/<mobile>@<trunk>,…): that leg is a manager's mobile
        Optional<String> mobile = client.filter(c -> "Dial".equalsIgnoreCase(c.getApplication()))
            .flatMap(c -> CallRouting.Target.mobileOf(firstArgument(c.getApplicationdata())));
        if (mobile.isPresent() && (ringing || up)) {
          onCall.accept(linkedId, () -> {
            journal.ringingOnMobile(linkedId, CallDirection.INCOMING, number, mobile.get(), began);
            if (up) {
              journal.answered(linkedId, null, answered);
            }
          });
        }
      }
    });
    return byCall.keySet();
  }

  /** When Asterisk created the channel: now less its {@code Duration} (HH:MM:SS). */
  static Instant created(CoreShowChannelEvent channel, Instant now) {
    String duration = channel.getDuration();
    if (duration == null || !duration.matches("\\d+:\\d{2}:\\d{2}")) {
      return now;
    }
    String[] hms = duration.split(":");
    return now.minusSeconds(Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]));
  }

  private static String firstArgument(String applicationData) {
    return applicationData == null ? null : applicationData.split(",", 2)[0];
  }

  /**
   * The calls that ended while nobody listened, rebuilt from Asterisk's CDRs: per call (Linkedid), in
   * the order Asterisk dialled, each desk or mobile that rang — and the one that answered, at the
   * CDR's answer time — then the end. The journal's steps are idempotent, so records of calls it
   * already holds change nothing. Returns the Linkedids the CDRs told about.
   */
  Set<String> replay(List<CallDetailRecords.Cdr> records, BiConsumer<String, Runnable> onCall) {
    Map<String, List<CallDetailRecords.Cdr>> byCall = records.stream().filter(r -> r.linkedId() != null && r.end() != null)
        .collect(Collectors.groupingBy(CallDetailRecords.Cdr::linkedId, java.util.LinkedHashMap::new, Collectors.toList()));
    byCall.forEach((linkedId, legs) -> onCall.accept(linkedId, () -> {
      for (CallDetailRecords.Cdr leg : legs) {
        Optional<String> toDesk = desk(leg.dstChannel());
        Optional<String> fromDesk = desk(leg.channel());
        Optional<String> mobile = "Dial".equalsIgnoreCase(leg.lastApp()) ? CallRouting.Target.mobileOf(firstArgument(leg.lastData()))
            : Optional.empty();
        if (toDesk.isPresent() && fromDesk.isEmpty()) {
          journal.ringing(linkedId, CallDirection.INCOMING, leg.src(), toDesk.get(), leg.start());
          if (leg.answer() != null) {
            journal.answered(linkedId, toDesk.get(), leg.answer());
          }
        } else if (fromDesk.isPresent() && leg.dstChannel() != null && !leg.dstChannel().isBlank() && toDesk.isEmpty()) {
          journal.ringing(linkedId, CallDirection.OUTGOING, leg.dst(), fromDesk.get(), leg.start());
          if (leg.answer() != null) {
            journal.answered(linkedId, fromDesk.get(), leg.answer());
          }
        } else if (mobile.isPresent() && fromDesk.isEmpty()) {
          journal.ringingOnMobile(linkedId, CallDirection.INCOMING, leg.src(), mobile.get(), leg.start());
          if (leg.answer() != null) {
            journal.answered(linkedId, null, leg.answer());
          }
        }
      }
      legs.stream().map(CallDetailRecords.Cdr::end).max(Instant::compareTo).ifPresent(end -> journal.ended(linkedId, end));
    }));
    return byCall.keySet();
  }

  private void dialBegin(DialBeginEvent e) {
    String linkedId = e.getLinkedId();
    Optional<String> toDesk = desk(e.getDestChannel());
    if (toDesk.isPresent()) { // a client rings a desk (or is passed on to the next one)
      journal.ringing(linkedId, CallDirection.INCOMING, e.getCallerIdNum(), toDesk.get(), clock.instant());
      return;
    }
    Optional<String> fromDesk = desk(e.getChannel());
    if (fromDesk.isPresent()) { // click-to-call: the desk picked up, the client's number is dialled
      journal.ringing(linkedId, CallDirection.OUTGOING, dialled(e), fromDesk.get(), clock.instant());
      return;
    }
    // TEL-7: a mobile through a carrier's trunk — the leg is named after the trunk, the Dial string names the number
    CallRouting.Target.mobileOf(e.getDialString()).ifPresent(mobile ->
        journal.ringingOnMobile(linkedId, CallDirection.INCOMING, e.getCallerIdNum(), mobile, clock.instant()));
  }

  /** The client's number a desk dials: the Dial string's number ({@code 79126007080@trunk}), else the dialplan's exten. */
  private static String dialled(DialBeginEvent e) {
    String dialString = e.getDialString();
    if (dialString != null && dialString.contains("@")) {
      return dialString.substring(0, dialString.indexOf('@'));
    }
    return e.getExten() != null && !e.getExten().isBlank() && !"s".equals(e.getExten()) ? e.getExten() : e.getDestCallerIdNum();
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
