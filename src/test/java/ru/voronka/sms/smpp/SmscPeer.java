package ru.voronka.sms.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on a TCP socket (jSMPP's server side) that behaves like the independent gateways Voronka
 * meets, not like jSMPP's own client expects: it answers submit_sm with hex ids counting from
 * {@code 47E276}, writes its receipts with the id in decimal, zero-padded, or as answered, with or
 * without the {@code receipted_message_id}/{@code message_state} TLVs; it can throttle (0x58), be
 * down, refuse a password, answer late, and close the connection right behind a reply.
 */
public final class SmscPeer implements AutoCloseable {

  public enum ReceiptId { AS_ANSWERED, DECIMAL, ZERO_PADDED }

  public enum ReceiptStyle { TEXT, TLV_ONLY, TEXT_AND_TLV }

  public final BlockingQueue<SubmitSm> received = new LinkedBlockingQueue<>();
  /** Every submit_sm that came, throttled or not. */
  public final AtomicInteger submits = new AtomicInteger();
  public final AtomicInteger binds = new AtomicInteger();
  public final AtomicLong nextId = new AtomicLong(0x47E276);

  public volatile String password = "secret";
  /** Answer 0x58 to this many next submit_sm. */
  public final AtomicInteger throttleNext = new AtomicInteger();
  /** Answer 0x58 above this many submit_sm a second (0: no limit). */
  public volatile int maxPerSecond;
  public volatile Duration replyDelay = Duration.ZERO;
  /** Refuse every submit_sm with this command_status (0: take them). */
  volatile int refuseWith;
  /** Close the connection right behind the next reply (once). */
  final java.util.concurrent.atomic.AtomicBoolean closeRightAfterReply = new java.util.concurrent.atomic.AtomicBoolean();
  /** How long an enquire_link waits for its answer (a gateway gone deaf behind a live socket). */
  volatile Duration enquireLinkDelay = Duration.ZERO;
  final AtomicInteger enquireLinks = new AtomicInteger();
  /** Receipt every accepted submit_sm by itself, with this state (null: no receipts unless asked). */
  public volatile String autoReceipt;
  public volatile ReceiptId receiptId = ReceiptId.AS_ANSWERED;
  public volatile ReceiptStyle receiptStyle = ReceiptStyle.TEXT;

  private final int port;
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService receipts = Executors.newFixedThreadPool(4, r -> daemon(r, "smsc-receipts"));
  private volatile SMPPServerSessionListener listener;
  private long windowStart;
  private int inWindow;

  public SmscPeer(int port) {
    this.port = port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public SmscPeer start() throws IOException {
    SMPPServerSessionListener server = new SMPPServerSessionListener(port);
    server.setMessageReceiverListener(new Receiver());
    server.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
      @Override
      public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        if (closeRightAfterReply.getAndSet(false)) {
          source.close();
        }
      }
    });
    listener = server;
    daemon(() -> accept(server), "smsc-accept-" + port).start();
    return this;
  }

  private void accept(SMPPServerSessionListener server) {
    while (true) { // until close() makes accept() throw
      try {
        SMPPServerSession session = server.accept();
        BindRequest bind = session.waitForBind(5000);
        if (bind.getBindType() == BindType.BIND_TRX && "voronka".equals(bind.getSystemId())
            && password.equals(bind.getPassword())) {
          bind.accept("smsc-peer");
          sessions.add(session);
          binds.incrementAndGet();
        } else {
          bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
        }
      } catch (Exception e) {
        if (listener != server) {
          return;
        }
      }
    }
  }

  /** The gateway goes down: the port is closed, every bind with it. */
  public void stop() throws IOException {
    SMPPServerSessionListener server = listener;
    listener = null;
    if (server != null) {
      server.close();
    }
    sessions.forEach(SMPPServerSession::close);
    sessions.clear();
  }

  /** A receipt for the n-th answered submit_sm (from 0), written the way {@link #receiptId} and {@link #receiptStyle} say. */
  void receipt(int answeredIndex, String state) throws Exception {
    String id = answered.get(answeredIndex);
    receiptFor(id, received(id), state);
  }

  /** Any short message from the gateway, e.g. a receipt written its own way. */
  void deliverText(String recipient, String text, boolean markedAsReceipt) throws Exception {
    SMPPServerSession session = sessions.get(sessions.size() - 1);
    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, recipient,
        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "79160000000",
        markedAsReceipt ? new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT) : new ESMClass(),
        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));
  }

  List<String> answeredIds() {
    synchronized (answered) {
      return new ArrayList<>(answered);
    }
  }

  private String received(String id) {
    return answeredRecipients.get(answered.indexOf(id));
  }

  private final List<String> answeredRecipients = java.util.Collections.synchronizedList(new ArrayList<>());

  private void receiptFor(String answeredId, String recipient, String state) throws Exception {
    long value = Long.parseLong(answeredId, 16);
    String written = switch (receiptId) {
      case AS_ANSWERED -> answeredId;
      case DECIMAL -> Long.toString(value);
      case ZERO_PADDED -> String.format(Locale.ROOT, "%010d", value);
    };
    deliver(written, recipient, state, receiptStyle);
  }

  private void deliver(String id, String recipient, String state, ReceiptStyle style) throws Exception {
    SMPPServerSession session = sessions.get(sessions.size() - 1);
    String text = style == ReceiptStyle.TLV_ONLY ? ""
        : "id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(state) ? "001" : "000")
            + " submit date:2612041015 done date:2612041016 stat:" + state + " err:000 text:Voronka";
    OptionalParameter[] tlvs = style == ReceiptStyle.TEXT ? new OptionalParameter[0] : new OptionalParameter[] {
        new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), id),
        new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, stateCode(state))};
    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, recipient,
        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "79160000000",
        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
        new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII), tlvs);
  }

  private static byte stateCode(String state) {
    return switch (state) {
      case "ENROUTE" -> 1;
      case "DELIVRD" -> 2;
      case "EXPIRED" -> 3;
      case "DELETED" -> 4;
      case "UNDELIV" -> 5;
      case "ACCEPTD" -> 6;
      case "REJECTD" -> 8;
      default -> 7;
    };
  }

  private synchronized boolean overRate() {
    if (maxPerSecond <= 0) {
      return false;
    }
    long now = System.nanoTime() / 1_000_000;
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    return ++inWindow > maxPerSecond;
  }

  @Override
  public void close() throws IOException {
    stop();
    receipts.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  private final class Receiver implements ServerMessageReceiverListener {
    @Override
    public void onAcceptEnquireLink(org.jsmpp.bean.EnquireLink enquireLink, Session source) {
      enquireLinks.incrementAndGet();
      if (!enquireLinkDelay.isZero()) {
        try {
          Thread.sleep(enquireLinkDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
      submits.incrementAndGet();
      if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || overRate()) {
        throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
      }
      if (refuseWith != 0) {
        throw new ProcessRequestException("refused", refuseWith);
      }
      if (!replyDelay.isZero()) {
        try {
          Thread.sleep(replyDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      received.add(submitSm);
      String id = Long.toHexString(nextId.getAndIncrement()).toUpperCase(Locale.ROOT);
      answered.add(id);
      answeredRecipients.add(submitSm.getDestAddress());
      String state = autoReceipt;
      if (state != null) {
        receipts.execute(() -> {
          try {
            receiptFor(id, submitSm.getDestAddress(), state);
          } catch (Exception e) {
            // the bind went away: a real SMSC would keep the receipt for the next bind
          }
        });
      }
      try {
        return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
      } catch (org.jsmpp.PDUStringException e) {
        throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
      }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 3);
    }
  }
}
