package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** «Допустить номер в группу и сообщить клиенту». */
@Component("admitToGroup")
class AdmitToGroup implements JavaDelegate {

  private final GroupAdmissions admissions;
  private final ClientMessenger messenger;
  private final DealGroups groups;

  AdmitToGroup(GroupAdmissions admissions, ClientMessenger messenger, DealGroups groups) {
    this.groups = groups;
    this.admissions = admissions;
    this.messenger = messenger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long dealId = ((Number) execution.getVariable("dealId")).longValue();
    String joinRequestId = (String) execution.getVariable("joinRequestId");
    if (joinRequestId != null) { // asked in the provider's group: the provider lets them in or not
      groups.approveJoin((String) execution.getVariable("groupId"), joinRequestId);
    }
    String phone = (String) execution.getVariable("phone");
    admissions.admit(dealId, phone, "process:" + execution.getProcessInstanceId());
    messenger.send(new OutgoingMessage(dealId, phone, "Вы добавлены в группу сделки №" + dealId
        + ". Пишите сюда — менеджер ответит.", "join-ok-" + execution.getProcessInstanceId()));
  }
}
