package ru.voronka.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The VAT rate printed on documents; «Без НДС» for the simplified taxation system (УСН). */
public enum VatRate {
  NONE(null, "Без НДС"),
  ZERO(0, "НДС 0%"),
  FIVE(5, "НДС 5%"),
  SEVEN(7, "НДС 7%"),
  TEN(10, "НДС 10%"),
  TWENTY(20, "НДС 20%"),
  TWENTY_TWO(22, "НДС 22%");

  private final Integer percent;
  private final String title;

  VatRate(Integer percent, String title) {
    this.percent = percent;
    this.title = title;
  }

  public String title() {
    return title;
  }

  public boolean charged() {
    return percent != null;
  }

  /** «22%», or «без НДС» in the УПД's rate column. */
  public String column() {
    return percent == null ? "без НДС" : percent + "%";
  }

  /** The VAT included in an amount that includes it: amount × r / (100 + r), to the kopeck. */
  public BigDecimal includedIn(BigDecimal amount) {
    if (percent == null || percent == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return amount.multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100L + percent), 2, RoundingMode.HALF_UP);
  }
}
