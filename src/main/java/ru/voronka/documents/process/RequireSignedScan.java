package ru.voronka.documents.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.voronka.documents.DealDocuments;
import ru.voronka.documents.DocumentType;

/**
 * The «complete» listener of «Отправить Акты выполненных работ, получить подписанный документ» and
 * «Отправить УПД, получить подписанный документ» (FUN-8, DOC-2): the task is not done until the
 * client's signed scan of its document is uploaded for the deal — from the task's page, the deal's
 * «Документы» tab or the API — whichever way the task is completed (workspace, Tasklist, REST).
 */
@Component("requireSignedScan")
public class RequireSignedScan {

  private final DealDocuments documents;

  public RequireSignedScan(DealDocuments documents) {
    this.documents = documents;
  }

  /** {@code ${requireSignedScan.of(task, 'ACT')}}: refuses the completion with «Загрузите скан подписанного акта». */
  public void of(DelegateTask task, String type) {
    Object dealId = task.getVariable(FunnelDocuments.DEAL_ID);
    if (dealId == null) {
      throw new IllegalStateException("Задача «" + task.getName() + "» без сделки (dealId)");
    }
    documents.requireSigned(((Number) dealId).longValue(), DocumentType.valueOf(type));
  }
}
