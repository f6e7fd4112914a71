package ru.voronka.documents.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.documents.AccountantMail;

/**
 * «Отправить подписанные документы бухгалтеру» (FUN-8, DOC-2): the signed scans as attachments. An
 * asynchronous job: a mail that fails is retried, then an incident.
 */
@Component("emailSignedDocuments")
public class EmailSignedDocuments implements JavaDelegate {

  static final String ACT_NUMBER = "actNumber";
  static final String UPD_NUMBER = "updNumber";

  private final AccountantMail mail;

  public EmailSignedDocuments(AccountantMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> numbers = new ArrayList<>();
    numbers.add(text(execution.getVariable(ACT_NUMBER), "акт"));
    numbers.add(text(execution.getVariable(UPD_NUMBER), "УПД"));
    mail.sendSigned(FunnelDocuments.dealId(execution), numbers.stream().filter(n -> n != null).toList());
  }

  private static String text(Object value, String what) {
    return value == null || value.toString().isBlank() ? null : what + " №" + value;
  }
}
