package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Перевести в воронку «Инженеры»» (FUN-9). */
@Component("convertToEngineers")
class ConvertToEngineers implements JavaDelegate {

  static final String ENGINEERS_DEAL_ID = "engineersDealId";

  private final FunnelSteps steps;

  ConvertToEngineers(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ENGINEERS_DEAL_ID, steps.convertToEngineers((Long) execution.getVariable(Vars.DEAL_ID)).getId());
  }
}
