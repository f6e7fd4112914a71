package ru.voronka.deals;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.platform.CurrentActor;

/** Orders of a deal opened and closed by the side processes (FUN-5). */
@Service
@Transactional
public class DealOrders {

  private final DealOrderRepository orders;
  private final DealRepository deals;
  private final DealHistory history;
  private final CurrentActor actor;

  private final Clock clock;

  DealOrders(DealOrderRepository orders, DealRepository deals, DealHistory history, CurrentActor actor, Clock clock) {
    this.clock = clock;
    this.orders = orders;
    this.deals = deals;
    this.history = history;
    this.actor = actor;
  }

  public DealOrder open(Long dealId, OrderKind kind, String processInstanceId) {
    deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    DealOrder order = orders.save(new DealOrder(dealId, kind, processInstanceId));
    history.record(dealId, actor.userId(), HistoryKind.ORDER, "Открыт заказ №" + order.getId() + " «" + kind.title() + "»");
    return order;
  }

  public void complete(String processInstanceId) {
    orders.findByProcessInstanceId(processInstanceId).ifPresent(order -> {
      order.complete(clock.instant());
      history.record(order.getDealId(), actor.userId(), HistoryKind.ORDER,
          "Заказ №" + order.getId() + " «" + order.getKind().title() + "» выполнен");
    });
  }

  @Transactional(readOnly = true)
  public List<DealOrder> of(Long dealId) {
    return orders.findByDealIdOrderByIdAsc(dealId);
  }
}
