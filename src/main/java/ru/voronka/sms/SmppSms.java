package ru.voronka.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.springframework.context.ApplicationEventPublisher;
import ru.voronka.directory.PhoneNumbers;

/**
 * A GSM gateway (GoIP-style, or Kannel in front of modems) over SMPP 3.4 with jSMPP: one transmitter
 * bind, opened on first use and again after a failure; {@code submit_sm} from the SIM of the
 * recipient's carrier, UCS-2 for Cyrillic, a long text in {@code message_payload}, a delivery
 * receipt asked for. The bind is a transceiver: the gateway's receipts ({@code deliver_sm}) come
 * back on it and are published as {@link SmsDelivered}.
 */
class SmppSms implements SmsPort, AutoCloseable {

  /** UCS-2 fits 70 characters in one short_message; longer texts travel whole in message_payload. */
  private static final int SHORT_MESSAGE_CHARS = 70;

  private final SmsProperties.Smpp smpp;
  private final ApplicationEventPublisher events;
  private SMPPSession session;

  SmppSms(SmsProperties.Smpp smpp, ApplicationEventPublisher events) {
    this.smpp = smpp;
    this.events = events;
  }

  @Override
  public synchronized SmsReceipt send(String phone, String text, String carrier) {
    String to = PhoneNumbers.e164(phone);
    if (to == null) {
      throw new SmsNotSentException("Номер «" + phone + "» не похож на телефон", null);
    }
    String sender = smpp.senderFor(carrier);
    byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
    boolean longText = text.length() > SHORT_MESSAGE_CHARS;
    try {
      SubmitSmResult result = session().submitShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
          sender.replace("+", ""), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.substring(1),
          new ESMClass(), (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
          (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false), (byte) 0,
          longText ? new byte[0] : ucs2,
          longText ? new OptionalParameter[] {new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), ucs2)}
              : new OptionalParameter[0]);
      return new SmsReceipt("smpp", result.getMessageId(), sender);
    } catch (Exception e) {
      drop();
      throw new SmsNotSentException("SMS-шлюз не принял сообщение: " + e.getMessage(), e);
    }
  }

  private SMPPSession session() throws IOException {
    if (session == null || !session.getSessionState().isBound()) {
      drop();
      SMPPSession fresh = new SMPPSession();
      fresh.setTransactionTimer(smpp.timeout().toMillis());
      fresh.setMessageReceiverListener(new Receipts());
      fresh.connectAndBind(smpp.host(), smpp.port(), new BindParameter(BindType.BIND_TRX, smpp.systemId(), smpp.password(),
          smpp.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), smpp.timeout().toMillis());
      session = fresh;
    }
    return session;
  }

  private void drop() {
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
  }

  /** Delivery receipts from the gateway; anything else it delivers (a client's SMS) is not ours to take here. */
  private final class Receipts implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) {
      if (!deliverSm.isSmscDeliveryReceipt()) {
        return;
      }
      try {
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        DeliveryReceiptState state = receipt.getFinalStatus();
        if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
          return; // not final yet
        }
        events.publishEvent(new SmsDelivered("smpp", receipt.getId(), state == DeliveryReceiptState.DELIVRD, state.name()));
      } catch (InvalidDeliveryReceiptException e) {
        // a receipt the gateway formatted its own way: nothing to update
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

  @Override
  public synchronized void close() {
    drop();
  }
}
