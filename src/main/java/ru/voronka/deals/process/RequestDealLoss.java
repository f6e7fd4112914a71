package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealService;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** The «Провалить сделку» form of Tasklist: the same command as the API's, with the same checks. */
@Component("requestDealLoss")
class RequestDealLoss implements JavaDelegate {

  private final DealService deals;
  private final ActingViewer viewer;

  RequestDealLoss(DealService deals, ActingViewer viewer) {
    this.deals = deals;
    this.viewer = viewer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deals.lose(DealIds.require(execution), ProcessValues.enumValue(LostReason.class, execution.getVariable(Vars.LOST_REASON), "Причина"),
        ProcessValues.text(execution.getVariable(Vars.LOST_COMMENT)), viewer.current());
  }
}
