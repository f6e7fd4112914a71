package ru.voronka.documents;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * «Две тысячи двадцать два рубля 22 копейки»: the sum in words as 1C prints it under a document's
 * total — roubles spelt out by ICU4J's Russian rules (masculine, «тысяча» agreeing by itself),
 * kopecks in digits, both nouns agreeing with their number by Russian plural rules.
 */
public final class SumInWords {

  private static final ULocale RU = new ULocale("ru");
  private static final PluralRules PLURALS = PluralRules.forLocale(RU);
  // RuleBasedNumberFormat is not thread-safe; documents are made in parallel.
  private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT =
      ThreadLocal.withInitial(() -> new RuleBasedNumberFormat(RU, RuleBasedNumberFormat.SPELLOUT));

  private SumInWords() {}

  public static String of(BigDecimal amount) {
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("A sum in words needs a non-negative amount: " + amount);
    }
    BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
    long roubles = rounded.longValue();
    int kopecks = rounded.subtract(BigDecimal.valueOf(roubles)).movePointRight(2).intValueExact();
    String words = SPELLOUT.get().format(roubles, "%spellout-cardinal-masculine");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " " + noun(roubles, "рубль", "рубля", "рублей")
        + " " + String.format("%02d", kopecks) + " " + noun(kopecks, "копейка", "копейки", "копеек");
  }

  static String noun(long n, String one, String few, String many) {
    return switch (PLURALS.select(n)) {
      case "one" -> one;
      case "few" -> few;
      default -> many;
    };
  }
}
