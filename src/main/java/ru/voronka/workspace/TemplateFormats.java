package ru.voronka.workspace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import ru.voronka.platform.RussianFormats;

/** {@link RussianFormats} for templates: {@code ${fmt.money(deal.amount)}}, {@code ${fmt.dateTime(m.createdAt)}}. */
public final class TemplateFormats {

  public String date(LocalDate date) {
    return RussianFormats.date(date);
  }

  public String dateTime(Instant instant) {
    return RussianFormats.dateTime(instant);
  }

  public String dateTime(Date date) {
    return date == null ? "—" : RussianFormats.dateTime(date.toInstant());
  }

  public String roubles(BigDecimal amount) {
    return RussianFormats.roubles(amount);
  }

  public String money(BigDecimal amount) {
    return RussianFormats.money(amount);
  }
}
