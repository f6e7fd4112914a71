package ru.voronka.documents;

/** A buyer's requisites beyond the name and INN the directory keeps; empty fields print as blanks, as in 1C. */
public record BuyerRequisites(String kpp, String ogrn, String legalAddress, String bankName, String bik, String account,
    String corrAccount) {

  public static final BuyerRequisites NONE = new BuyerRequisites(null, null, null, null, null, null, null);
}
