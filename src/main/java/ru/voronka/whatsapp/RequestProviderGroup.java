package ru.voronka.whatsapp;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/**
 * «Запросить группу у провайдера»: a refusal no retry fixes is «Провайдер отказал в группе»; the rest
 * is retried. {@code groupAnswered}: the provider's answer came before the request was recorded.
 */
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
      String requestId = groups.request(dealId);
      execution.setVariable("requestId", requestId);
      Optional<DealGroups.Answer> early = groups.earlyAnswer(requestId);
      execution.setVariable("groupAnswered", early.isPresent());
      early.ifPresent(answer -> {
        execution.setVariable("groupCreated", answer.created());
        execution.setVariable("groupError", answer.error());
      });
    } catch (MessageNotSentException e) {
      if (!e.isRetryable()) {
        throw new BpmnError("GROUP_REFUSED", e.getMessage());
      }
      throw e;
    }
  }
}
