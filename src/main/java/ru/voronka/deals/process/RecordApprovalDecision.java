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
    boolean approved = InternalApprovalProcess.APPROVED.equals(execution.getVariable(InternalApprovalProcess.DECISION));
    // The comment belongs to a return; after an earlier return it is still set and must not reappear on approval.
    steps.recordApprovalDecision((Long) execution.getVariable(Vars.DEAL_ID), approved,
        approved ? null : (String) execution.getVariable(InternalApprovalProcess.COMMENT));
  }
}
