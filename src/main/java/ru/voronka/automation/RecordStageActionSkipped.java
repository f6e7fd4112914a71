package ru.voronka.automation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.automation.StageAutomationProcess.Vars;
import ru.voronka.deals.DealStage;

/**
 * «Записать: пропущено» — the reason the check found, or, when the deal left the stage while the run
 * waited (a re-checking action), the stage it went to.
 */
@Component("recordStageActionSkipped")
class RecordStageActionSkipped implements JavaDelegate {

  private final StageActionRuns runs;

  RecordStageActionSkipped(StageActionRuns runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = (String) execution.getVariable(Vars.SKIP_REASON);
    String newStage = (String) execution.getVariable(Vars.NEW_STAGE);
    if (reason == null) {
      reason = newStage == null ? "отменено" : "сделка на стадии «" + DealStage.valueOf(newStage).title() + "»";
    }
    runs.skipped((String) execution.getVariable(Vars.RUN_KEY), CheckStageAction.dealId(execution), reason);
  }
}
