package ru.voronka.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phones are stored and compared in E.164 ("+74956498447"), so «8 (495) 649-84-47», «+7 495 6498447»
 * and «74956498447» are the same client.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * Characters people write phone numbers with. Anything else (letters, line breaks) makes the input
   * no number: it would otherwise be parsed as vanity letters, or reach AMI headers as it was typed.
   */
  private static final java.util.regex.Pattern SPELLING = java.util.regex.Pattern.compile("[+0-9 ()\\-.\u00A0]+");

  /**
   * E.164 for a number written any usual Russian way; null when the input is not a phone number.
   * Never the raw input: what is stored or dialled is always the canonical number.
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String trimmed = raw.strip();
    if (!SPELLING.matcher(trimmed).matches()) {
      return null;
    }
    try {
      String digits = trimmed.replaceAll("\\D", "");
      // "79991234567" without a plus is common in messengers' payloads: read it as international.
      String candidate = !trimmed.startsWith("+") && digits.length() == 11 && digits.startsWith("7") ? "+" + digits : trimmed;
      var parsed = UTIL.parse(candidate, "RU");
      return UTIL.isPossibleNumber(parsed) ? UTIL.format(parsed, PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /**
   * The digits to look a number up by, from a search box: «8 (495) 649-84-47», «+7 495 649 84 47» and
   * «649-84-47» all find «+74956498447». Null when the query is no number, or too short to be one.
   */
  public static String searchDigits(String query) {
    if (query == null || !SPELLING.matcher(query.strip()).matches()) {
      return null;
    }
    String digits = query.replaceAll("\\D", "");
    if (digits.length() < 5) {
      return null;
    }
    return digits.length() == 11 && digits.startsWith("8") ? "7" + digits.substring(1) : digits;
  }

  /** E.164 when the input is a phone number, else null: for places that must not send to a non-number. */
  public static String e164(String raw) {
    String normalized = normalize(raw);
    return normalized != null && normalized.matches("\\+\\d{8,15}") ? normalized : null;
  }

  /** E.164, or a refusal people understand (400): for numbers typed into a card, which are called and written to later. */
  public static String require(String raw) {
    String e164 = e164(raw);
    if (e164 == null) {
      throw new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.INVALID,
          "«" + (raw == null ? "" : raw.strip().replaceAll("\\s+", " ")) + "» — не номер телефона: нужны цифры, например +7 912 600-70-80");
    }
    return e164;
  }

  /** «+7 999 888-55-22» for people to read, from any spelling; what is not a phone stays as it is. */
  public static String display(String raw) {
    String e164 = e164(raw);
    if (e164 == null) {
      return raw == null ? "" : raw;
    }
    try {
      return UTIL.format(UTIL.parse(e164, "RU"), PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }
}
