package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.PaymentSchedule;
import ru.voronka.deals.ProcessValues;

/** «Отметить транш оплаченным». */
@Component("markTranchePaid")
class MarkTranchePaid implements JavaDelegate {

  static final String PAID_ON = "paidOn";

  private final PaymentSchedule schedule;

  MarkTranchePaid(PaymentSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    schedule.markPaid((Long) execution.getVariable(PaymentControlProcess.TRANCHE_ID),
        ProcessValues.date(execution.getVariable(PAID_ON), "Дата поступления оплаты"));
  }
}
