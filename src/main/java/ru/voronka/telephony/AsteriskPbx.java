package ru.voronka.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.FilterAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asterisk over the Manager Interface (asterisk-java). Events feed {@link AmiCallTracker}; actions
 * are Originate (click-to-call: the desk phone first, then the dialplan dials the client), Redirect
 * (transfer) and an Originate into {@code ChanSpy} (listen, whisper {@code w}, barge {@code B}).
 * asterisk-java reconnects by itself; after every (re)login, and when this node takes the link over
 * from one that went away, {@code CoreShowChannels} tells what is going on: a desk still ringing
 * pops its card, a call that ended while nobody listened is closed.
 */
public class AsteriskPbx implements Pbx, ManagerEventListener, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AsteriskPbx.class);
  private static final long ACTION_TIMEOUT_MS = 10_000;

  private final TelephonyProperties properties;
  private final CallJournal journal;
  private final AmiCallTracker tracker;
  private final java.util.function.Function<String, java.util.Optional<String>> userAtDesk;
  private final AmiOwnership ownership;
  private final CallDetailRecords cdrs;
  /** When this node last heard from Asterisk: where the journal's rebuild starts after the link comes back. */
  private volatile Instant lastHeard;
  /** Device states as Asterisk reports them (PJSIP/101 → NOT_INUSE, INUSE, RINGING, UNAVAILABLE…). */
  private final java.util.Map<String, String> devices = new java.util.concurrent.ConcurrentHashMap<>();
  private final ManagerConnection connection;
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "voronka-ami");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean running;
  private final java.util.concurrent.ScheduledExecutorService owning = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "voronka-ami-owner");
    thread.setDaemon(true);
    return thread;
  });
  /**
   * As many journal workers as cores, no more: the card pops on asterisk-java's dispatch thread, and
   * every extra busy worker takes CPU from it (ScreenPopBench on 2 cores: 8 workers p99 983 ms, 2
   * workers 132 ms). The journal may lag a burst by a second; the card may not.
   */
  private static final int STRIPES = Math.max(2, Runtime.getRuntime().availableProcessors());
  private final ExecutorService[] stripes = new ExecutorService[STRIPES];

  private final Clock clock;

  AsteriskPbx(TelephonyProperties properties, CallJournal journal, Predicate<String> isDesk,
      java.util.function.Function<String, java.util.Optional<String>> userAtDesk, AmiOwnership ownership, CallDetailRecords cdrs,
      Clock clock) {
    this.clock = clock;
    this.cdrs = cdrs;
    this.userAtDesk = userAtDesk;
    this.ownership = ownership;
    this.properties = properties;
    this.journal = journal;
    this.tracker = new AmiCallTracker(journal, isDesk, clock);
    TelephonyProperties.Ami ami = properties.ami();
    this.connection = new ManagerConnectionFactory(ami.host(), ami.port(), ami.username(), ami.secret()).createManagerConnection();
    connection.addEventListener(this);
    connection.registerUserEventClass(DeviceStateListCompleteEvent.class);
    connection.registerUserEventClass(DeviceStateEvent.class);
    for (int i = 0; i < STRIPES; i++) {
      int n = i;
      stripes[i] = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "voronka-ami-calls-" + n);
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /**
   * asterisk-java hands events over on one thread; each call's events go on, in order, to one of
   * {@link #STRIPES} workers chosen by its Linkedid, so that many calls ringing at once are written
   * to the journal side by side.
   */
  @Override
  public void onManagerEvent(ManagerEvent event) {
    if (event instanceof ConnectEvent) {
      Instant silentSince = lastHeard;
      lastHeard = clock.instant();
      background.submit(() -> reconcile(silentSince)); // not on asterisk-java's dispatch thread: it would wait for itself
      return;
    }
    if (event instanceof DisconnectEvent) {
      lastHeard = clock.instant();
      return;
    }
    lastHeard = clock.instant();
    if (event instanceof DeviceStateChangeEvent e && e.getDevice() != null) { // a change, or an item of DeviceStateList
      devices.put(e.getDevice(), e.getState() == null ? "UNKNOWN" : e.getState());
      return;
    }
    if (event instanceof OriginateResponseEvent e) {
      if (ownership.isOwner() && !e.isSuccess()) {
        originateFailed(e);
      }
      return;
    }
    String linkedId = AmiCallTracker.linkedIdOf(event);
    if (linkedId == null) {
      return;
    }
    if (!ownership.isOwner()) { // another node handles the events; this one only keeps the channels for its actions
      tracker.observe(event);
      return;
    }
    try {
      tracker.popAhead(event, userAtDesk);
    } catch (RuntimeException e) {
      log.warn("Screen pop of call {} failed: {}", linkedId, e.getMessage());
    }
    inOrder(linkedId, () -> tracker.on(event));
  }

  /** A step of one call, on the call's worker: after the call's earlier steps, before its later ones. */
  private void inOrder(String linkedId, Runnable step) {
    stripes[Math.floorMod(linkedId.hashCode(), STRIPES)].execute(() -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        log.error("A step of call {} not taken: {}", linkedId, e.getMessage(), e);
      }
    });
  }

  /**
   * Only the events the tracker reads: a busy Asterisk writes dozens per call (Newexten, every
   * VarSet…), and asterisk-java parses each on one thread. AMI filters (Asterisk 13+) whitelist by
   * regular expression, any one matching.
   */
  static final List<String> FILTERS = List.of("Event: Newchannel", "Event: DialBegin", "Event: DialEnd", "Event: Hangup",
      "Event: BlindTransfer", "Event: AttendedTransfer", "Event: DeviceStateChange", "Event: OriginateResponse",
      "Variable: MIXMONITOR_FILENAME");

  /** Rebuilding after an outage reaches back at most this far (a node off for a week does not replay the week). */
  static final java.time.Duration REBUILD_AT_MOST = java.time.Duration.ofDays(1);

  /**
   * After every (re)login and on taking the link over from another node: the event filter, then what
   * Asterisk knows now — the device states ({@code DeviceStateList}: a desk that re-registered
   * meanwhile rings again, and after a restart no desk is unknown), the calls going on
   * ({@code CoreShowChannels}: a desk still ringing pops its card, a desk talking has its call
   * answered when it really was), and the calls that ended while nobody listened (Asterisk's CDRs
   * since {@code silentSince} — this node's last word from Asterisk, else the journal's — rebuild
   * them: answered, missed, where and when). A call the journal holds open that neither lists ends
   * as unknown, never as missed.
   */
  void reconcile(Instant silentSince) {
    if (!ownership.check()) {
      return; // the owner reconciles
    }
    for (String filter : FILTERS) {
      try {
        connection.sendAction(new FilterAction(filter), ACTION_TIMEOUT_MS);
      } catch (Exception e) {
        log.warn("AMI filter «{}» not set: {}", filter, e.getMessage());
      }
    }
    try { // each DeviceStateChange of the list reaches onManagerEvent before the list's end
      connection.sendEventGeneratingAction(new DeviceStateListAction(), ACTION_TIMEOUT_MS);
    } catch (Exception e) {
      log.warn("Device states not listed (is res_manager_devicestate loaded?): {}", e.getMessage());
    }
    try {
      ResponseEvents answer = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), ACTION_TIMEOUT_MS);
      Set<String> alive = tracker.resume(answer.getEvents().stream().filter(CoreShowChannelEvent.class::isInstance)
          .map(CoreShowChannelEvent.class::cast).toList(), this::inOrder);
      Instant now = clock.instant();
      List<String> open = journal.unfinishedKeys().stream().filter(key -> !key.startsWith("sim-")).filter(key -> !alive.contains(key))
          .toList();
      Instant since = java.util.stream.Stream.of(java.util.Optional.ofNullable(silentSince), journal.lastHeard())
          .flatMap(java.util.Optional::stream).min(Instant::compareTo).orElse(now);
      since = since.isBefore(now.minus(REBUILD_AT_MOST)) ? now.minus(REBUILD_AT_MOST) : since;
      Set<String> recorded = tracker.replay(cdrs.endedSince(since, open).stream().filter(r -> !alive.contains(r.linkedId()))
          .toList(), this::inOrder);
      open.stream().filter(key -> !recorded.contains(key)).forEach(key -> inOrder(key, () -> journal.endedUnheard(key, now)));
    } catch (Exception e) {
      log.warn("Could not reconcile calls after connecting to Asterisk: {}", e.getMessage());
    }
  }

  /** A click-to-call whose desk never picked up (Reason 3), was busy (5) or unreachable: journaled as such. */
  private void originateFailed(OriginateResponseEvent e) {
    String key = e.getActionId();
    if (key == null || !key.startsWith(ORIGINATE)) {
      return; // not one of ours (a spy's Originate, another program's)
    }
    java.util.Optional<String> desk = tracker.desk(e.getChannel());
    if (desk.isEmpty()) {
      return;
    }
    Instant at = clock.instant();
    Instant started = originatedAt(key).orElse(at);
    String number = e.getExten() != null && e.getExten().matches("[0-9]+") ? "+" + e.getExten() : e.getCallerIdNum();
    String reason = switch (e.getReason() == null ? 0 : e.getReason()) {
      case 3 -> "вы не сняли трубку";
      case 5 -> "ваш телефон занят";
      case 8 -> "АТС перегружена, попробуйте ещё раз";
      default -> "ваш телефон недоступен";
    };
    inOrder(key, () -> journal.notConnected(key, desk.get(), number, started, at, reason));
  }

  /** Our Originates carry an ActionID «originate-<epoch ms>-<n>»: the click's moment, known to every node. */
  static final String ORIGINATE = "originate-";
  private final java.util.concurrent.atomic.AtomicLong originates = new java.util.concurrent.atomic.AtomicLong();

  private static java.util.Optional<Instant> originatedAt(String actionId) {
    String[] parts = actionId.substring(ORIGINATE.length()).split("-");
    return parts.length == 3 && parts[0].matches("[0-9]{1,19}") ? java.util.Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[0])))
        : java.util.Optional.empty();
  }

  @Override
  public void originate(String extension, String clientNumber) {
    String desk = PbxArguments.extension(extension);
    String number = PbxArguments.clientNumber(clientNumber);
    OriginateAction originate = new OriginateAction();
    originate.setChannel("PJSIP/" + desk);
    originate.setContext(properties.context());
    originate.setExten(number.substring(1)); // digits: the dialplan matches _X.
    originate.setPriority(1);
    originate.setCallerId(number);
    originate.setTimeout(30_000L);
    originate.setAsync(true);
    originate.setVariable("VORONKA_CLIENT", number);
    // Asterisk sends OriginateResponse to every session with this ActionID: any node can tell whose click it was
    originate.setActionId(ORIGINATE + clock.millis() + "-" + Integer.toHexString(System.identityHashCode(this)) + "-"
        + originates.incrementAndGet());
    send(originate);
  }

  @Override
  public void redirect(String callKey, String extension) {
    String desk = PbxArguments.extension(extension);
    AmiCallTracker.Channels channels = tracker.channelsOf(callKey)
        .orElseThrow(() -> new PbxException("Звонок уже закончился", null));
    send(new RedirectAction(PbxArguments.oneLine(channels.client()), properties.context(), desk, 1));
  }

  /** Rejects the ringing desk's leg (cause 21, call rejected): Dial returns and the dialplan rings the next target. */
  @Override
  public void pass(String callKey) {
    AmiCallTracker.Channels channels = tracker.channelsOf(callKey).filter(c -> c.desk() != null)
        .orElseThrow(() -> new PbxException("Звонок уже не звонит", null));
    send(new HangupAction(PbxArguments.oneLine(channels.desk()), 21));
  }

  /** A desk whose device Asterisk reports unavailable or invalid cannot ring; one never reported is tried. */
  @Override
  public boolean isReachable(String extension) {
    String state = devices.get("PJSIP/" + extension);
    return state == null || !(state.equals("UNAVAILABLE") || state.equals("INVALID"));
  }

  @Override
  public void spy(String supervisorExtension, String callKey, SpyMode mode) {
    String supervisor = PbxArguments.extension(supervisorExtension);
    AmiCallTracker.Channels channels = tracker.channelsOf(callKey).filter(c -> c.desk() != null)
        .orElseThrow(() -> new PbxException("Менеджер ещё не на линии", null));
    String deskChannel = PbxArguments.oneLine(channels.desk());
    String desk = deskChannel.contains("-") ? deskChannel.substring(0, deskChannel.lastIndexOf('-')) : deskChannel;
    OriginateAction spy = new OriginateAction();
    spy.setChannel("PJSIP/" + supervisor);
    spy.setApplication("ChanSpy");
    spy.setData(desk + ",q" + switch (mode) {
      case LISTEN -> "";
      case WHISPER -> "w";
      case BARGE -> "B";
    });
    spy.setCallerId(mode.title());
    spy.setTimeout(30_000L);
    spy.setAsync(true);
    send(spy);
  }

  private void send(ManagerAction action) {
    try {
      ManagerResponse response = connection.sendAction(action, ACTION_TIMEOUT_MS);
      if (response instanceof ManagerError error) {
        throw new PbxException(error.getMessage(), null);
      }
    } catch (PbxException e) {
      throw e;
    } catch (Exception e) {
      throw new PbxException("Asterisk недоступен: " + e.getMessage(), e);
    }
  }

  public boolean isConnected() {
    return connection.getState() == ManagerConnectionState.CONNECTED;
  }

  /** Logs in in the background, again and again until Asterisk answers; from then on asterisk-java keeps the link. */
  @Override
  public void start() {
    running = true;
    ownership.check();
    owning.scheduleWithFixedDelay(() -> {
      boolean was = ownership.isOwner();
      if (ownership.check() && !was && isConnected()) {
        reconcile(null); // took over from a node that went away: the journal's last word is where the rebuild starts
      }
    }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    background.submit(() -> {
      while (running && connection.getState() != ManagerConnectionState.CONNECTED) {
        try {
          connection.login();
          log.info("Connected to Asterisk AMI at {}:{}", properties.ami().host(), properties.ami().port());
        } catch (Exception e) {
          log.warn("Asterisk AMI at {}:{} not reachable ({}); trying again in 5 s", properties.ami().host(),
              properties.ami().port(), e.getMessage());
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    });
  }

  @Override
  public void stop() {
    running = false;
    owning.shutdownNow();
    ownership.close();
    try {
      connection.logoff();
    } catch (RuntimeException e) {
      log.debug("AMI logoff: {}", e.getMessage());
    }
    background.shutdownNow();
    for (ExecutorService stripe : stripes) {
      stripe.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
