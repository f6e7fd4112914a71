package ru.voronka.sms.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.voronka.platform.RussianFormats;
import ru.voronka.sms.SmsPort.SmsNotSentException;
import ru.voronka.sms.SmsProperties;

/**
 * The transceiver bind, kept up by the application rather than by the next SMS: bound at start,
 * enquire_link while idle (jSMPP sends it after {@code enquireLink} of silence and closes the
 * session when it goes unanswered), rebound after a drop with a back-off from {@code reconnectMin}
 * doubling to {@code reconnectMax} — so receipts never wait at the gateway for a bind. A refused
 * SMS or a slow reply leaves the bind alone.
 */
final class SmppLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

  private final SmsProperties.Smpp smpp;
  private final MessageReceiverListener receiver;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  private volatile GatewaySession session;
  private volatile boolean stopped;
  private volatile String problem = "подключается";
  private volatile Instant since;
  private volatile Instant nextAttempt;
  private Duration backOff;

  SmppLink(SmsProperties.Smpp smpp, MessageReceiverListener receiver, Clock clock) {
    this.smpp = smpp;
    this.receiver = receiver;
    this.clock = clock;
    this.backOff = smpp.reconnectMin();
    this.since = clock.instant();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "smpp-link-" + smpp.host() + ":" + smpp.port());
      thread.setDaemon(true);
      return thread;
    });
  }

  void start() {
    scheduler.execute(this::bind);
  }

  /** The bound session, or a retryable refusal naming why there is none. */
  GatewaySession bound() {
    GatewaySession current = session;
    if (current == null || !current.getSessionState().isTransmittable()) {
      throw new SmsNotSentException("SMS-шлюз не подключён: " + problem, null, true);
    }
    return current;
  }

  boolean isBound() {
    GatewaySession current = session;
    return current != null && current.getSessionState().isBound();
  }

  /** One line for administrators: bound since when, or down since when, why, and the next attempt. */
  String describe() {
    String where = "SMPP-шлюз " + smpp.host() + ":" + smpp.port() + " (" + smpp.systemId() + "): ";
    if (isBound()) {
      return where + "подключён с " + RussianFormats.dateTime(since);
    }
    Instant next = nextAttempt;
    return where + "нет связи с " + RussianFormats.dateTime(since) + " — " + problem
        + (next == null || stopped ? "" : "; следующая попытка в " + RussianFormats.dateTime(next));
  }

  private void bind() {
    if (stopped || isBound()) {
      return;
    }
    GatewaySession fresh = new GatewaySession(smpp.timeout());
    fresh.setTransactionTimer(smpp.timeout().toMillis());
    fresh.setEnquireLinkTimer((int) smpp.enquireLink().toMillis());
    fresh.setMessageReceiverListener(receiver);
    try {
      fresh.connectAndBind(smpp.host(), smpp.port(), new BindParameter(BindType.BIND_TRX, smpp.systemId(), smpp.password(),
          smpp.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), smpp.timeout().toMillis());
      fresh.addSessionStateListener((now, before, source) -> {
        if (now == SessionState.CLOSED && source == session) {
          dropped();
        }
      });
      session = fresh;
      since = clock.instant();
      backOff = smpp.reconnectMin();
      nextAttempt = null;
      log.info("SMPP bind to {}:{} up", smpp.host(), smpp.port());
      if (!fresh.getSessionState().isBound()) {
        dropped(); // closed between the bind and the listener
      }
    } catch (IOException e) {
      fresh.close();
      failed(reason(e));
    }
  }

  private void dropped() {
    session = null;
    if (!stopped) {
      since = clock.instant();
      log.warn("SMPP bind to {}:{} lost; rebinding", smpp.host(), smpp.port());
      problem = "соединение разорвано";
      retryLater();
    }
  }

  private void failed(String reason) {
    if (!problem.equals(reason)) {
      since = clock.instant();
    }
    problem = reason;
    log.warn("SMPP bind to {}:{} failed: {}; next attempt in {}", smpp.host(), smpp.port(), reason, backOff);
    retryLater();
  }

  private synchronized void retryLater() {
    if (stopped) {
      return;
    }
    Duration wait = backOff;
    nextAttempt = clock.instant().plus(wait);
    backOff = backOff.multipliedBy(2).compareTo(smpp.reconnectMax()) > 0 ? smpp.reconnectMax() : backOff.multipliedBy(2);
    scheduler.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String reason(IOException e) {
    if (e.getCause() instanceof NegativeResponseException refused) {
      return switch (refused.getCommandStatus()) {
        case 0x0E -> "шлюз не принял пароль";
        case 0x0F -> "шлюз не знает такого system_id";
        case 0x0D -> "шлюз отказал в подключении (код 0x0D)";
        default -> "шлюз отказал в подключении (код 0x" + String.format("%02X", refused.getCommandStatus()) + ")";
      };
    }
    if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
      return "шлюз недоступен (" + e.getMessage() + ")";
    }
    return "ошибка подключения: " + e.getMessage();
  }

  @Override
  public void close() {
    stopped = true;
    scheduler.shutdownNow();
    GatewaySession current = session;
    session = null;
    if (current != null) {
      current.unbindAndClose();
    }
  }
}
