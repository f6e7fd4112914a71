package ru.voronka.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Russian numbering plan's register as Минцифры publishes it (DEF-9xx.csv, ABC-….csv):
 * {@code АВС/ DEF;От;До;Емкость;Оператор;Регион;…}, one range of ten-digit national numbers per
 * line. It names the carrier every range was given to; a number carried over to another network
 * (MNP) is not in it.
 */
final class NumberingPlan {

  private static final Logger log = LoggerFactory.getLogger(NumberingPlan.class);

  private record Range(long from, long to, String operator) {}

  private final Range[] ranges;

  private NumberingPlan(List<Range> ranges) {
    this.ranges = ranges.stream().sorted(Comparator.comparingLong(Range::from)).toArray(Range[]::new);
  }

  static NumberingPlan empty() {
    return new NumberingPlan(List.of());
  }

  /**
   * Reads the register's files; a file that cannot be read is a start-up error (a wrong path must
   * not quietly send every SMS from the default SIM), a line that cannot be read is logged and skipped.
   */
  static NumberingPlan read(List<Path> files) {
    List<Range> ranges = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          Optional<Range> range = parse(line);
          if (range.isPresent()) {
            ranges.add(range.get());
          } else if (number > 1 && !line.isBlank()) {
            log.warn("Реестр нумерации {}, строка {} не прочитана: {}", file, number, line);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Реестр нумерации не прочитан: " + file + " (" + e.getMessage() + ")", e);
      }
    }
    log.info("Реестр нумерации: {} диапазонов из {}", ranges.size(), files);
    return new NumberingPlan(ranges);
  }

  private static Optional<Range> parse(String line) {
    String[] fields = split(line.startsWith("\uFEFF") ? line.substring(1) : line);
    if (fields.length < 5 || !fields[0].trim().matches("\\d{3}") || !fields[1].trim().matches("\\d{1,7}")
        || !fields[2].trim().matches("\\d{1,7}")) {
      return Optional.empty(); // the header, or not a range
    }
    long code = Long.parseLong(fields[0].trim()) * 10_000_000L;
    return Optional.of(new Range(code + Long.parseLong(fields[1].trim()), code + Long.parseLong(fields[2].trim()),
        fields[4].trim()));
  }

  /** Semicolon-separated, a field in double quotes may hold semicolons and doubled quotes. */
  private static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"' && (quoted || field.isEmpty())) {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  /** The operator of the range holding this ten-digit national number («9161234567»), if the register has it. */
  Optional<String> operatorOf(String national) {
    if (ranges.length == 0 || national == null || !national.matches("\\d{10}")) {
      return Optional.empty();
    }
    long number = Long.parseLong(national);
    int low = 0;
    int high = ranges.length - 1;
    int candidate = -1;
    while (low <= high) { // the last range starting at or before the number
      int mid = (low + high) >>> 1;
      if (ranges[mid].from() <= number) {
        candidate = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return candidate >= 0 && number <= ranges[candidate].to() ? Optional.of(ranges[candidate].operator()) : Optional.empty();
  }

  int size() {
    return ranges.length;
  }

}
