package ru.voronka.whatsapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.voronka.chat.ClientOutbox;

/**
 * The answer to a join request, admitted or declined (WA-10): a request asked in the provider's own
 * group is approved or rejected there, and the client is told — once per process, whatever the retries.
 */
@Component
class JoinAnswers {

  private final ClientOutbox outbox;
  private final DealGroups groups;

  JoinAnswers(ClientOutbox outbox, DealGroups groups) {
    this.outbox = outbox;
    this.groups = groups;
  }

  static long dealId(DelegateExecution execution) {
    return ((Number) execution.getVariable("dealId")).longValue();
  }

  void answer(DelegateExecution execution, boolean admitted, String text) {
    String joinRequestId = (String) execution.getVariable("joinRequestId");
    if (joinRequestId != null) { // asked in the provider's group: the provider lets them in or not
      String groupId = (String) execution.getVariable("groupId");
      if (admitted) {
        groups.approveJoin(groupId, joinRequestId);
      } else {
        groups.rejectJoin(groupId, joinRequestId);
      }
    }
    outbox.send(ClientOutbox.Outgoing.whatsapp(dealId(execution),
        (admitted ? "join-ok-" : "join-no-") + execution.getProcessInstanceId(), text, (String) execution.getVariable("phone")));
  }
}
