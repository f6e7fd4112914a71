package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Записать решение РОП в историю сделки»: approved, or returned with the comment the manager must see. */
@Component("recordApprovalDecision")
class RecordApprovalDecision implements JavaDelegate {

  private final FunnelSteps steps;

  RecordApprovalDecision(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordApprovalDecision((Long) execution.getVariable(Vars.DEAL_ID),
        InternalApprovalProcess.APPROVED.equals(execution.getVariable(InternalApprovalProcess.DECISION)),
        (String) execution.getVariable(InternalApprovalProcess.COMMENT));
  }
}
