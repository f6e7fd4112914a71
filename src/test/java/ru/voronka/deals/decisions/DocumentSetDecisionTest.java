package ru.voronka.deals.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/document-set.dmn on every boundary of FUN-4: «свыше 500 000», «свыше 150 000», иначе только счет. */
class DocumentSetDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = DocumentSetDecisionTest.class.getResourceAsStream("/dmn/document-set.dmn")) {
      decision = dmn.parseDecision("documentSet", model);
    }
  }

  @ParameterizedTest(name = "{0} ₽ → {1}, согласование: {2}")
  @CsvSource({
      "0, INVOICE, false",
      "149999.99, INVOICE, false",
      "150000, INVOICE, false",
      "150000.01, INVOICE_CONTRACT, true",
      "320000, INVOICE_CONTRACT, true",
      "500000, INVOICE_CONTRACT, true",
      "500000.01, CONTRACT_AND_INVOICE, true",
      "12500000, CONTRACT_AND_INVOICE, true"})
  void documentSet_byAmount(double amount, String expectedSet, boolean approval) {
    var result = dmn.evaluateDecisionTable(decision, Map.of("amount", amount)).getSingleResult();
    assertThat(result.<String>getEntry("documentSet")).isEqualTo(expectedSet);
    assertThat(result.<Boolean>getEntry("approvalRequired")).isEqualTo(approval);
  }

  @Test
  void unknownAmount_getsTheFullSetAndApproval() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("amount", null);
    var result = dmn.evaluateDecisionTable(decision, vars).getSingleResult();
    assertThat(result.<String>getEntry("documentSet")).isEqualTo("CONTRACT_AND_INVOICE");
    assertThat(result.<Boolean>getEntry("approvalRequired")).isTrue();
  }
}
