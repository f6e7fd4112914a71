package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealOrders;
import ru.voronka.deals.OrderKind;

/** «Открыть заказ по сделке»: the side process's order (FUN-5); {@code orderKind} is its input parameter. */
@Component("openOrder")
class OpenOrder implements JavaDelegate {

  private final DealOrders orders;

  OpenOrder(DealOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.open(DealIds.require(execution), OrderKind.valueOf((String) execution.getVariable("orderKind")),
        execution.getProcessInstanceId());
  }
}
