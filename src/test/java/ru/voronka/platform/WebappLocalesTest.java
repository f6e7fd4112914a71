package ru.voronka.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda's webapps in Russian: each app's {@code ru.json} (ours) against the {@code en.json} of
 * the Camunda WebJar on the classpath — every key there, every key translated, placeholders and
 * markup kept. A Camunda upgrade that adds or renames labels fails here, naming them.
 */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Labels that read the same in Russian: product names, identifiers, symbols. */
  private static final Set<String> SAME_IN_RUSSIAN = Set.of("", ".", " — ", "<", "<=", ">", ">=", "<null>", "null", "ID",
      "ID*", "CSV", "JSON", "Camunda", "Camunda Cockpit", "Cockpit", "Tasklist", "Optimize");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}|%[sd]");
  private static final Pattern MARKUP = Pattern.compile("</?(a|br|strong|b|i|em|code)\\b[^>]*>");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyLabelOfCamundasEnglish_isInOurRussian(String app) throws IOException {
    JsonNode english = read(app, "en.json");
    JsonNode russian = read(app, "ru.json");

    Map<String, String> en = flatten(english);
    Map<String, String> ru = new TreeMap<>();
    // moment.js takes months as a list or as {format, standalone}: Russian needs both cases (января / январь)
    flatten(russian).forEach((path, text) -> {
      if (!path.contains(".standalone[")) {
        ru.put(path.replace(".format[", "["), text);
      }
    });
    assertThat(ru.keySet()).as("%s: keys of Camunda's en.json missing from ru.json (a Camunda upgrade added them?)", app)
        .containsAll(en.keySet());
    assertThat(en.keySet()).as("%s: labels in ru.json that Camunda's en.json no longer has", app)
        .containsAll(ru.keySet().stream().filter(k -> k.startsWith("labels.")).toList());

    List<String> untranslated = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    en.forEach((key, value) -> {
      String translation = ru.get(key);
      if (key.startsWith("labels.") && !SAME_IN_RUSSIAN.contains(translation) && !CYRILLIC.matcher(translation).find()) {
        untranslated.add(key + " = " + translation);
      }
      if (!tokens(PLACEHOLDER, value).equals(tokens(PLACEHOLDER, translation))
          || !tokens(MARKUP, value).equals(tokens(MARKUP, translation))) {
        brokenPlaceholders.add(key + ": «" + value + "» → «" + translation + "»");
      }
    });
    assertThat(untranslated).as("%s: labels not in Russian", app).isEmpty();
    assertThat(brokenPlaceholders).as("%s: placeholders or markup lost in translation", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreRussian(String app) throws IOException {
    JsonNode dates = read(app, "ru.json").path("dateLocales");
    assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
    assertThat(dates.path("week").path("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
    assertThat(dates.path("months").path("format").get(0).asText()).isEqualTo("января");
    assertThat(dates.path("months").path("standalone").get(0).asText()).isEqualTo("январь");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyAppTakesVoronkasSettings(String app) throws IOException {
    assertThat(text(APP + app + "/scripts/config.js")).contains("import voronka from '../../voronka/config.js';", "...voronka");
    assertThat(text(APP + app + "/styles/user-styles.css")).contains("@import url(\"../../voronka/webapps.css\");");
    String shared = text(APP + "voronka/config.js");
    assertThat(shared).contains("availableLocales: ['ru']", "fallbackLocale: 'ru'", "normal: 'DD.MM.YYYY HH:mm'",
        "customScripts: ['../voronka/russian']");
    assertThat(text(APP + "voronka/webapps.css")).contains(".ce-eol-banner {\n  display: none;");
  }

  private static JsonNode read(String app, String file) throws IOException {
    URL url = resource(APP + app + "/locales/" + file);
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Camunda's files start with a byte order mark: Jackson skips it
    }
  }

  private static String text(String path) throws IOException {
    try (InputStream in = resource(path).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static URL resource(String path) {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path + " on the classpath").isNotNull();
    return url;
  }

  /** Every leaf as «labels.KEY» or «dateLocales.months.format[0]» → its text. */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> leaves = new TreeMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      tokens.add(m.group().replaceAll("\\s+", "").replaceAll("=\"[^\"]*\"", ""));
    }
    tokens.sort(null);
    return tokens;
  }
}
