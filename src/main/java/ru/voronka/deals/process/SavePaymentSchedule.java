package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.voronka.deals.PaymentSchedule;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/**
 * «Сохранить график оплаты» (FUN-6). It runs in the transaction of the form's completion, so a
 * schedule that does not sum to 100 % refuses the completion itself and the form stays open.
 */
@Component("savePaymentSchedule")
class SavePaymentSchedule implements JavaDelegate {

  private final PaymentSchedule schedule;

  SavePaymentSchedule(PaymentSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object tranches = execution.getVariable(Vars.TRANCHES);
    // Tasklist sends the form's list as a JSON variable; our API sends a plain list.
    Object rows = tranches instanceof SpinJsonNode json ? json.mapTo(java.util.List.class) : tranches;
    schedule.replace((Long) execution.getVariable(Vars.DEAL_ID), PaymentSchedule.fromForm(rows));
  }
}
