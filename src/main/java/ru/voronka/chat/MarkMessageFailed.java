package ru.voronka.chat;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** «Пометить сообщение «Ошибка»»: the provider refused it for good; the reason shows on the message. */
@Component("markMessageFailed")
class MarkMessageFailed implements JavaDelegate {

  private final ClientDelivery delivery;

  MarkMessageFailed(ClientDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    delivery.giveUp(((Number) execution.getVariable("messageId")).longValue(), (String) execution.getVariable("failureReason"));
  }
}
