package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger;
import ru.voronka.messaging.ClientMessenger.OutgoingMessage;

/** «Сообщить клиенту об отказе». */
@Component("declineJoin")
class DeclineJoin implements JavaDelegate {

  private final ClientMessenger messenger;
  private final WhatsAppSettings settings;
  private final DealGroups groups;

  DeclineJoin(ClientMessenger messenger, WhatsAppSettings settings, DealGroups groups) {
    this.groups = groups;
    this.messenger = messenger;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long dealId = ((Number) execution.getVariable("dealId")).longValue();
    String joinRequestId = (String) execution.getVariable("joinRequestId");
    if (joinRequestId != null) { // asked in the provider's group: the provider lets them in or not
      groups.rejectJoin((String) execution.getVariable("groupId"), joinRequestId);
    }
    messenger.send(new OutgoingMessage(dealId, (String) execution.getVariable("phone"),
        "Менеджер не подтвердил вступление в группу сделки №" + dealId + ". " + settings.text(WhatsAppSettings.AUTO_REPLY),
        "join-no-" + execution.getProcessInstanceId()));
  }
}
