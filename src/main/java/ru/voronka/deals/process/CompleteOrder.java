package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealOrders;

/** «Закрыть заказ». */
@Component("completeOrder")
class CompleteOrder implements JavaDelegate {

  private final DealOrders orders;

  CompleteOrder(DealOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.complete(execution.getProcessInstanceId());
  }
}
