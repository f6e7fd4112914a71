package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealService;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** The «Сменить стадию сделки» form of Tasklist (FUN-10): the same command as the API's. */
@Component("requestStageChange")
class RequestStageChange implements JavaDelegate {

  private final DealService deals;
  private final ActingViewer viewer;

  RequestStageChange(DealService deals, ActingViewer viewer) {
    this.deals = deals;
    this.viewer = viewer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DealStage target = ProcessValues.enumValue(DealStage.class, execution.getVariable(Vars.TARGET_STAGE), "Стадия");
    if (target == null) {
      throw new ru.voronka.platform.web.DomainException(ru.voronka.platform.web.DomainException.Kind.INVALID, "Выберите стадию");
    }
    deals.changeStage(DealIds.require(execution), target, viewer.current());
  }
}
