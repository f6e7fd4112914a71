package ru.voronka.telephony;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Asterisk configuration file as Asterisk's config parser reads it: {@code [section]} or
 * {@code [section](template)} (a section name may repeat — pjsip.conf gives one name several
 * types), {@code key = value} and {@code key => value} lines in order, {@code ;} comments. Templates'
 * keys are inherited.
 */
record AsteriskConf(List<Section> sections) {

  record Section(String name, boolean template, List<String> templates, List<Map.Entry<String, String>> lines) {

    List<String> values(String key) {
      return lines.stream().filter(l -> l.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).toList();
    }

    Optional<String> value(String key) {
      return values(key).stream().findFirst();
    }
  }

  static final Path DIR = Path.of("docs/asterisk");

  static AsteriskConf read(String file) throws IOException {
    List<Section> sections = new ArrayList<>();
    Section current = null;
    for (String raw : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        String name = line.substring(1, line.indexOf(']'));
        String rest = line.substring(line.indexOf(']') + 1).strip();
        boolean template = rest.contains("!");
        List<String> templates = new ArrayList<>();
        if (rest.startsWith("(")) {
          for (String t : rest.substring(1, rest.indexOf(')')).split(",")) {
            if (!t.isBlank() && !t.strip().equals("!")) {
              templates.add(t.strip());
            }
          }
        }
        List<Map.Entry<String, String>> inherited = new ArrayList<>();
        for (String t : templates) {
          sections.stream().filter(s -> s.name().equals(t) && s.template()).forEach(s -> inherited.addAll(s.lines()));
        }
        current = new Section(name, template, templates, inherited);
        sections.add(current);
        continue;
      }
      int arrow = line.indexOf("=>");
      int equals = line.indexOf('=');
      int at = arrow >= 0 && arrow <= equals ? arrow : equals;
      if (at < 0 || current == null) {
        throw new IllegalStateException(file + ": not a configuration line: " + raw);
      }
      int width = at == arrow ? 2 : 1;
      current.lines().add(Map.entry(line.substring(0, at).strip(), line.substring(at + width).strip()));
    }
    return new AsteriskConf(sections);
  }

  /** A comment starts at an unescaped {@code ;}. */
  static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  List<Section> named(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The concrete sections of a type (pjsip.conf's {@code type=endpoint}…), templates' types included. */
  List<Section> ofType(String type) {
    return sections.stream().filter(s -> !s.template()).filter(s -> s.value("type").map(type::equals).orElse(false)).toList();
  }

  Map<String, Section> byName() {
    Map<String, Section> map = new LinkedHashMap<>();
    sections.forEach(s -> map.putIfAbsent(s.name(), s));
    return map;
  }
}
