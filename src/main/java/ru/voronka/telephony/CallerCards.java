package ru.voronka.telephony;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Directory;
import ru.voronka.directory.Readiness;

/**
 * The caller's card for «Итог звонка»: the known client, or — for a number Voronka did not know —
 * a new card with that number and the readiness mark the manager set (TEL-4, TEL-6), made once.
 */
@Component
class CallerCards {

  private final Directory directory;
  private final PhoneCallRepository calls;

  CallerCards(Directory directory, PhoneCallRepository calls) {
    this.directory = directory;
    this.calls = calls;
  }

  Counterparty clientOf(DelegateExecution execution) {
    Object known = execution.getVariable("counterpartyId");
    if (known instanceof Number id) {
      return directory.counterparty(id.longValue()).orElseThrow();
    }
    String name = (String) execution.getVariable("clientName");
    // The person is named as typed, never after the company; unnamed, «Контактное лицо» until someone learns the name.
    Counterparty client = directory.registerCaller(name, (String) execution.getVariable("contactName"),
        (String) execution.getVariable("clientNumber"),
        Readiness.valueOf((String) execution.getVariable("readiness")));
    // The new client is the manager's who took the call, as a card made by hand is its maker's.
    directory.employee((String) execution.getVariable("employee")).ifPresent(client::assignResponsible);
    execution.setVariable("counterpartyId", client.getId());
    calls.findById(((Number) execution.getVariable("callId")).longValue()).ifPresent(call -> call.identify(client, null));
    return client;
  }
}
