package ru.voronka.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMPP adapter against an SMSC played by jSMPP's own server side on a TCP socket: the bind, a
 * Cyrillic text in UCS-2 from the SIM of the recipient's carrier, a long text in message_payload,
 * and a gateway that goes away and comes back.
 */
class SmppSmsTest {

  final BlockingQueue<SubmitSm> received = new LinkedBlockingQueue<>();
  final AtomicInteger ids = new AtomicInteger();
  SMPPServerSessionListener smsc;
  Thread acceptor;

  int startSmsc(int port) throws Exception {
    smsc = new SMPPServerSessionListener(port);
    smsc.setMessageReceiverListener(new Receiver());
    acceptor = new Thread(() -> {
      while (true) { // until close() makes accept() throw
        try {
          SMPPServerSession session = smsc.accept();
          lastSession = session;
          BindRequest bind = session.waitForBind(5000);
          if (bind.getBindType() == BindType.BIND_TRX && "voronka".equals(bind.getSystemId()) && "secret".equals(bind.getPassword())) {
            bind.accept("goip-test");
          } else {
            bind.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVPASWD);
          }
        } catch (Exception e) {
          return;
        }
      }
    }, "smsc");
    acceptor.setDaemon(true);
    acceptor.start();
    return smsc.getPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (smsc != null) {
      smsc.close();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  final BlockingQueue<Object> published = new LinkedBlockingQueue<>();
  volatile SMPPServerSession lastSession;

  SmppSms gateway(int port) {
    return new SmppSms(new SmsProperties.Smpp("127.0.0.1", port, "voronka", "secret", "", "+79160000000",
        Map.of("МТС", "+79160000001", "МегаФон", "+79260000002"), Duration.ofSeconds(5)), published::add);
  }

  @Test
  void theGatewaysDeliveryReceiptIsPublished() throws Exception {
    try (SmppSms sms = gateway(startSmsc(freePort()))) {
      var receipt = sms.send("+79161002001", "Проверка доставки", "МТС");
      SubmitSm submit = received.poll(5, TimeUnit.SECONDS);
      String text = "id:" + receipt.id() + " sub:001 dlvrd:001 submit date:2611230715 done date:2611230716 stat:DELIVRD err:000 text:Proverka";
      lastSession.deliverShortMessage("", org.jsmpp.bean.TypeOfNumber.INTERNATIONAL, org.jsmpp.bean.NumberingPlanIndicator.ISDN,
          submit.getDestAddress(), org.jsmpp.bean.TypeOfNumber.INTERNATIONAL, org.jsmpp.bean.NumberingPlanIndicator.ISDN,
          submit.getSourceAddr(), new org.jsmpp.bean.ESMClass(org.jsmpp.bean.MessageMode.DEFAULT,
              org.jsmpp.bean.MessageType.SMSC_DEL_RECEIPT, org.jsmpp.bean.GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
          new org.jsmpp.bean.RegisteredDelivery(0), org.jsmpp.bean.DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));

      Object event = published.poll(5, TimeUnit.SECONDS);
      assertThat(event).isEqualTo(new SmsDelivered("smpp", receipt.id(), true, "DELIVRD"));
    }
  }

  @Test
  void aCyrillicTextGoesOutInUcs2FromTheSimOfTheRecipientsCarrier() throws Exception {
    try (SmppSms sms = gateway(startSmsc(freePort()))) {
      var receipt = sms.send("8 (916) 100-20-01", "Эскалация: заявку не взяли за час", "МТС");

      SubmitSm submit = received.poll(5, TimeUnit.SECONDS);
      assertThat(submit).isNotNull();
      assertThat(submit.getSourceAddr()).isEqualTo("79160000001");
      assertThat(submit.getDestAddress()).isEqualTo("79161002001");
      assertThat(new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Эскалация: заявку не взяли за час");
      assertThat(receipt.sender()).isEqualTo("+79160000001");
      assertThat(receipt.id()).isNotBlank();

      sms.send("+79031002003", "Для Билайна SIM нет", "Билайн");
      assertThat(received.poll(5, TimeUnit.SECONDS).getSourceAddr()).isEqualTo("79160000000");
    }
  }

  @Test
  void aLongTextTravelsWholeInMessagePayload() throws Exception {
    try (SmppSms sms = gateway(startSmsc(freePort()))) {
      String text = "Просрочен транш по сделке №42: 30 % до 01.12.2026 не оплачен. Свяжитесь с клиентом и уточните дату оплаты.";
      sms.send("+79161002001", text, "МТС");

      SubmitSm submit = received.poll(5, TimeUnit.SECONDS);
      assertThat(submit.getShortMessage()).isEmpty();
      OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
      assertThat(new String(((OptionalParameter.OctetString) payload).getValue(), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }
  }

  @Test
  void aGatewayThatIsDownIsAClearFailure_andTheNextSendReconnects() throws Exception {
    int port = freePort();
    try (SmppSms sms = gateway(port)) {
      assertThatThrownBy(() -> sms.send("+79161002001", "Тест", "МТС"))
          .isInstanceOf(SmsPort.SmsNotSentException.class).hasMessageContaining("SMS-шлюз не принял");

      startSmsc(port);
      sms.send("+79161002001", "Шлюз вернулся", "МТС");
      assertThat(new String(received.poll(5, TimeUnit.SECONDS).getShortMessage(), StandardCharsets.UTF_16BE))
          .isEqualTo("Шлюз вернулся");
    }
  }

  class Receiver implements ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
      received.add(submitSm);
      try {
        return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())), new OptionalParameter[0]);
      } catch (org.jsmpp.PDUStringException e) {
        throw new ProcessRequestException(e.getMessage(), 8);
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
