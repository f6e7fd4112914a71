package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Уведомить менеджеров о новой заявке» (FUN-1). */
@Component("notifyManagers")
class NotifyManagers implements JavaDelegate {

  private final FunnelSteps steps;

  NotifyManagers(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.notifyManagersOfNewRequest((Long) execution.getVariable(Vars.DEAL_ID));
  }
}
