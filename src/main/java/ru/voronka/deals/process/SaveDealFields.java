package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Сохранить …»: the deal's fields a form has just filled go into the deal. */
@Component("saveDealFields")
class SaveDealFields implements JavaDelegate {

  private final FunnelSteps steps;

  SaveDealFields(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.saveFields((Long) execution.getVariable(Vars.DEAL_ID), execution.getVariables());
  }
}
