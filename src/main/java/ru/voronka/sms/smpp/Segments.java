package ru.voronka.sms.smpp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.OptionalParameter;
import ru.voronka.sms.SmsProperties.LongText;

/**
 * A text as the gateway takes it: UCS-2 (data_coding 0x08), in one SMS up to 70 characters, else in
 * the parts {@link LongText} says — 67 characters each, the rest of 140 octets left for the
 * concatenation header.
 */
final class Segments {

  static final int ONE_SMS = 70;
  static final int PER_PART = 67;

  /** One submit_sm's text: the octets of short_message, its esm_class and TLVs. */
  record Segment(byte[] shortMessage, ESMClass esmClass, OptionalParameter[] tlvs) {}

  private Segments() {}

  /** How many submit_sm the text takes: the number of parts stays fixed for a text, retries resend the missing ones. */
  static int count(String text, LongText mode) {
    return mode == LongText.PAYLOAD || text.length() <= ONE_SMS ? 1 : chunks(text).size();
  }

  /**
   * The {@code number}-th (from 1) submit_sm of the text; {@code reference} is the concatenation
   * reference the phone joins the parts by (the same for every part and every resend of one).
   */
  static Segment segment(String text, LongText mode, int number, int reference) {
    byte[] whole = text.getBytes(StandardCharsets.UTF_16BE);
    if (mode == LongText.PAYLOAD && text.length() > ONE_SMS) {
      return new Segment(new byte[0], new ESMClass(),
          new OptionalParameter[] {new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), whole)});
    }
    if (text.length() <= ONE_SMS) {
      return new Segment(whole, new ESMClass(), new OptionalParameter[0]);
    }
    List<String> chunks = chunks(text);
    byte[] part = chunks.get(number - 1).getBytes(StandardCharsets.UTF_16BE);
    if (mode == LongText.SAR) {
      return new Segment(part, new ESMClass(), new OptionalParameter[] {
          new OptionalParameter.Sar_msg_ref_num((short) (reference & 0xFFFF)),
          new OptionalParameter.Sar_total_segments((byte) chunks.size()),
          new OptionalParameter.Sar_segment_seqnum((byte) number)});
    }
    ByteArrayOutputStream udh = new ByteArrayOutputStream();
    // UDH: 5 octets follow; IE 00 (concatenation, 8-bit reference) of 3 octets: reference, total, this part.
    udh.writeBytes(new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) chunks.size(), (byte) number});
    udh.writeBytes(part);
    return new Segment(udh.toByteArray(), new ESMClass(0x40), new OptionalParameter[0]);
  }

  /** Parts of 67 UTF-16 units, never cutting a surrogate pair (an emoji) in two. */
  private static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(start + PER_PART, text.length());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      chunks.add(text.substring(start, end));
      start = end;
    }
    return chunks;
  }
}
