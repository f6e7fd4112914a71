package ru.voronka.documents;

import java.util.ArrayList;
import java.util.List;

/** The seller as printed on every document (the administrator's settings page keeps it). */
public record CompanyRequisites(String name, String inn, String kpp, String ogrn, String legalAddress, String postalAddress,
    String phone, String email, String bankName, String bik, String account, String corrAccount, String director,
    String directorTitle, String accountant, VatRate vatRate, boolean paymentQr, int kpValidDays, boolean hasLogo,
    boolean hasStamp, boolean hasSignature) {

  /** The requisites no Russian accountant accepts a document without, with their names on the page. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    need(missing, name, "Наименование организации");
    need(missing, inn, "ИНН");
    if (inn != null && inn.length() == 10) { // an organisation; an ИП (12 digits) has no КПП
      need(missing, kpp, "КПП");
    }
    need(missing, ogrn, "ОГРН");
    need(missing, legalAddress, "Юридический адрес");
    need(missing, bankName, "Банк");
    need(missing, bik, "БИК");
    need(missing, account, "Расчётный счёт");
    need(missing, corrAccount, "Корреспондентский счёт");
    need(missing, director, "Руководитель");
    return missing;
  }

  private static void need(List<String> missing, String value, String title) {
    if (value == null || value.isBlank()) {
      missing.add(title);
    }
  }
}
