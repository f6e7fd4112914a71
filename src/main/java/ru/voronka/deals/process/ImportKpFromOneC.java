package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.KpImport;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Загрузить КП и номенклатуру из 1С» (FUN-4, ONE-1); the KP's total becomes the deal's amount. */
@Component("importKpFromOneC")
class ImportKpFromOneC implements JavaDelegate {

  private final KpImport kpImport;

  ImportKpFromOneC(KpImport kpImport) {
    this.kpImport = kpImport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    kpImport.importFromOneC((Long) execution.getVariable(Vars.DEAL_ID))
        .ifPresent(total -> execution.setVariable(Vars.AMOUNT, total.doubleValue()));
  }
}
