package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.KpImport;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/**
 * «Загрузить КП и номенклатуру из 1С» (FUN-4, ONE-1): the 1C КП is proposed beside the deal's lines;
 * the amount changes only when the manager takes it (issue 15).
 */
@Component("importKpFromOneC")
class ImportKpFromOneC implements JavaDelegate {

  private final KpImport kpImport;

  ImportKpFromOneC(KpImport kpImport) {
    this.kpImport = kpImport;
  }

  @Override
  public void execute(DelegateExecution execution) {
    kpImport.proposeFromOneC((Long) execution.getVariable(Vars.DEAL_ID));
  }
}
