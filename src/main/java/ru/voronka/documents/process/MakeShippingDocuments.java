package ru.voronka.documents.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;

/** «Отгружен/Доставлен»: the act, the ТОРГ-12 and the УПД the client signs. */
@Component("makeShippingDocuments")
public class MakeShippingDocuments implements JavaDelegate {

  static final List<DocumentType> SHIPPING = List.of(DocumentType.ACT, DocumentType.WAYBILL, DocumentType.UPD);

  private final DealDocuments documents;

  public MakeShippingDocuments(DealDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FunnelDocuments.make(documents, execution, SHIPPING);
  }
}
