package ru.voronka.sms.smpp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SMS, two spellings of its id: gateways answer submit_sm_resp in hex ({@code 47E276}) and write
 * the receipt in decimal ({@code id:4711030}, or zero-padded {@code id:0004711030}), or the other way
 * round (Kannel's {@code msg-id-type} knows all four combinations). So an accepted SMS is filed under
 * its id as written ({@link #key}) and under the decimal value of that id read as hex ({@link
 * #hexValue}); a receipt looks for its id under both ({@link #lookups}).
 */
final class GatewayIds {

  /** Where to look for a receipt's id: which column, which value; in order of trust. */
  record Lookup(boolean byHexValue, String value) {}

  private GatewayIds() {}

  /** The id as written, upper case, without leading zeros. */
  static String key(String id) {
    String trimmed = id.trim().toUpperCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
    return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
  }

  /** The id read as a hex number, in decimal; null when it is not hex. */
  static String hexValue(String id) {
    String key = key(id);
    return key.matches("[0-9A-F]{1,32}") ? new BigInteger(key, 16).toString() : null;
  }

  /**
   * The receipt's id as written (same format both ways); as a decimal that an accepted hex id has
   * (hex in the reply, decimal in the receipt); as hex read into the decimal the reply gave (decimal
   * in the reply, hex in the receipt).
   */
  static List<Lookup> lookups(String receiptId) {
    List<Lookup> lookups = new ArrayList<>();
    String key = key(receiptId);
    lookups.add(new Lookup(false, key));
    if (key.matches("\\d+")) {
      lookups.add(new Lookup(true, key));
    }
    String hex = hexValue(receiptId);
    if (hex != null && !hex.equals(key)) {
      lookups.add(new Lookup(false, hex));
    }
    return lookups;
  }
}
