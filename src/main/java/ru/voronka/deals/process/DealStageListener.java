package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/**
 * Each stage of a funnel model says on entry {@code ${dealStage.enter(execution, 'KP')}}: the deal
 * moves to that stage and its history records who moved it.
 */
@Component("dealStage")
public class DealStageListener {

  private final FunnelSteps steps;

  DealStageListener(FunnelSteps steps) {
    this.steps = steps;
  }

  public void enter(DelegateExecution execution, String stage) {
    steps.enterStage((Long) execution.getVariable(Vars.DEAL_ID), DealStage.valueOf(stage));
  }
}
