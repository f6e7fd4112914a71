package ru.voronka.deals;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealViews.DealDetails;
import ru.voronka.deals.DealViews.TaskView;
import ru.voronka.deals.process.DealProcesses;

/** A deal's whole card — fields, open tasks, orders, schedule, KP, 1C — for the API and the workspace alike. */
@Component
public class DealCards {

  private final DealProcesses processes;
  private final DealOrders orders;
  private final PaymentSchedule schedule;
  private final KpLineRepository kpLines;
  private final LogisticsMirroring logistics;
  private final DealLinks links;

  DealCards(DealProcesses processes, DealOrders orders, PaymentSchedule schedule, KpLineRepository kpLines,
      LogisticsMirroring logistics, DealLinks links) {
    this.processes = processes;
    this.orders = orders;
    this.schedule = schedule;
    this.kpLines = kpLines;
    this.logistics = logistics;
    this.links = links;
  }

  /** Call inside a transaction: it reads the deal's associations. */
  public DealDetails details(Deal deal) {
    List<TaskView> tasks = processes.openTasks(deal.getId()).stream().map(this::task).toList();
    return DealViews.details(deal, tasks, orders.of(deal.getId()), schedule.current(deal.getId()),
        kpLines.findByDealIdOrderByLineNo(deal.getId()), logistics.of(deal.getId()));
  }

  private TaskView task(Task t) {
    return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getDueDate(), t.getCreateTime(),
        t.getProcessDefinitionId(), links.task(t.getId()));
  }
}
