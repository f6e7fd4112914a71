package ru.voronka.documents.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.documents.DealDocuments;

/** «Договор»: the set {@code document-set.dmn} chose — договор and счёт, or the счёт-договор. */
@Component("makeDocumentSet")
public class MakeDocumentSet implements JavaDelegate {

  private final DealDocuments documents;

  public MakeDocumentSet(DealDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FunnelDocuments.make(documents, execution, DealDocuments.typesOf(FunnelDocuments.documentSet(execution)));
  }
}
