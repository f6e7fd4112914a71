package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Назначить ответственного»: the manager who took the request (FUN-1). */
@Component("assignResponsible")
class AssignResponsible implements JavaDelegate {

  private final FunnelSteps steps;

  AssignResponsible(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = (String) execution.getVariable(Vars.COMPLETED_BY);
    steps.takeIntoWork((Long) execution.getVariable(Vars.DEAL_ID), userId);
    execution.setVariable(Vars.RESPONSIBLE, userId);
  }
}
