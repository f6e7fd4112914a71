package ru.voronka.documents.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;

/** «Отправить КП клиенту» and «Отработать возражение, переформировать КП»: a new version of the КП. */
@Component("makeKp")
public class MakeKp implements JavaDelegate {

  private final DealDocuments documents;

  public MakeKp(DealDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FunnelDocuments.make(documents, execution, List.of(DocumentType.KP));
  }
}
