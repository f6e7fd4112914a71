package ru.voronka.directory;

import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * A Russian company's registration numbers as the tax service issues them: ИНН (10 digits for an
 * organisation, 12 for a person or ИП) and ОГРН (13, ОГРНИП 15) carry check digits, so a mistyped
 * digit is caught on the form; КПП has a format only (4 digits of the tax office, 2 of the reason —
 * digits or capital Latin letters — and 3 digits).
 */
public final class TaxIds {

  private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
  private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

  private TaxIds() {}

  public static boolean isInn(String value) {
    if (value == null || !value.matches("\\d{10}|\\d{12}")) {
      return false;
    }
    if (value.length() == 10) {
      return check(value, INN10) == digit(value, 9);
    }
    return check(value, INN12_FIRST) == digit(value, 10) && check(value, INN12_SECOND) == digit(value, 11);
  }

  public static boolean isOgrn(String value) {
    if (value == null || !value.matches("\\d{13}|\\d{15}")) {
      return false;
    }
    long body = Long.parseLong(value.substring(0, value.length() - 1));
    int modulus = value.length() == 13 ? 11 : 13;
    return body % modulus % 10 == digit(value, value.length() - 1);
  }

  public static boolean isKpp(String value) {
    return value != null && value.matches("\\d{4}[0-9A-Z]{2}\\d{3}");
  }

  /** The ИНН without spaces, or null when blank. @throws DomainException INVALID when it is none */
  public static String requireInn(String raw) {
    String value = compact(raw);
    if (value != null && !isInn(value)) {
      throw new DomainException(Kind.INVALID, value.matches("\\d{10}|\\d{12}")
          ? "ИНН " + value + " не проходит проверку контрольного числа — проверьте цифры"
          : "ИНН — 10 цифр у организации или 12 у ИП и физического лица");
    }
    return value;
  }

  /** The ОГРН or ОГРНИП, or null when blank. @throws DomainException INVALID when it is none */
  public static String requireOgrn(String raw) {
    String value = compact(raw);
    if (value != null && !isOgrn(value)) {
      throw new DomainException(Kind.INVALID, value.matches("\\d{13}|\\d{15}")
          ? "ОГРН " + value + " не проходит проверку контрольного числа — проверьте цифры"
          : "ОГРН — 13 цифр у организации, ОГРНИП — 15 цифр у ИП");
    }
    return value;
  }

  /** The КПП in capitals, or null when blank. @throws DomainException INVALID when it is none */
  public static String requireKpp(String raw) {
    String value = compact(raw);
    value = value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    if (value != null && !isKpp(value)) {
      throw new DomainException(Kind.INVALID, "КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры (например 770101001)");
    }
    return value;
  }

  /**
   * The numbers together: an organisation (ИНН of 10) has a 13-digit ОГРН and may have a КПП; an ИП
   * (ИНН of 12) has a 15-digit ОГРНИП and no КПП.
   */
  public static void requireConsistent(String inn, String kpp, String ogrn) {
    if (inn != null && inn.length() == 12 && kpp != null) {
      throw new DomainException(Kind.INVALID, "КПП бывает только у организации (ИНН из 10 цифр), у ИП его нет");
    }
    if (inn != null && ogrn != null && (inn.length() == 10) != (ogrn.length() == 13)) {
      throw new DomainException(Kind.INVALID, inn.length() == 10
          ? "У организации (ИНН из 10 цифр) ОГРН из 13 цифр" : "У ИП (ИНН из 12 цифр) ОГРНИП из 15 цифр");
    }
  }

  private static String compact(String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.replaceAll("[\\s\u00A0-]", "");
    return value.isEmpty() ? null : value;
  }

  private static int check(String value, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * digit(value, i);
    }
    return sum % 11 % 10;
  }

  private static int digit(String value, int index) {
    return value.charAt(index) - '0';
  }
}
