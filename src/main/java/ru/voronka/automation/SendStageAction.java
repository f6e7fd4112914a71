package ru.voronka.automation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.automation.StageAutomationProcess.Vars;

/** «Отправить сообщение в WhatsApp»: through the one outbox, keyed by the run and the number. */
@Component("sendStageAction")
class SendStageAction implements JavaDelegate {

  private final StageActionRuns runs;

  SendStageAction(StageActionRuns runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runs.send((String) execution.getVariable(Vars.RUN_KEY), CheckStageAction.dealId(execution), CheckStageAction.actionId(execution));
  }
}
