package ru.voronka.telephony;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealService;
import ru.voronka.deals.NewDeal;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Counterparty;
import ru.voronka.directory.Group;

/** «Создать заявку в воронке»: a new deal for the caller — the known client, or a new card with their number. */
@Component("createOrderRequest")
class CreateOrderRequest implements JavaDelegate {

  private final DealService deals;
  private final CallerCards callers;
  private final PhoneCallRepository calls;

  CreateOrderRequest(DealService deals, CallerCards callers, PhoneCallRepository calls) {
    this.deals = deals;
    this.callers = callers;
    this.calls = calls;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Counterparty client = callers.clientOf(execution);
    String employee = (String) execution.getVariable("employee");
    Deal deal = deals.create(new NewDeal((String) execution.getVariable("requestTitle"), client.getId(), null, null, null,
        null, null, null), Viewer.of(employee, List.of(Group.MANAGERS.id())));
    execution.setVariable("requestDealId", deal.getId());
    calls.findById(((Number) execution.getVariable("callId")).longValue())
        .ifPresent(call -> call.followedUpWith("Заявка: сделка №" + deal.getId()));
  }
}
