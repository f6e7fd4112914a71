package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Escalations;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Эскалировать…»: the input parameter {@code deadline} names which deadline passed (FUN-10). */
@Component("escalateDeadline")
class EscalateDeadline implements JavaDelegate {

  private final Escalations escalations;

  EscalateDeadline(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.escalate((Long) execution.getVariable(Vars.DEAL_ID), (String) execution.getVariable(Vars.DEADLINE),
        (Long) execution.getVariable(PaymentControlProcess.TRANCHE_ID));
  }
}
