package ru.voronka.deals.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.voronka.deals.OrderKind;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** Заказ Импорт, Производство, Закупки (FUN-5): startable at any stage, each opens and closes an order. */
@Deployment(resources = {"processes/import-order.bpmn", "processes/production.bpmn", "processes/procurement.bpmn"})
class SideProcessesTest extends ProcessTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "IMPORT, Task_PlaceForeignOrder, purchasers, Task_ArrangeCustoms, logists",
      "PRODUCTION, Task_PlanProduction, production, Task_ManufactureGoods, production",
      "PROCUREMENT, Task_PurchaseItems, purchasers, Task_ReceiveGoods, logists"})
  void sideProcess_opensAnOrder_walksItsTasks_andClosesIt(OrderKind kind, String first, String firstGroup, String second,
      String secondGroup) {
    // From Tasklist's start form the deal number arrives as a typed number.
    ProcessInstance order = runtimeService().startProcessInstanceByKey(kind.processKey(), withVariables(Vars.DEAL_ID, 42));
    verify(beans.orders).open(eq(DEAL), eq(kind), eq(order.getId()));
    assertThat(task(first, order)).hasCandidateGroup(firstGroup);
    complete(task(first, order));
    assertThat(task(second, order)).hasCandidateGroup(secondGroup);
    complete(task(second, order));
    assertThat(order).isEnded().hasPassed("Task_CompleteOrder", "EndEvent_OrderCompleted");
    verify(beans.orders).complete(order.getId());
  }
}
