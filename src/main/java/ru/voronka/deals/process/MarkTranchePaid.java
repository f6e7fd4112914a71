package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.PaymentSchedule;

/** «Отметить транш оплаченным». */
@Component("markTranchePaid")
class MarkTranchePaid implements JavaDelegate {

  private final PaymentSchedule schedule;

  MarkTranchePaid(PaymentSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    schedule.markPaid((Long) execution.getVariable(PaymentControlProcess.TRANCHE_ID));
  }
}
