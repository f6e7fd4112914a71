package ru.voronka.sms.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmCommandTask;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jSMPP's session with one more way to submit: waiting for the reply longer than the session's
 * transaction timer. The sender gives up after its own timeout, but a reply that comes later is still
 * taken (jSMPP would drop it), so an SMS the gateway did send is not sent again; the short timer
 * keeps serving bind and enquire_link.
 */
final class GatewaySession extends SMPPSession {

  GatewaySession(Duration connectTimeout) {
    super(new NoDelaySockets((int) connectTimeout.toMillis()));
  }

  /** data_coding 0x08: UCS-2, no message class — what gateways test for (0x18/0x19 they do not all read as UCS-2). */
  static final byte UCS2 = 0x08;

  /** submit_sm of one segment from the sender to the recipient (international numbers without «+»), a receipt asked for. */
  String submit(String from, String to, Segments.Segment segment, long waitMillis)
      throws IOException, PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException {
    try {
      ensureTransmittable(SubmitSmCommandTask.COMMAND_NAME_SUBMIT_SM);
    } catch (IOException closed) {
      throw new NotBound(closed.getMessage());
    }
    boolean named = !from.matches("\\d+"); // an alphanumeric sender («Voronka») where the gateway allows one
    SubmitSmCommandTask task = new SubmitSmCommandTask(pduSender(), "", named ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.INTERNATIONAL,
        named ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN, from, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, segment.esmClass(),
        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
        DataCodings.newInstance(UCS2), (byte) 0, segment.shortMessage(), segment.tlvs());
    return ((SubmitSmResp) executeSendCommand(task, waitMillis)).getMessageId();
  }

  /** The session closed before the submit_sm was written: nothing reached the gateway. */
  static final class NotBound extends IOException {
    NotBound(String message) {
      super(message);
    }
  }

  /**
   * Sockets with a connect timeout (a gateway behind a dropped route must not hold the rebind for
   * minutes) and TCP_NODELAY: a PDU is small, and Nagle's algorithm against the gateway's delayed
   * ACK costs every request 40 ms.
   */
  private record NoDelaySockets(int connectTimeoutMillis) implements ConnectionFactory {
    @Override
    public Connection createConnection(String host, int port) throws IOException {
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      return new SocketConnection(socket);
    }
  }
}
