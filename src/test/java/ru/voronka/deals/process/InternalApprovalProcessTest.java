package ru.voronka.deals.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DocumentSet;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.KpLine;
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

  @Test
  void theApprovalShowsTheDocumentsTheAmountTheMarginTheGoodsAndTheDeal() {
    Deal deal = new Deal("Поставка клапанов", Funnel.SALES, null);
    deal.setAmount(new BigDecimal("340000"));
    deal.setMargin(new BigDecimal("85000"));
    deal.setDocumentSet(DocumentSet.CONTRACT_AND_INVOICE);
    when(beans.dealRepository.findById(DEAL)).thenReturn(Optional.of(deal));
    when(beans.kpLines.findByDealIdOrderByLineNo(org.mockito.ArgumentMatchers.any())).thenReturn(List.of(
        new KpLine(DEAL, 1, "V-20", "Клапан обратный Ду50", "шт", new BigDecimal("20"), new BigDecimal("17000"), "1С")));
    ProcessInstance approval = start();
    String facts = (String) taskService().getVariableLocal(task(InternalApprovalProcess.TASK_APPROVE, approval).getId(),
        ShowApprovalFacts.VARIABLE);
    org.assertj.core.api.Assertions.assertThat(facts).contains(DocumentSet.CONTRACT_AND_INVOICE.title())
        .contains("340\u00a0000,00\u00a0₽").contains("85\u00a0000,00\u00a0₽ (25,0 %)").contains("Клапан обратный Ду50 — 20 шт")
        .contains("/deals/" + DEAL);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(InternalApprovalProcess.KEY, String.valueOf(DEAL),
        withVariables(Vars.DEAL_ID, DEAL, Vars.RESPONSIBLE, ProcessTestBeans.MANAGER, Vars.DOCUMENT_SET, "CONTRACT_AND_INVOICE"));
  }
}
