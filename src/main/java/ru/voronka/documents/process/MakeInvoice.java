package ru.voronka.documents.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DocumentSet;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;

/**
 * «Счет»: the invoice — on entering the stage only when «Договор» has not made it already; after
 * «Отработать возражение, переформировать Счет» always, as a new version.
 */
@Component("makeInvoice")
public class MakeInvoice implements JavaDelegate {

  private final DealDocuments documents;

  public MakeInvoice(DealDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType invoice = FunnelDocuments.documentSet(execution) == DocumentSet.INVOICE_CONTRACT
        ? DocumentType.INVOICE_CONTRACT : DocumentType.INVOICE;
    boolean entering = ExecutionListener.EVENTNAME_START.equals(execution.getEventName());
    if (entering && documents.has(FunnelDocuments.dealId(execution), invoice)) {
      return;
    }
    FunnelDocuments.make(documents, execution, List.of(invoice));
  }
}
