package ru.voronka.chat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealWork;

/**
 * Messages to clients leave through «Отправка сообщения клиенту» (processes/send-client-message.bpmn):
 * started in the transaction that stores the message, sent by the job executor, retried with
 * back-off while the provider is down, an incident in Cockpit when it never comes back.
 */
@Component
class ClientMessageOutbox {

  static final String PROCESS = "sendClientMessage";

  private final RuntimeService runtime;

  ClientMessageOutbox(RuntimeService runtime) {
    this.runtime = runtime;
  }

  void enqueue(Long dealId, Long messageId) {
    runtime.startProcessInstanceByKey(PROCESS, DealWork.businessKey(dealId),
        Map.of("messageId", messageId, "dealId", dealId));
  }
}
