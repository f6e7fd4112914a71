package ru.voronka.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;

/**
 * The carrier of a mobile number — the network its range was given to: first the numbering plan's
 * register when an administrator supplied it, then libphonenumber's carrier data (which lacks some
 * ranges: МТС's 910–919 among them, so a gateway with an МТС SIM wants the register). A number
 * moved to another network keeps its range's carrier here: the SIM then only costs a little more.
 */
final class MobileCarriers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  private final NumberingPlan plan;

  MobileCarriers(NumberingPlan plan) {
    this.plan = plan;
  }

  /** The carrier's brand (МТС, МегаФон, Билайн, Т2, or the register's name of a smaller one), or null. */
  String carrierOf(String e164) {
    if (e164 == null || !e164.startsWith("+7") || e164.length() != 12) {
      return fromLibrary(e164).orElse(null);
    }
    return plan.operatorOf(e164.substring(2)).or(() -> fromLibrary(e164)).map(CarrierNames::brand).orElse(null);
  }

  private static Optional<String> fromLibrary(String e164) {
    if (e164 == null) {
      return Optional.empty();
    }
    try {
      String name = PhoneNumberToCarrierMapper.getInstance().getNameForNumber(UTIL.parse(e164, "RU"), RUSSIAN);
      return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
