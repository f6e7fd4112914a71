package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Закрыть сделку как успешную» (FUN-9; also the end of the «Инженеры» funnel). */
@Component("closeDealAsWon")
class CloseDealAsWon implements JavaDelegate {

  private final FunnelSteps steps;

  CloseDealAsWon(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.closeAsWon((Long) execution.getVariable(Vars.DEAL_ID));
  }
}
