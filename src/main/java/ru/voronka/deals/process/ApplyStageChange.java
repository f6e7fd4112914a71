package ru.voronka.deals.process;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/**
 * «Подготовить вход в выбранную стадию» (FUN-10): the funnel re-enters at the chosen stage. A deal
 * that skipped «КП» has no document set yet, so the same DMN table decides it now.
 */
@Component("applyStageChange")
class ApplyStageChange implements JavaDelegate {

  static final String DOCUMENT_SET_DECISION = "documentSet";

  private final DecisionService decisions;

  ApplyStageChange(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DealStage target = DealStage.valueOf((String) execution.getVariable(Vars.TARGET_STAGE));
    execution.setVariable(Vars.ENTRY_STAGE, target.name());
    if (target.ordinal() > DealStage.KP.ordinal() && execution.getVariable(Vars.APPROVAL_REQUIRED) == null) {
      Map<String, Object> amount = new java.util.HashMap<>();
      amount.put(Vars.AMOUNT, execution.getVariable(Vars.AMOUNT));
      var result = decisions.evaluateDecisionByKey(DOCUMENT_SET_DECISION).variables(amount).evaluate().getSingleResult();
      execution.setVariable(Vars.DOCUMENT_SET, result.getEntry(Vars.DOCUMENT_SET));
      execution.setVariable(Vars.APPROVAL_REQUIRED, result.getEntry(Vars.APPROVAL_REQUIRED));
    }
  }
}
