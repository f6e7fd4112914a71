package ru.voronka.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Reads a delivery receipt the way gateways write them, not only the way SMPP 3.4's appendix B
 * suggests: the message id and state from the {@code receipted_message_id} (0x001E) and
 * {@code message_state} (0x0427) TLVs when present, else from the text ({@code id:… stat:… err:…},
 * in any case, fields in any order, in short_message or message_payload).
 */
final class ReceiptReader {

  /** What a receipt says: the gateway's id of the SMS, its state in appendix B's words, the error code if any. */
  record Receipt(String id, String state, String error, String recipient) {

    /** DELIVRD, UNDELIV, EXPIRED, DELETED, REJECTD: nothing will change any more. */
    boolean isFinal() {
      return isDelivered() || isFailed();
    }

    boolean isDelivered() {
      return "DELIVRD".equals(state);
    }

    boolean isFailed() {
      return switch (state) {
        case "UNDELIV", "EXPIRED", "DELETED", "REJECTD", "SKIPPED" -> true;
        default -> false;
      };
    }
  }

  /** Not a receipt, or one that cannot be read: said so, with what came, for the log. */
  record Unreadable(String why, String raw) {}

  private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:\\s*([0-9A-Za-z\\-_.]+)");
  private static final Pattern STATE = Pattern.compile("(?i)(?:^|\\s)stat:\\s*([A-Za-z_]+)");
  private static final Pattern ERROR = Pattern.compile("(?i)(?:^|\\s)err:\\s*([0-9A-Za-z]+)");
  /** message_state values of SMPP 3.4 §5.2.28 (and 5.0's SKIPPED), in the text's words. */
  private static final String[] STATES = {null, "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN",
      "REJECTD", "SKIPPED"};

  private ReceiptReader() {}

  /** A receipt: esm_class says so (SMSC receipt, SME acknowledgement, intermediate notification), or it carries receipted_message_id. */
  static boolean isReceipt(DeliverSm pdu) {
    byte esm = pdu.getEsmClass();
    return DeliverSm.isSmscDeliveryReceipt(esm) || DeliverSm.isSmeDeliveryAcknowledgment(esm)
        || DeliverSm.isIntermediateDeliveryNotification(esm) || tlv(pdu, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID).isPresent();
  }

  /** The receipt, or why it cannot be read (a receipt is never dropped without a word). */
  static Object read(DeliverSm pdu) {
    String text = text(pdu);
    String id = tlv(pdu, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID).map(ReceiptReader::ascii).filter(s -> !s.isBlank())
        .orElseGet(() -> find(ID, text));
    String state = tlv(pdu, OptionalParameter.Tag.MESSAGE_STATE).map(ReceiptReader::state).orElseGet(() -> {
      String written = find(STATE, text);
      return written == null ? null : normalState(written.toUpperCase(Locale.ROOT));
    });
    if (id == null || state == null) {
      return new Unreadable(id == null ? "нет id сообщения" : "нет состояния (stat)", describe(pdu, text));
    }
    return new Receipt(id.trim(), state, find(ERROR, text), pdu.getSourceAddr());
  }

  /** Spellings seen in the wild, mapped to appendix B's seven letters. */
  private static String normalState(String written) {
    return switch (written) {
      case "DELIVERED" -> "DELIVRD";
      case "UNDELIVERABLE", "UNDELIVERED" -> "UNDELIV";
      case "ACCEPTED" -> "ACCEPTD";
      case "REJECTED" -> "REJECTD";
      default -> written;
    };
  }

  private static String state(OptionalParameter tlv) {
    byte[] value = bytes(tlv);
    int code = value.length == 0 ? 0 : value[value.length - 1] & 0xFF;
    return code > 0 && code < STATES.length ? STATES[code] : "UNKNOWN";
  }

  private static String text(DeliverSm pdu) {
    byte[] body = pdu.getShortMessage();
    if (body == null || body.length == 0) {
      body = tlv(pdu, OptionalParameter.Tag.MESSAGE_PAYLOAD).map(ReceiptReader::bytes).orElse(new byte[0]);
    }
    // Receipts are ASCII; a gateway that encodes them in UCS-2 shows zero octets between the letters.
    boolean ucs2 = (pdu.getDataCoding() & 0x0F) == 0x08 || body.length > 1 && body[0] == 0 && body.length % 2 == 0;
    return new String(body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
  }

  private static Optional<OptionalParameter> tlv(DeliverSm pdu, OptionalParameter.Tag tag) {
    return Optional.ofNullable(pdu.getOptionalParameter(tag));
  }

  private static byte[] bytes(OptionalParameter tlv) {
    if (tlv instanceof OptionalParameter.OctetString octets) {
      return octets.getValue();
    }
    if (tlv instanceof OptionalParameter.Byte single) {
      return new byte[] {single.getValue()};
    }
    byte[] serialized = tlv.serialize(); // tag (2), length (2), value
    return java.util.Arrays.copyOfRange(serialized, Math.min(4, serialized.length), serialized.length);
  }

  private static String ascii(OptionalParameter tlv) {
    return new String(bytes(tlv), StandardCharsets.ISO_8859_1).replace("\0", "");
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String describe(DeliverSm pdu, String text) {
    return "от " + pdu.getSourceAddr() + " к " + pdu.getDestAddress() + ", esm_class 0x"
        + String.format("%02X", pdu.getEsmClass()) + ", текст «" + text + "»";
  }
}
