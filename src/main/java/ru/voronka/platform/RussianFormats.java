package ru.voronka.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and money the way Russian users read them: «22.11.2026», «1 250 000,00 ₽», Moscow time. */
public final class RussianFormats {

  public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final Locale RU = Locale.forLanguageTag("ru-RU");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", RU);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RU);

  private RussianFormats() {}

  public static String date(LocalDate date) {
    return date == null ? "—" : DATE.format(date);
  }

  public static String dateTime(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atZone(MOSCOW));
  }

  public static String money(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(RU);
    symbols.setGroupingSeparator('\u00a0');
    symbols.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.00", symbols).format(amount) + "\u00a0₽";
  }

  /** Whole roubles for sums and totals: «340 000 ₽» (rounded half up; cents are noise on a board). */
  public static String roubles(BigDecimal amount) {
    if (amount == null) {
      return "0\u00a0₽";
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(RU);
    symbols.setGroupingSeparator('\u00a0');
    return new DecimalFormat("#,##0", symbols).format(amount.setScale(0, java.math.RoundingMode.HALF_UP)) + "\u00a0₽";
  }
}
