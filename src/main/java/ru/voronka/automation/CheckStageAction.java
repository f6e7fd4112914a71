package ru.voronka.automation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.automation.StageAutomationProcess.Vars;
import ru.voronka.deals.DealStage;

/** «Проверить условия отправки»: sets {@code skipReason} (null: send). */
@Component("checkStageAction")
class CheckStageAction implements JavaDelegate {

  private final StageActionRuns runs;

  CheckStageAction(StageActionRuns runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = runs.check((String) execution.getVariable(Vars.RUN_KEY), dealId(execution), actionId(execution),
        DealStage.valueOf((String) execution.getVariable(Vars.STAGE))).orElse(null);
    execution.setVariable(Vars.SKIP_REASON, reason);
  }

  static Long dealId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Vars.DEAL_ID)).longValue();
  }

  static Long actionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Vars.ACTION_ID)).longValue();
  }
}
