package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Закрыть сделку как проваленную» with the reason the message brought (FUN-9). */
@Component("closeDealAsLost")
class CloseDealAsLost implements JavaDelegate {

  private final FunnelSteps steps;

  CloseDealAsLost(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.closeAsLost((Long) execution.getVariable(Vars.DEAL_ID),
        LostReason.valueOf((String) execution.getVariable(Vars.LOST_REASON)), (String) execution.getVariable(Vars.LOST_COMMENT));
  }
}
