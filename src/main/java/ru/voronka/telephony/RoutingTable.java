package ru.voronka.telephony;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The deployed «Кому звонит входящий звонок» table, evaluated in memory by Camunda's DMN engine:
 * a routing question comes with every ringing call and must be answered in milliseconds, so its
 * evaluations are not written to the decision history. The latest deployed version is used — an
 * analyst's change from Camunda Modeler counts within a minute.
 */
@Component
class RoutingTable {

  static final String KEY = "callRouting";

  /**
   * A deployed version and its answers so far. The table's inputs are three yes/no facts, so it
   * has eight possible answers; each is evaluated once per version (FEEL costs about a millisecond
   * per evaluation, and the caller is waiting).
   */
  private record Parsed(String definitionId, DmnDecision decision, long readAt,
      java.util.Map<java.util.Map<String, Object>, DmnDecisionRuleResult> answers) {

    Parsed(String definitionId, DmnDecision decision, long readAt) {
      this(definitionId, decision, readAt, new java.util.concurrent.ConcurrentHashMap<>());
    }
  }

  private final RepositoryService repository;
  /** A plain DMN engine of its own: the process engine's expects a command context and writes history. */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private volatile Parsed parsed;

  RoutingTable(RepositoryService repository) {
    this.repository = repository;
  }

  DmnDecisionRuleResult evaluate(VariableMap facts) {
    Parsed table = decision();
    return table.answers().computeIfAbsent(java.util.Map.copyOf(facts),
        key -> dmn.evaluateDecisionTable(table.decision(), facts).getSingleResult());
  }

  private Parsed decision() {
    Parsed current = parsed;
    if (current != null && System.nanoTime() - current.readAt() < 60_000_000_000L) {
      return current;
    }
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion()
        .singleResult();
    if (latest == null) {
      throw new IllegalStateException("The decision «" + KEY + "» is not deployed");
    }
    if (current == null || !current.definitionId().equals(latest.getId())) {
      try (InputStream model = repository.getDecisionModel(latest.getId())) {
        current = new Parsed(latest.getId(), dmn.parseDecision(KEY, model), System.nanoTime());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("The decision «" + KEY + "» cannot be read", e);
      }
    } else {
      current = new Parsed(current.definitionId(), current.decision(), System.nanoTime(), current.answers());
    }
    parsed = current;
    return current;
  }
}
