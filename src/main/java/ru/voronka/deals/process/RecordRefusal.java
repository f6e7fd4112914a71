package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Записать отказ и уведомить РОП»: the request goes back to the managers, the РОП learns why. */
@Component("recordRefusal")
class RecordRefusal implements JavaDelegate {

  private final FunnelSteps steps;

  RecordRefusal(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordRefusal((Long) execution.getVariable(Vars.DEAL_ID), (String) execution.getVariable(Vars.COMPLETED_BY),
        (String) execution.getVariable(Vars.REFUSAL_REASON));
  }
}
