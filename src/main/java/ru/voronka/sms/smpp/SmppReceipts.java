package ru.voronka.sms.smpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.voronka.directory.PhoneNumbers;
import ru.voronka.sms.SmsReport;
import ru.voronka.sms.SmsReport.Outcome;
import ru.voronka.sms.smpp.ReceiptReader.Receipt;
import ru.voronka.sms.smpp.ReceiptReader.Unreadable;
import ru.voronka.sms.smpp.SmsParts.Part;
import ru.voronka.sms.smpp.SmsParts.State;

/**
 * The gateway's receipts: each is filed with its part (found by the id whatever its spelling) and
 * the SMS's outcome is told as an {@link SmsReport}. A receipt whose id is not known yet waits a
 * little — gateways may send it before our side has read the submit_sm_resp — then is matched to a
 * part to the same number still waiting for its reply; one nobody claims, or one that cannot be
 * read, is logged with its text and counted for the administrators, never dropped silently.
 *
 * <p>ACCEPTD: SMPP 3.4 calls it final (read on the subscriber's behalf), but GSM gateways and Kannel
 * in front of operators use it for «handed to the network», and a DELIVRD or UNDELIV often follows.
 * So it counts as proof that the SMS went out («Отправлено»), not as a delivery; ENROUTE and UNKNOWN
 * likewise.
 */
final class SmppReceipts implements MessageReceiverListener {

  private static final Logger log = LoggerFactory.getLogger(SmppReceipts.class);
  /** How long a receipt waits for the reply that names its id. */
  static final Duration HOLD = Duration.ofSeconds(2);
  /** How long an unmatched receipt is kept before it is logged as nobody's. */
  static final Duration GIVE_UP = Duration.ofMinutes(1);

  private record Waiting(Receipt receipt, Instant since) {}

  private final SmsParts parts;
  private final Consumer<SmsReport> reports;
  private final Clock clock;
  private final Duration lateWindow;
  private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong unclaimed = new AtomicLong();

  SmppReceipts(SmsParts parts, Consumer<SmsReport> reports, Clock clock, Duration lateWindow) {
    this.parts = parts;
    this.reports = reports;
    this.clock = clock;
    this.lateWindow = lateWindow;
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
    try {
      take(pdu);
    } catch (RuntimeException e) { // the database, most likely: the gateway keeps the receipt and delivers it again
      log.warn("SMS receipt not recorded now, refused for redelivery: {}", e.toString());
      throw new ProcessRequestException("receipt not recorded", 0x08);
    }
  }

  private void take(DeliverSm pdu) {
    if (!ReceiptReader.isReceipt(pdu)) {
      log.warn("Incoming SMS from {} through the gateway is not taken (only receipts are): {}", pdu.getSourceAddr(),
          pdu.getShortMessage() == null ? "" : new String(pdu.getShortMessage(), java.nio.charset.StandardCharsets.ISO_8859_1));
      return;
    }
    Object read = ReceiptReader.read(pdu);
    if (read instanceof Unreadable bad) {
      unreadable.incrementAndGet();
      log.warn("SMS receipt not readable ({}): {}", bad.why(), bad.raw());
      return;
    }
    Receipt receipt = (Receipt) read;
    if (!file(receipt)) {
      waiting.add(new Waiting(receipt, clock.instant()));
    }
  }

  /** A part was taken with this id: a receipt that came before its reply (and names the same id) is filed now. */
  void accepted(String gatewayId) {
    if (waiting.isEmpty()) {
      return;
    }
    String key = GatewayIds.key(gatewayId);
    String hexValue = GatewayIds.hexValue(gatewayId);
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
      Waiting w = it.next();
      boolean names = GatewayIds.lookups(w.receipt().id()).stream()
          .anyMatch(l -> l.byHexValue() ? l.value().equals(hexValue) : l.value().equals(key));
      if (names && file(w.receipt())) {
        it.remove();
      }
    }
  }

  /** Every second: receipts still unmatched after {@link #HOLD} may be a silent submit's; after {@link #GIVE_UP}, nobody's. */
  void sweep() {
    Instant now = clock.instant();
    for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
      Waiting w = it.next();
      if (file(w.receipt()) || now.isAfter(w.since().plus(HOLD)) && fileAsSilent(w.receipt())) {
        it.remove();
      } else if (now.isAfter(w.since().plus(GIVE_UP))) {
        it.remove();
        unclaimed.incrementAndGet();
        log.warn("SMS receipt for an unknown message, id {} ({}), from {}", w.receipt().id(), w.receipt().state(),
            w.receipt().recipient());
      }
    }
  }

  long unreadable() {
    return unreadable.get();
  }

  long unclaimed() {
    return unclaimed.get();
  }

  private boolean file(Receipt receipt) {
    Optional<Part> part = parts.byGatewayId(receipt.id());
    part.ifPresent(p -> record(p, receipt));
    return part.isPresent();
  }

  /** A part to that number handed over without an answer within the window: the receipt is the answer it never got. */
  private boolean fileAsSilent(Receipt receipt) {
    String number = PhoneNumbers.e164(receipt.recipient());
    if (number == null) {
      return false;
    }
    Optional<Part> part = parts.uncertainTo(number.substring(1), clock.instant().minus(lateWindow));
    part.ifPresent(p -> record(p, receipt));
    return part.isPresent();
  }

  private void record(Part part, Receipt receipt) {
    parts.receipt(part.id(), receipt.id(), receipt.state(), receipt.isFinal());
    tell(part.reference());
  }

  /** The SMS's outcome from all its parts: delivered when every part is, failed when one failed, sent when all were taken. */
  void tell(String reference) {
    List<Part> all = parts.parts(reference);
    if (all.isEmpty()) {
      return;
    }
    Optional<Part> failed = all.stream().filter(p -> p.receiptState() != null && SmsParts.finalState(p.receiptState())
        && !"DELIVRD".equals(p.receiptState())).findFirst();
    if (failed.isPresent()) {
      reports.accept(new SmsReport(reference, Outcome.FAILED, failed.get().receiptState()));
    } else if (all.stream().allMatch(p -> "DELIVRD".equals(p.receiptState()))) {
      reports.accept(new SmsReport(reference, Outcome.DELIVERED, "DELIVRD"));
    } else if (all.stream().allMatch(p -> p.state() == State.ACCEPTED)) {
      reports.accept(new SmsReport(reference, Outcome.SENT, all.stream().map(Part::receiptState)
          .filter(s -> s != null).findFirst().orElse("ACCEPTED")));
    }
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    // the gateway says a handset is reachable again: nothing to do
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not taken", 3);
  }
}
