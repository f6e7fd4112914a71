package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Зарегистрировать заявку»: a request from Tasklist's start form becomes a deal; one from the API already is. */
@Component("registerDeal")
class RegisterDeal implements JavaDelegate {

  private final FunnelSteps steps;

  RegisterDeal(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long dealId = (Long) execution.getVariable(Vars.DEAL_ID);
    Deal deal;
    if (dealId == null) {
      deal = steps.registerFromStartForm(ProcessValues.text(execution.getVariable(Vars.TITLE)),
          ProcessValues.text(execution.getVariable(Vars.CLIENT_NAME)), ProcessValues.text(execution.getVariable(Vars.CONTACT_NAME)),
          ProcessValues.text(execution.getVariable(Vars.CLIENT_PHONE)),
          ProcessValues.text(execution.getVariable(Vars.CLIENT_INN)), ProcessValues.text(execution.getVariable(Vars.DIRECTION)),
          ProcessValues.money(execution.getVariable(Vars.AMOUNT), "Сумма"), execution.getProcessInstanceId());
      execution.setVariable(Vars.DEAL_ID, deal.getId());
      execution.setProcessBusinessKey(DealProcesses.businessKey(deal.getId()));
    } else {
      deal = steps.deal(dealId);
      steps.attachProcess(dealId, execution.getProcessInstanceId());
    }
    execution.setVariable(Vars.ENTRY_STAGE, DealStage.NEW.name());
    execution.setVariable(Vars.TITLE, deal.getTitle());
    execution.setVariable(Vars.CLIENT_NAME, deal.getCounterparty() == null ? null : deal.getCounterparty().getName());
    if (deal.getAmount() != null) {
      execution.setVariable(Vars.AMOUNT, deal.getAmount().doubleValue());
    }
  }
}
