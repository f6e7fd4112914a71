package ru.voronka.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Values as forms deliver them (Camunda Forms send dates as "2026-11-25" strings and numbers as
 * Long or Double; our API may send BigDecimal) read into the deal's types, with a Russian refusal.
 */
public final class ProcessValues {

  private ProcessValues() {}

  public static BigDecimal money(Object value, String field) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim().replace(',', '.').replace(" ", ""));
      if (amount.signum() < 0) {
        throw new DomainException(Kind.INVALID, "Поле «" + field + "» не может быть отрицательным");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw new DomainException(Kind.INVALID, "Поле «" + field + "»: «" + value + "» — не число");
    }
  }

  public static LocalDate date(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.of("Europe/Moscow")).toLocalDate();
    }
    try {
      String text = value.toString().trim();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new DomainException(Kind.INVALID, "Поле «" + field + "»: «" + value + "» — не дата (ожидается ГГГГ-ММ-ДД)");
    }
  }

  public static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new DomainException(Kind.INVALID, "Поле «" + field + "»: недопустимое значение «" + value + "»");
    }
  }

  public static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
