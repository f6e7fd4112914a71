package ru.voronka.deals.process;

import java.time.LocalDate;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** processes/payment-control.bpmn: each tranche waits for its payment; an overdue one is reported (FUN-6). */
@Deployment(resources = "processes/payment-control.bpmn")
class PaymentControlProcessTest extends ProcessTest {

  @Test
  void everyTranche_paidInTime_completesTheSchedule() {
    ProcessInstance control = start();
    List<Task> tranches = taskQuery().processInstanceId(control.getId()).list();
    org.assertj.core.api.Assertions.assertThat(tranches).hasSize(2).allSatisfy(t -> assertThat(t).isAssignedTo(ProcessTestBeans.MANAGER));
    tranches.forEach(tranche -> complete(tranche, withVariables("paidOn", "2026-12-01")));
    assertThat(control).isEnded().hasPassed("Task_MarkTranchePaid", "EndEvent_SchedulePaid");
    verify(beans.schedule).markPaid(101L, LocalDate.of(2026, 12, 1));
    verify(beans.schedule).markPaid(102L, LocalDate.of(2026, 12, 1));
  }

  @Test
  void overdueTranche_notifiesTheManagerAndTheHeadOfSales_andStillWaitsForPayment() {
    ProcessInstance control = start();
    execute(jobQuery().processInstanceId(control.getId()).timers().list().get(0));
    execute(jobQuery().processInstanceId(control.getId()).messages().singleResult());
    assertThat(control).hasPassed("Task_NotifyTrancheOverdue", "EndEvent_OverdueNotified")
        .isWaitingAt(PaymentControlProcess.TASK_CONFIRM_TRANCHE);
    verify(beans.escalations).escalate(eq(DEAL), eq("TRANCHE_OVERDUE"), anyLong());
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(PaymentControlProcess.KEY, String.valueOf(DEAL),
        withVariables(Vars.DEAL_ID, DEAL, Vars.RESPONSIBLE, ProcessTestBeans.MANAGER));
  }
}
