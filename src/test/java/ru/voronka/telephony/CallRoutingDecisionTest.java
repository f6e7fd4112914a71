package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/call-routing.dmn (TEL-5, TEL-7): whom an incoming call rings first. */
class CallRoutingDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = CallRoutingDecisionTest.class.getResourceAsStream("/dmn/call-routing.dmn")) {
      decision = dmn.parseDecision("callRouting", model);
    }
  }

  @ParameterizedTest(name = "known {0}, responsible free {1}, working hours {2} → {3}")
  @CsvSource({
      "true, true, true, RESPONSIBLE_THEN_RANKING, 5",
      "true, false, true, RANKING, 5",
      "false, false, true, RANKING, 5",
      "true, true, false, MOBILES, 0",
      "false, false, false, MOBILES, 0"})
  void routes(boolean known, boolean free, boolean hours, String route, int desks) {
    var result = dmn.evaluateDecisionTable(decision, Map.of("knownClient", known, "responsibleFree", free,
        "workingHours", hours)).getSingleResult();
    assertThat(result.<String>getEntry("route")).isEqualTo(route);
    assertThat(((Number) result.getEntry("ringSeconds")).intValue()).isBetween(10, 30); // about three rings
    // A caller waits a couple of minutes at most: five desks, then three mobiles, about three rings each.
    assertThat(((Number) result.getEntry("desks")).intValue()).isEqualTo(desks);
    assertThat(((Number) result.getEntry("mobiles")).intValue()).isEqualTo(3);
  }

  @Test
  void officeHoursAreWeekdaysNineToSixMoscowByDefault() {
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    var office = new TelephonyProperties(null, null, null, null, null, null, null, null, null);
    assertThat(office.officeOpen(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, moscow))).isTrue();
    assertThat(office.officeOpen(ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, moscow))).isFalse();
    assertThat(office.officeOpen(ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, moscow))).isFalse(); // Sunday
  }
}
