package ru.voronka.documents.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.voronka.deals.DocumentSet;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;
import ru.voronka.platform.CurrentActor;

/** What the documents' delegates read from the sales funnel: the deal and the set the DMN table chose. */
final class FunnelDocuments {

  static final String DEAL_ID = "dealId";
  static final String DOCUMENT_SET = "documentSet";

  private FunnelDocuments() {}

  static Long dealId(DelegateExecution execution) {
    return ((Number) execution.getVariable(DEAL_ID)).longValue();
  }

  static DocumentSet documentSet(DelegateExecution execution) {
    Object set = execution.getVariable(DOCUMENT_SET);
    return set == null || set.toString().isBlank() ? null : DocumentSet.valueOf(set.toString());
  }

  static String reason(DelegateExecution execution) {
    String where = execution.getCurrentActivityName();
    return "Сформирован процессом" + (where == null ? "" : ": «" + where + "»");
  }

  static void make(DealDocuments documents, DelegateExecution execution, List<DocumentType> types) {
    documents.makeForProcess(dealId(execution), types, reason(execution), CurrentActor.SYSTEM);
  }
}
