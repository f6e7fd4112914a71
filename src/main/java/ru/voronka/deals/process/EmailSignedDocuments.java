package ru.voronka.deals.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.SignedDocuments;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Отправить подписанные документы бухгалтеру» (FUN-8, DOC-2). */
@Component("emailSignedDocuments")
class EmailSignedDocuments implements JavaDelegate {

  static final String ACT_NUMBER = "actNumber";
  static final String UPD_NUMBER = "updNumber";

  private final SignedDocuments documents;

  EmailSignedDocuments(SignedDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> signed = new ArrayList<>();
    signed.add("Акт выполненных работ" + number(execution.getVariable(ACT_NUMBER)));
    signed.add("УПД" + number(execution.getVariable(UPD_NUMBER)));
    documents.emailToAccountants((Long) execution.getVariable(Vars.DEAL_ID), signed);
  }

  private static String number(Object value) {
    return value == null || value.toString().isBlank() ? "" : " №" + value;
  }
}
