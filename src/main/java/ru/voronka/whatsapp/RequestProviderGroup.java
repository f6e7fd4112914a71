package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/** «Запросить группу у провайдера»: a refusal no retry fixes is «Провайдер отказал в группе»; the rest is retried. */
@Component("requestProviderGroup")
class RequestProviderGroup implements JavaDelegate {

  private final DealGroups groups;

  RequestProviderGroup(DealGroups groups) {
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long dealId = ((Number) execution.getVariable("dealId")).longValue();
    try {
      execution.setVariable("requestId", groups.request(dealId));
    } catch (MessageNotSentException e) {
      if (!e.isRetryable()) {
        throw new BpmnError("GROUP_REFUSED", e.getMessage());
      }
      throw e;
    }
  }
}
