package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * AUT-3: the checklist is executable. Every line of docs/checklists/stage-whatsapp-action.md is the
 * display name of at least one test, and every test that names a checklist id names a line that exists.
 */
class ChecklistTest {

  static final Path CHECKLIST = Path.of("docs/checklists/stage-whatsapp-action.md");
  static final Pattern LINE = Pattern.compile("(?m)^- \\*\\*(SWA-[A-Z]+-\\d+)\\*\\* — \\S");
  static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"(SWA-[A-Z]+-\\d+)\"\\)");

  static Set<String> lines() throws IOException {
    Set<String> ids = new TreeSet<>();
    Matcher m = LINE.matcher(Files.readString(CHECKLIST));
    while (m.find()) {
      assertThat(ids.add(m.group(1))).as("id %s appears twice in the checklist", m.group(1)).isTrue();
    }
    return ids;
  }

  static Set<String> testNames() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = DISPLAY_NAME.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  @Test
  void everyChecklistLineHasATest_andEveryTestNamesALine() throws IOException {
    Set<String> lines = lines();
    Set<String> tests = testNames();
    assertThat(lines).as("checklist lines").hasSizeGreaterThan(30);
    Set<String> untested = new TreeSet<>(lines);
    untested.removeAll(tests);
    Set<String> orphans = new TreeSet<>(tests);
    orphans.removeAll(lines);
    assertThat(untested).as("checklist lines without a test (@DisplayName)").isEmpty();
    assertThat(orphans).as("tests naming a checklist line that does not exist").isEmpty();
  }
}
