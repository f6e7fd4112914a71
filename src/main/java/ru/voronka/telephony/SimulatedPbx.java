package ru.voronka.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's PBX: the softphone page ({@code /simulator/phone}) plays the client and the desk
 * phones, and every step reaches {@link CallJournal} exactly as the AMI adapter reports a real
 * Asterisk's events. Incoming calls follow {@link CallRouting}; «Не берут» moves on to the next
 * target as the dialplan does after three rings.
 */
public class SimulatedPbx implements Pbx {

  private static final Logger log = LoggerFactory.getLogger(SimulatedPbx.class);

  /** One call in progress: who rings now, and who is next. */
  public record Line(String key, CallDirection direction, String clientNumber, List<CallRouting.Target> targets, int at,
      boolean answered, Instant since) {

    public CallRouting.Target ringing() {
      return at < targets.size() ? targets.get(at) : null;
    }
  }

  private final CallJournal journal;
  private final CallRouting routing;
  private final Map<String, Line> lines = new ConcurrentHashMap<>();

  private final Clock clock;

  SimulatedPbx(CallJournal journal, CallRouting routing, Clock clock) {
    this.clock = clock;
    this.journal = journal;
    this.routing = routing;
  }

  public List<Line> lines() {
    return new ArrayList<>(lines.values());
  }

  /** The client dials the company. */
  public String call(String clientNumber) {
    String key = "sim-" + UUID.randomUUID();
    CallRouting.Route route = routing.route(clientNumber);
    Line line = new Line(key, CallDirection.INCOMING, clientNumber, route.targets(), 0, false, clock.instant());
    lines.put(key, line);
    journal.routed(key, route.summary());
    ring(line);
    return key;
  }

  /** Nobody picked up within the rings, or the manager passed the call on: the next target rings. */
  public void next(String key) {
    Line line = lines.get(key);
    if (line == null || line.answered()) {
      return;
    }
    Line moved = new Line(key, line.direction(), line.clientNumber(), line.targets(), line.at() + 1, false, line.since());
    if (moved.ringing() == null) {
      hangUp(key); // nobody left: the caller hears the end, the journal a missed call
      return;
    }
    lines.put(key, moved);
    ring(moved);
  }

  /** The line's current target rings: a desk by its extension, a mobile (TEL-7) as its owner's. */
  private void ring(Line line) {
    CallRouting.Target target = line.ringing();
    java.util.Optional<String> mobile = target == null ? java.util.Optional.empty() : CallRouting.Target.mobileOf(target.dial());
    if (mobile.isPresent()) {
      journal.ringingOnMobile(line.key(), line.direction(), line.clientNumber(), mobile.get(), clock.instant());
    } else {
      journal.ringing(line.key(), line.direction(), line.clientNumber(), extensionOf(line), clock.instant());
    }
  }

  public void answer(String key) {
    Line line = lines.get(key);
    if (line != null && !line.answered()) {
      lines.put(key, new Line(key, line.direction(), line.clientNumber(), line.targets(), line.at(), true, line.since()));
      journal.answered(key, extensionOf(line), clock.instant());
    }
  }

  public void hangUp(String key) {
    if (lines.remove(key) != null) {
      journal.ended(key, clock.instant());
    }
  }

  @Override
  public void originate(String extension, String clientNumber) {
    PbxArguments.extension(extension);
    PbxArguments.clientNumber(clientNumber);
    String key = "sim-" + UUID.randomUUID();
    lines.put(key, new Line(key, CallDirection.OUTGOING, clientNumber,
        List.of(new CallRouting.Target("PJSIP/" + extension, extension, null, "доб. " + extension)), 0, false, clock.instant()));
    journal.ringing(key, CallDirection.OUTGOING, clientNumber, extension, clock.instant());
  }

  @Override
  public void redirect(String callKey, String extension) {
    PbxArguments.extension(extension);
    Line line = lines.get(callKey);
    if (line == null) {
      throw new PbxException("Звонок уже закончился", null);
    }
    List<CallRouting.Target> targets = new ArrayList<>(line.targets());
    targets.add(line.at() + 1, new CallRouting.Target("PJSIP/" + extension, extension, null, "доб. " + extension));
    lines.put(callKey, new Line(callKey, line.direction(), line.clientNumber(), targets, line.at() + 1, line.answered(),
        line.since()));
    journal.transferred(callKey, extension);
  }

  @Override
  public void pass(String callKey) {
    next(callKey);
  }

  @Override
  public void spy(String supervisorExtension, String callKey, SpyMode mode) {
    PbxArguments.extension(supervisorExtension);
    if (!lines.containsKey(callKey)) {
      throw new PbxException("Звонок уже закончился", null);
    }
    log.info("Simulated {}: extension {} joins {}", mode, supervisorExtension, callKey);
  }

  private static String extensionOf(Line line) {
    CallRouting.Target target = line.ringing();
    return target == null ? null : target.extension();
  }
}
