package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** What people type into the workspace's forms, read the Russian way: «340 000,50», «20.01.2027», lists split by commas. */
final class FormValues {

  private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

  private FormValues() {}

  /** Roubles with kopecks: spaces between thousands and a decimal comma are fine. */
  static BigDecimal money(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.replaceAll("[\\s\u00A0₽]|руб\\.?", "").replace(',', '.');
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new DomainException(Kind.INVALID, field + ": «" + raw.strip() + "» — не сумма, например 340 000 или 340000,50");
    }
  }

  /** дд.мм.гггг (also the yyyy-mm-dd a date input sends). */
  static LocalDate date(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    try {
      return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, RUSSIAN_DATE);
    } catch (DateTimeParseException e) {
      throw new DomainException(Kind.INVALID, field + ": «" + value + "» — не дата, нужна дд.мм.гггг, например 20.01.2027");
    }
  }

  /** «+7 912 600-70-80, 8 495 649 84 47» → two numbers; commas, semicolons or line breaks separate. */
  static List<String> list(String raw) {
    return raw == null ? List.of() : Arrays.stream(raw.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  /**
   * After a form did its work: htmx is told where to go (HX-Redirect: the whole page loads), a plain
   * post is redirected.
   */
  static String go(String path, HttpServletRequest request, HttpServletResponse response) {
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", path);
      return "workspace/fragments/empty";
    }
    return "redirect:" + path;
  }
}
