package ru.voronka.deals.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;

/** processes/internal-approval.bpmn: the РОП approves, or returns with a comment until approved (FUN-4). */
@Deployment(resources = "processes/internal-approval.bpmn")
class InternalApprovalProcessTest extends ProcessTest {

  @Test
  void approvedAtOnce() {
    ProcessInstance approval = start();
    assertThat(task(InternalApprovalProcess.TASK_APPROVE, approval)).hasCandidateGroup("rop");
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval), withVariables(InternalApprovalProcess.DECISION, "APPROVED"));
    assertThat(approval).isEnded().hasPassed("EndEvent_Approved").hasNotPassed(InternalApprovalProcess.TASK_REWORK);
    verify(beans.steps).recordApprovalDecision(DEAL, true, null);
  }

  @Test
  void returnedWithAComment_reworkedByTheManager_thenApproved() {
    ProcessInstance approval = start();
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval),
        withVariables(InternalApprovalProcess.DECISION, "RETURNED", InternalApprovalProcess.COMMENT, "Нет спецификации"));
    assertThat(task(InternalApprovalProcess.TASK_REWORK, approval)).isAssignedTo(ProcessTestBeans.MANAGER);
    complete(task(InternalApprovalProcess.TASK_REWORK, approval));
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval), withVariables(InternalApprovalProcess.DECISION, "APPROVED"));
    assertThat(approval).isEnded().hasPassed(InternalApprovalProcess.TASK_REWORK, "EndEvent_Approved");
    verify(beans.steps).recordApprovalDecision(DEAL, false, "Нет спецификации");
  }

  @Test
  void returnWithoutAComment_isRefused() {
    ProcessInstance approval = start();
    assertThatThrownBy(() -> complete(task(InternalApprovalProcess.TASK_APPROVE, approval),
        withVariables(InternalApprovalProcess.DECISION, "RETURNED")))
        .hasRootCauseInstanceOf(DomainException.class).hasMessageContaining("комментарий");
    assertThat(approval).isWaitingAt(InternalApprovalProcess.TASK_APPROVE);
  }

  @Test
  void notApprovedWithinAnHour_isEscalated() {
    ProcessInstance approval = start();
    execute(job("Boundary_ApprovalOverdue", approval));
    execute(job("Task_EscalateApproval", approval));
    assertThat(approval).hasPassed("EndEvent_ApprovalEscalated").isWaitingAt(InternalApprovalProcess.TASK_APPROVE);
    verify(beans.escalations).escalate(DEAL, "APPROVAL", null);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(InternalApprovalProcess.KEY, String.valueOf(DEAL),
        withVariables(Vars.DEAL_ID, DEAL, Vars.RESPONSIBLE, ProcessTestBeans.MANAGER, Vars.DOCUMENT_SET, "CONTRACT_AND_INVOICE"));
  }
}
