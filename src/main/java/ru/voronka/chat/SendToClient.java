package ru.voronka.chat;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/**
 * «Отправить клиенту». A refusal another attempt cannot fix is the BPMN error «Сообщение не
 * принято»; any other failure marks the message «Ошибка» at once (in its own transaction, so the
 * manager sees it while the job waits) and fails the job, which Camunda retries.
 */
@Component("sendToClient")
class SendToClient implements JavaDelegate {

  static final String NOT_SENDABLE = "NOT_SENDABLE";

  private final ClientDelivery delivery;
  private final SendFailures failures;

  SendToClient(ClientDelivery delivery, SendFailures failures) {
    this.delivery = delivery;
    this.failures = failures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long messageId = ((Number) execution.getVariable("messageId")).longValue();
    try {
      delivery.deliver(messageId);
    } catch (MessageNotSentException e) {
      if (!e.isRetryable()) {
        throw new BpmnError(NOT_SENDABLE, e.getMessage());
      }
      failures.record(messageId, e.getMessage() + " — отправка повторится автоматически");
      throw e;
    }
  }
}
