package ru.voronka.sms.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jsmpp.PDUException;
import org.jsmpp.extra.NegativeResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.RussianFormats;
import ru.voronka.sms.SimCards;
import ru.voronka.sms.SmsPort;
import ru.voronka.sms.SmsProperties;
import ru.voronka.sms.SmsReport;
import ru.voronka.sms.smpp.SmsParts.Part;

/**
 * A GSM gateway (GoIP-style, or Kannel in front of modems) over SMPP 3.4 with jSMPP: one
 * transceiver bind kept up by {@link SmppLink}; submit_sm from the SIM of the recipient's carrier,
 * UCS-2, a long text in parts or in message_payload ({@link Segments}), a receipt asked for.
 *
 * <p>Each SMS is sent at most once per reference ({@link SmsParts}): a part the gateway took is
 * never sent again; one it refused for now (0x58 throttling, a full queue) is sent again — at once
 * after a pause while the timeout allows, else on the caller's next attempt; one handed over without
 * an answer may have gone out, so it is sent again only when neither its reply nor a receipt came
 * within {@code lateAnswerWindow}. Whatever comes late still counts: a late reply or receipt is told
 * as an {@link SmsReport}.
 */
public final class SmppSms implements SmsPort, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppSms.class);
  private static final long FIRST_PAUSE = 100;
  private static final long LONGEST_PAUSE = 1_000;

  private final SmsProperties.Smpp smpp;
  private final SimCards sims;
  private final SmsParts parts;
  private final SmppReceipts receipts;
  private final SmppLink link;
  private final Clock clock;
  private final ExecutorService submitters = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "smpp-submit");
    thread.setDaemon(true);
    return thread;
  });
  /** Receipts waiting for their SMS, old rows to forget: not on the link's thread, which may hang in a connect. */
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "smpp-receipts");
    thread.setDaemon(true);
    return thread;
  });
  private final Object throttle = new Object();
  private long pausedUntil;
  private long pause = FIRST_PAUSE;

  public SmppSms(SmsProperties.Smpp smpp, SimCards sims, DataSource dataSource, PlatformTransactionManager transactions,
      Consumer<SmsReport> reports, Clock clock) {
    this.smpp = smpp;
    this.sims = sims;
    this.clock = clock;
    this.parts = new SmsParts(dataSource, transactions, clock);
    this.receipts = new SmppReceipts(parts, reports, clock, smpp.lateAnswerWindow());
    this.link = new SmppLink(smpp, receipts, clock);
  }

  /** Binds now (in the background: a gateway that is down must not hold the application's start). */
  public SmppSms start() {
    link.start();
    housekeeping.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    housekeeping.scheduleWithFixedDelay(this::forget, 1, 60, TimeUnit.MINUTES);
    return this;
  }

  @Override
  public SmsReceipt send(Sms sms) {
    String to = PhoneNumbers.e164(sms.phone());
    if (to == null) {
      throw new SmsNotSentException("Номер «" + sms.phone() + "» не похож на телефон", null, false);
    }
    if (sms.text() == null || sms.text().isBlank()) {
      throw new SmsNotSentException("Пустое SMS не отправляется", null, false);
    }
    String sender = sims.senderFor(to, sms.carrier());
    String reference = sms.reference() != null ? sms.reference() : "sms-" + UUID.randomUUID();
    int count = Segments.count(sms.text(), smpp.longText());
    List<Part> all = parts.open(reference, to.substring(1), count, Math.floorMod(reference.hashCode(), 0xFFFF));
    List<String> ids = new ArrayList<>();
    Part silent = null;
    for (Part part : all) {
      switch (part.state()) {
        case ACCEPTED -> ids.add(part.gatewayId());
        case REJECTED -> throw new SmsNotSentException("SMS-шлюз отказал: " + part.detail(), null, false);
        case UNCERTAIN -> {
          if (clock.instant().isBefore(part.updatedAt().plus(smpp.lateAnswerWindow()))) {
            silent = part; // it may have gone out: its reply or receipt may still come
          } else {
            ids.add(submit(part, sms.text(), sender, to));
          }
        }
        default -> ids.add(submit(part, sms.text(), sender, to));
      }
    }
    if (silent != null) {
      throw new SmsNotSentException("SMS-шлюз не ответил (" + silent.detail() + "); ждём его ответа или квитанции до "
          + RussianFormats.dateTime(silent.updatedAt().plus(smpp.lateAnswerWindow())) + ", потом SMS уйдёт ещё раз", null, true);
    }
    return new SmsReceipt("smpp", String.join(",", ids), sender);
  }

  private String submit(Part part, String text, String sender, String to) {
    Segments.Segment segment = Segments.segment(text, smpp.longText(), part.partNo(), part.concatRef());
    long deadline = clock.millis() + smpp.timeout().toMillis();
    while (true) {
      awaitThrottle(deadline);
      GatewaySession session = link.bound();
      CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
        try {
          return session.submit(sender.replace("+", ""), to.substring(1), segment, smpp.lateAnswerWindow().toMillis());
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }, submitters);
      try {
        String id = reply.get(Math.max(1, deadline - clock.millis()), TimeUnit.MILLISECONDS);
        parts.accepted(part.id(), id);
        relax();
        receipts.accepted(id);
        return id;
      } catch (TimeoutException e) {
        throw silent(part, reply, "нет ответа за " + smpp.timeout().toSeconds() + " с");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw silent(part, reply, "ожидание ответа прервано");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : e.getCause();
        if (cause instanceof NegativeResponseException refused) {
          int status = refused.getCommandStatus();
          String why = SubmitRefusals.describe(status);
          if (status == SubmitRefusals.THROTTLED && throttled() < deadline) {
            continue; // paused, and there is time to try again within this attempt
          }
          if (SubmitRefusals.isFinal(status)) {
            parts.rejected(part.id(), why);
            throw new SmsNotSentException("SMS-шлюз отказал: " + why, refused, false);
          }
          parts.retry(part.id(), why);
          throw new SmsNotSentException("SMS-шлюз не принял SMS: " + why, refused, true);
        }
        if (cause instanceof GatewaySession.NotBound) {
          parts.retry(part.id(), "сеанс закрылся до отправки");
          throw new SmsNotSentException("SMS-шлюз не подключён: сеанс закрылся до отправки", cause, true);
        }
        if (cause instanceof PDUException bad) {
          parts.rejected(part.id(), "недопустимые параметры: " + bad.getMessage());
          throw new SmsNotSentException("SMS-шлюз не примет такое SMS: " + bad.getMessage(), bad, false);
        }
        if (cause instanceof IOException broken) {
          throw silent(part, reply, "соединение прервалось: " + broken.getMessage());
        }
        throw silent(part, reply, String.valueOf(cause));
      }
    }
  }

  /** Handed over, no answer: marked so, the late answer still awaited in the background. */
  private SmsNotSentException silent(Part part, CompletableFuture<String> reply, String detail) {
    int attempt = parts.uncertain(part.id(), detail);
    reply.whenComplete((id, failure) -> late(part, attempt, id, failure));
    return new SmsNotSentException("SMS-шлюз не ответил (" + detail + "); ждём его ответа или квитанции до "
        + RussianFormats.dateTime(clock.instant().plus(smpp.lateAnswerWindow())) + ", потом SMS уйдёт ещё раз", null, true);
  }

  private void late(Part part, int attempt, String id, Throwable failure) {
    try {
      if (id != null) {
        if (parts.lateAccepted(part.id(), attempt, id)) {
          log.info("Late submit_sm_resp for {} part {}: {}", part.reference(), part.partNo(), id);
          receipts.accepted(id);
          receipts.tell(part.reference());
        }
      } else if (failure != null && failure.getCause() instanceof NegativeResponseException refused) {
        parts.lateRefused(part.id(), attempt, SubmitRefusals.describe(refused.getCommandStatus()));
      }
    } catch (RuntimeException e) {
      log.warn("Late answer for {} not recorded: {}", part.reference(), e.toString());
    }
  }

  /** 0x58: every sender pauses (100 ms, doubling to a second — the usual window of a gateway's rate — while it lasts); returns when the pause ends. */
  private long throttled() {
    synchronized (throttle) {
      pausedUntil = Math.max(pausedUntil, clock.millis() + pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE);
      return pausedUntil;
    }
  }

  private void relax() {
    synchronized (throttle) {
      pause = FIRST_PAUSE;
    }
  }

  private void awaitThrottle(long deadline) {
    long until;
    synchronized (throttle) {
      until = Math.min(pausedUntil, deadline);
    }
    long wait = until - clock.millis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void sweep() {
    try {
      receipts.sweep();
    } catch (RuntimeException e) {
      log.warn("Waiting SMS receipts not matched now: {}", e.toString());
    }
  }

  /** A month after its last word from the gateway, an SMS's parts are deleted: no receipt comes that late. */
  private void forget() {
    try {
      parts.forget(Duration.ofDays(30));
    } catch (RuntimeException e) {
      log.warn("Old SMS parts not deleted now: {}", e.toString());
    }
  }

  @Override
  public String state() {
    String line = link.describe();
    long unreadable = receipts.unreadable();
    long unclaimed = receipts.unclaimed();
    if (unreadable > 0 || unclaimed > 0) {
      line += "; квитанций нераспознанных: " + unreadable + ", на неизвестные SMS: " + unclaimed + " (подробности в журнале)";
    }
    return line;
  }

  /** Bound to the gateway now. */
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void close() {
    link.close();
    housekeeping.shutdownNow();
    submitters.shutdownNow();
  }
}
