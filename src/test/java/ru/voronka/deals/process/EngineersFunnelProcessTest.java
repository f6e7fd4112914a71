package ru.voronka.deals.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.inOrder;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** processes/engineers-funnel.bpmn: a won sale continues with the engineers (FUN-9). */
@Deployment(resources = "processes/engineers-funnel.bpmn")
class EngineersFunnelProcessTest extends ProcessTest {

  @Test
  void engineers_acceptTheDeal_doTheWork_andCloseIt() {
    ProcessInstance deal = runtimeService().startProcessInstanceByKey(EngineersFunnelProcess.KEY, String.valueOf(DEAL),
        withVariables(Vars.DEAL_ID, DEAL, Vars.RESPONSIBLE, ProcessTestBeans.MANAGER));
    assertThat(task("Task_AcceptEngineering", deal)).hasCandidateGroup("engineers");
    complete(task("Task_AcceptEngineering", deal));
    complete(task("Task_PerformWorks", deal), withVariables("result", "Пусконаладка выполнена"));
    assertThat(deal).isEnded().hasPassed("Task_CloseEngineering", "EndEvent_WorksDone");
    var order = inOrder(beans.steps);
    order.verify(beans.steps).enterStage(DEAL, DealStage.ENGINEERS_NEW);
    order.verify(beans.steps).enterStage(DEAL, DealStage.ENGINEERS_IN_WORK);
    order.verify(beans.steps).closeAsWon(DEAL);
  }
}
