package ru.voronka.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The payment QR of ГОСТ Р 56042-2014 that Russian banking apps read: «ST00012» (format 0001, UTF-8),
 * then Name, PersonalAcc, BankName, BIC, CorrespAcc, Sum (kopecks), Purpose, PayeeINN, KPP separated
 * by «|»; a «|» inside a value would end it, so it is replaced.
 */
public final class PaymentQr {

  private PaymentQr() {}

  public static String of(CompanyRequisites payee, BigDecimal sum, String purpose) {
    StringBuilder s = new StringBuilder("ST00012");
    field(s, "Name", payee.name());
    field(s, "PersonalAcc", payee.account());
    field(s, "BankName", payee.bankName());
    field(s, "BIC", payee.bik());
    field(s, "CorrespAcc", payee.corrAccount());
    field(s, "Sum", sum.setScale(2, RoundingMode.HALF_UP).movePointRight(2).toPlainString());
    field(s, "Purpose", purpose);
    field(s, "PayeeINN", payee.inn());
    if (payee.kpp() != null) {
      field(s, "KPP", payee.kpp());
    }
    return s.toString();
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append('|').append(name).append('=').append(value == null ? "" : value.replace('|', '/').strip());
  }
}
