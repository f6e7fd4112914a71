package ru.voronka.telephony;

import ru.voronka.directory.PhoneNumbers;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * What may be handed to the PBX. AMI is a text protocol of {@code Key: value} lines: a value with a
 * line break in it ends the header and can start a second action (a ChanSpy, an Originate to
 * anywhere). So extensions are digits and nothing else, a client's number is E.164, and every other
 * value is refused when it holds a line break — before a byte is written to Asterisk.
 */
public final class PbxArguments {

  private PbxArguments() {}

  /** Whether an extension may be dialled as it is stored (a row written around the API is skipped, not dialled). */
  static boolean isExtension(String value) {
    return value != null && value.matches("[0-9]{1,15}");
  }

  /** A desk's extension (PJSIP endpoint, dialplan exten): digits only. */
  public static String extension(String raw) {
    String value = raw == null ? "" : raw.strip();
    if (!isExtension(value)) {
      throw new DomainException(Kind.INVALID, "Внутренний номер — только цифры, например 102");
    }
    return value;
  }

  /** A client's number to dial: E.164, whatever spelling it came in. */
  static String clientNumber(String raw) {
    String e164 = PhoneNumbers.e164(raw);
    if (e164 == null) {
      throw new DomainException(Kind.INVALID, "Позвонить нельзя: у клиента указан не номер телефона");
    }
    return e164;
  }

  /** Any other value put into an AMI header (a channel name Asterisk reported, a caller id): one line. */
  static String oneLine(String value) {
    if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
      throw new DomainException(Kind.INVALID, "Недопустимое значение для АТС: перевод строки");
    }
    return value;
  }
}
