package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Запустить контроль графика оплаты»: a process of its own watches every tranche from now on (FUN-6). */
@Component("startPaymentControl")
class StartPaymentControl implements JavaDelegate {

  private final DealProcesses processes;

  StartPaymentControl(DealProcesses processes) {
    this.processes = processes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    processes.restartPaymentControl((Long) execution.getVariable(Vars.DEAL_ID), (String) execution.getVariable(Vars.RESPONSIBLE));
  }
}
