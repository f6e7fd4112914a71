package ru.voronka.deals;

import java.util.Locale;
import java.util.Objects;
import ru.voronka.directory.PhoneNumbers;

/**
 * What a search box's words mean for the deals: a deal's number, words found in its search text
 * ({@link DealSearchText}), a phone in any spelling. One meaning for the desktop, the board and the API.
 */
record SearchTerms(String words, long number, String digits) {

  /** The JPQL condition on a deal {@code d}, with the parameters {@link #bind} sets. */
  static final String MATCH = """
      (d.id = :number or d.searchText like concat('%', :words, '%')
       or (:digits <> '' and d.searchText like concat('%', :digits, '%')))""";

  static SearchTerms of(String q) {
    String typed = q.strip();
    return new SearchTerms(typed.toLowerCase(Locale.ROOT), typed.matches("\\d{1,18}") ? Long.parseLong(typed) : -1,
        // never null: PostgreSQL cannot type a null parameter used only with LIKE (it is bound as bytea)
        Objects.requireNonNullElse(PhoneNumbers.searchDigits(typed), ""));
  }

  void bind(java.util.function.BiConsumer<String, Object> parameter) {
    parameter.accept("words", words);
    parameter.accept("number", number);
    parameter.accept("digits", digits);
  }
}
