package ru.voronka.deals.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/escalation-recipients.dmn: who hears of each passed deadline (FUN-10). */
class EscalationRecipientsDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = EscalationRecipientsDecisionTest.class.getResourceAsStream("/dmn/escalation-recipients.dmn")) {
      decision = dmn.parseDecision("escalationRecipients", model);
    }
  }

  @ParameterizedTest(name = "{0}: РОП {1}, ответственный {2}")
  @CsvSource({
      "NEW_REQUEST, true, false, за 1 час",
      "KP_AGREEMENT, true, true, КП не согласовано",
      "APPROVAL, true, true, не согласованы РОП",
      "SIGNED_ACT, true, true, акт",
      "SIGNED_UPD, true, true, УПД",
      "TRANCHE_OVERDUE, true, true, транша",
      "CHECK_ITEMS, true, true, Товарные позиции не проверены",
      "ANSWER_CLIENT, true, true, Клиенту не ответили",
      "SOMETHING_NEW, true, true, Просрочен срок"})
  void everyDeadline_hasItsRecipients(String deadline, boolean headOfSales, boolean responsible, String titlePart) {
    var result = dmn.evaluateDecisionTable(decision, Map.of("deadline", deadline)).getSingleResult();
    assertThat(result.<Boolean>getEntry("notifyHeadOfSales")).isEqualTo(headOfSales);
    assertThat(result.<Boolean>getEntry("notifyResponsible")).isEqualTo(responsible);
    assertThat(result.<String>getEntry("title")).contains(titlePart);
  }
}
