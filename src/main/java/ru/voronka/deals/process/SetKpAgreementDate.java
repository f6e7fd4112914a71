package ru.voronka.deals.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Установить дату согласования КП (+2 рабочих дня)» by the production calendar (FUN-2). */
@Component("setKpAgreementDate")
class SetKpAgreementDate implements JavaDelegate {

  static final String KP_AGREEMENT_DATE = "kpAgreementDate";

  private final FunnelSteps steps;

  SetKpAgreementDate(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = steps.setKpAgreementDate((Long) execution.getVariable(Vars.DEAL_ID));
    // A string for the forms to show; the timer reads the date from the deal.
    execution.setVariable(KP_AGREEMENT_DATE, date.toString());
  }
}
