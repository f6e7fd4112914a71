package ru.voronka.deals.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.process.SalesFunnelProcess.Tasks;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.documents.DocumentType;
import ru.voronka.platform.web.DomainException;

/** processes/sales-funnel.bpmn, one path per test (FUN-1 … FUN-10). */
@Deployment(resources = {"processes/sales-funnel.bpmn", "processes/internal-approval.bpmn", "dmn/document-set.dmn"})
class SalesFunnelProcessTest extends ProcessTest {

  @Test
  void invoiceOnly_atOrBelow150k_skipsApprovalAndReachesSuccess() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    agreeKp(deal, 150_000);
    assertThat(deal).hasPassed("Task_DecideDocumentSet").hasNotPassed("SubProcess_Contract").isWaitingAt(Tasks.SEND_INVOICE);
    assertThat(deal).variables().containsEntry(Vars.DOCUMENT_SET, "INVOICE").containsEntry(Vars.APPROVAL_REQUIRED, false);
    complete(task(Tasks.SEND_INVOICE, deal), withVariables(Vars.PAYMENT_TERMS, "PREPAYMENT", "invoiceSigned", true));
    pay(deal);
    launchAndShip(deal);
    closeDocuments(deal);

    assertThat(deal).isEnded().hasPassed("Task_CloseDealAsWon", "Task_ConvertToEngineers", "EndEvent_DealWon");
    var order = inOrder(beans.steps);
    for (DealStage stage : List.of(DealStage.NEW, DealStage.IN_WORK, DealStage.KP, DealStage.INVOICE, DealStage.LAUNCH,
        DealStage.ACCEPTED, DealStage.TO_SHIP, DealStage.SHIPPED, DealStage.WON)) {
      order.verify(beans.steps).enterStage(DEAL, stage);
    }
    verify(beans.steps, never()).enterStage(DEAL, DealStage.CONTRACT);
    verify(beans.steps).closeAsWon(DEAL);
    verify(beans.steps).convertToEngineers(DEAL);
    verify(beans.accountantMail).sendSigned(eq(DEAL), anyList());
    // DOC-1: the КП at «Отправить КП клиенту», the invoice alone at «Счет», the closing set at «Отгружен/Доставлен».
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.KP)), anyString(), anyString());
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.INVOICE)), anyString(), anyString());
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.ACT, DocumentType.WAYBILL, DocumentType.UPD)),
        anyString(), anyString());
    verify(beans.documents, never()).makeForProcess(eq(DEAL), eq(List.of(DocumentType.CONTRACT, DocumentType.INVOICE)),
        anyString(), anyString());
  }

  @Test
  void over500k_needsContractAndInvoice_approvedByHeadOfSales() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    agreeKp(deal, 500_000.01);
    assertThat(deal).variables().containsEntry(Vars.DOCUMENT_SET, "CONTRACT_AND_INVOICE").containsEntry(Vars.APPROVAL_REQUIRED, true);
    assertThat(deal).isWaitingAt("CallActivity_InternalApproval");
    // DOC-1: «Договор» makes the contract and the invoice for the РОП to approve; «Счет» then makes no second invoice.
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.CONTRACT, DocumentType.INVOICE)), anyString(),
        anyString());
    when(beans.documents.has(DEAL, DocumentType.INVOICE)).thenReturn(true);
    ProcessInstance approval = calledApproval(deal);
    // The head of sales sees what they approve: the deal's title, client and amount come along.
    assertThat(approval).variables().containsKeys(Vars.TITLE, Vars.CLIENT_NAME).containsEntry(Vars.AMOUNT, 500_000.01);
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval), withVariables(InternalApprovalProcess.DECISION, "APPROVED"));
    assertThat(deal).isWaitingAt(Tasks.SEND_FOR_SIGNING);
    complete(task(Tasks.SEND_FOR_SIGNING, deal), withVariables(Vars.PAYMENT_TERMS, "POSTPAYMENT", "documentsSigned", true));
    assertThat(deal).hasPassed("Gateway_InvoiceSent").hasNotPassed(Tasks.SEND_INVOICE).isWaitingAt(Tasks.GET_PAYMENT);
    verify(beans.steps).enterStage(DEAL, DealStage.CONTRACT);
    verify(beans.documents, never()).makeForProcess(eq(DEAL), eq(List.of(DocumentType.INVOICE)), anyString(), anyString());
  }

  @Test
  void between150kAnd500k_needsInvoiceContract_returnedOnceThenApproved() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    agreeKp(deal, 500_000);
    assertThat(deal).variables().containsEntry(Vars.DOCUMENT_SET, "INVOICE_CONTRACT");
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.INVOICE_CONTRACT)), anyString(), anyString());
    ProcessInstance approval = calledApproval(deal);
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval),
        withVariables(InternalApprovalProcess.DECISION, "RETURNED", InternalApprovalProcess.COMMENT, "Исправьте срок поставки"));
    complete(task(InternalApprovalProcess.TASK_REWORK, approval));
    complete(task(InternalApprovalProcess.TASK_APPROVE, approval), withVariables(InternalApprovalProcess.DECISION, "APPROVED"));
    assertThat(approval).isEnded().hasPassed("Task_ReworkDocuments", "EndEvent_Approved");
    assertThat(deal).isWaitingAt(Tasks.SEND_FOR_SIGNING);
  }

  @Test
  void kpNotAgreed_isReworkedTwice_untilAgreed() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    complete(task(Tasks.SEND_KP, deal), withVariables(Vars.AMOUNT, 90_000));
    for (int round = 0; round < 2; round++) {
      complete(task(Tasks.GET_KP_FEEDBACK, deal), withVariables(Vars.KP_STATUS, "NOT_AGREED"));
      assertThat(deal).isWaitingAt(Tasks.REWORK_KP);
      complete(task(Tasks.REWORK_KP, deal), withVariables(Vars.AMOUNT, 85_000 - round * 5_000));
    }
    complete(task(Tasks.GET_KP_FEEDBACK, deal), withVariables(Vars.KP_STATUS, "AGREED"));
    assertThat(deal).hasPassed("Task_SaveReworkedKp").isWaitingAt(Tasks.SEND_INVOICE);
    // The first КП, then a new version after each objection.
    verify(beans.documents, org.mockito.Mockito.times(3)).makeForProcess(eq(DEAL), eq(List.of(DocumentType.KP)), anyString(),
        anyString());
  }

  @Test
  void unpaidInvoice_isReworked_thenPaid() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    agreeKp(deal, 100_000);
    complete(task(Tasks.SEND_INVOICE, deal), withVariables(Vars.PAYMENT_TERMS, "PREPAYMENT", "invoiceSigned", true));
    complete(task(Tasks.GET_PAYMENT, deal), withVariables(Vars.PAID, false));
    assertThat(deal).isWaitingAt(Tasks.REWORK_INVOICE);
    complete(task(Tasks.REWORK_INVOICE, deal), withVariables(Vars.AMOUNT, 95_000));
    complete(task(Tasks.GET_PAYMENT, deal), withVariables(Vars.PAID, true, Vars.PAYMENT_DATE, "2026-12-01"));
    assertThat(deal).hasPassed("Task_SaveReworkedInvoice", "Task_SavePayment").isWaitingAt(Tasks.ENTER_PAYMENT_SCHEDULE);
    // The invoice on entering «Счет», and its new version after «Отработать возражение, переформировать Счет».
    verify(beans.documents, org.mockito.Mockito.times(2)).makeForProcess(eq(DEAL), eq(List.of(DocumentType.INVOICE)), anyString(),
        anyString());
  }

  @Test
  void takingTheRequestWithAnotherDealsNumber_isRefused_andTakesNothing() {
    ProcessInstance deal = newRequest();
    // A form submitted through Tasklist or the engine's REST API with a colleague's deal.
    assertThatThrownBy(() -> complete(task(Tasks.TAKE_REQUEST, deal), withVariables(Vars.TAKE_DECISION, "ACCEPT", Vars.DEAL_ID, DEAL + 1)))
        .hasRootCauseInstanceOf(DomainException.class).hasMessageContaining("номер сделки в ней не меняется");
    assertThat(deal).isWaitingAt(Tasks.TAKE_REQUEST).variables().containsEntry(Vars.DEAL_ID, DEAL);
    verify(beans.steps, never()).takeIntoWork(anyLong(), anyString());
  }

  @Test
  void refusal_needsAReason_andReturnsTheRequestToTheManagers() {
    ProcessInstance deal = newRequest();
    assertThatThrownBy(() -> complete(task(Tasks.TAKE_REQUEST, deal), withVariables(Vars.TAKE_DECISION, "REFUSE")))
        .hasRootCauseInstanceOf(DomainException.class).hasMessageContaining("причину отказа");
    complete(task(Tasks.TAKE_REQUEST, deal), withVariables(Vars.TAKE_DECISION, "REFUSE", Vars.REFUSAL_REASON, "Не мой регион"));
    assertThat(deal).hasPassed("Task_RecordRefusal").isWaitingAt(Tasks.TAKE_REQUEST);
    verify(beans.steps).recordRefusal(DEAL, ProcessTestBeans.MANAGER, "Не мой регион");
    // The next manager sees an unanswered form, not the refusal.
    assertThat(deal).variables().doesNotContainKeys(Vars.TAKE_DECISION, Vars.REFUSAL_REASON);
    complete(task(Tasks.TAKE_REQUEST, deal), withVariables(Vars.TAKE_DECISION, "ACCEPT"));
    assertThat(deal).hasPassed("Task_AssignResponsible");
    verify(beans.steps).takeIntoWork(DEAL, ProcessTestBeans.MANAGER);
  }

  @Test
  void newRequest_notTakenWithinAnHour_isEscalatedToTheHeadOfSales() {
    ProcessInstance deal = newRequest();
    execute(job("Boundary_NewRequestOverdue", deal));
    execute(job("Task_EscalateNewRequest", deal));
    assertThat(deal).hasPassed("EndEvent_NewRequestEscalated").isWaitingAt(Tasks.TAKE_REQUEST);
    verify(beans.escalations).escalate(DEAL, "NEW_REQUEST", null);
  }

  /** The engine's clock at the test clock's «now» plus the hours; returns the timers due by then. */
  private List<org.camunda.bpm.engine.runtime.Job> dueTimersAfter(ProcessInstance deal, long hours) {
    ClockUtil.setCurrentTime(ProcessTestBeans.inHours(hours));
    return managementService().createJobQuery().processInstanceId(deal.getId()).timers().executable().list();
  }

  @AfterEach
  void engineClockBack() {
    ClockUtil.reset();
  }

  @Test
  void checkItems_notDoneByTheKpAgreementDate_isEscalated_byTheEngineClock() {
    ClockUtil.setCurrentTime(ProcessTestBeans.inHours(0));
    ProcessInstance deal = takenDeal();
    org.assertj.core.api.Assertions.assertThat(dueTimersAfter(deal, 47)).isEmpty();
    var due = dueTimersAfter(deal, 49);
    org.assertj.core.api.Assertions.assertThat(due).hasSize(1);
    execute(due.get(0));
    execute(job("Task_EscalateCheckItems", deal));
    assertThat(deal).hasPassed("Boundary_CheckItemsOverdue", "EndEvent_CheckItemsEscalated").isWaitingAt(Tasks.CHECK_ITEMS);
    verify(beans.escalations).escalate(DEAL, "CHECK_ITEMS", null);
  }

  @Test
  void kpFeedback_notGotByTheKpAgreementDate_isEscalatedOnTheTask_byTheEngineClock() {
    ClockUtil.setCurrentTime(ProcessTestBeans.inHours(0));
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    complete(task(Tasks.SEND_KP, deal), withVariables(Vars.AMOUNT, 90_000));
    assertThat(deal).isWaitingAt(Tasks.GET_KP_FEEDBACK);
    org.assertj.core.api.Assertions.assertThat(dueTimersAfter(deal, 47)).isEmpty();
    var due = dueTimersAfter(deal, 49);
    org.assertj.core.api.Assertions.assertThat(due).hasSize(1);
    execute(due.get(0));
    execute(job("Task_EscalateKp", deal));
    assertThat(deal).hasPassed("Boundary_KpFeedbackOverdue", "EndEvent_KpEscalated").isWaitingAt(Tasks.GET_KP_FEEDBACK);
    verify(beans.escalations).escalate(DEAL, "KP_AGREEMENT", null);
  }

  @Test
  void kpAgreementDate_passed_isEscalated() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    execute(job("Boundary_KpAgreementOverdue", deal));
    execute(job("Task_EscalateKp", deal));
    assertThat(deal).hasPassed("EndEvent_KpEscalated").isWaitingAt(Tasks.SEND_KP);
    verify(beans.escalations).escalate(DEAL, "KP_AGREEMENT", null);
  }

  @Test
  void signedActAndUpd_notBackWithinADay_areEscalated() {
    ProcessInstance deal = jumpTo(takenDeal(), DealStage.SHIPPED);
    execute(job("Boundary_ActsOverdue", deal));
    execute(job("Task_EscalateActs", deal));
    execute(job("Boundary_UpdOverdue", deal));
    execute(job("Task_EscalateUpd", deal));
    assertThat(deal).hasPassed("EndEvent_ActsEscalated", "EndEvent_UpdEscalated").isWaitingAt(Tasks.SEND_ACTS, Tasks.SEND_UPD);
    verify(beans.escalations).escalate(DEAL, "SIGNED_ACT", null);
    verify(beans.escalations).escalate(DEAL, "SIGNED_UPD", null);
  }

  @Test
  void shipped_theActAndUpdTasksRefuseToCompleteUntilTheirSignedScanIsUploaded() {
    ProcessInstance deal = jumpTo(takenDeal(), DealStage.SHIPPED);
    when(beans.documents.hasSigned(DEAL, DocumentType.ACT)).thenReturn(false);
    when(beans.documents.hasSigned(DEAL, DocumentType.UPD)).thenReturn(false);
    var act = task(Tasks.SEND_ACTS, deal);
    assertThatThrownBy(() -> complete(act, withVariables("actSigned", true, "actNumber", "17")))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(ru.voronka.platform.web.DomainExceptions.find(e))
            .isNotNull().hasMessageStartingWith("Загрузите скан подписанного акта"));
    var upd = task(Tasks.SEND_UPD, deal);
    assertThatThrownBy(() -> complete(upd, withVariables("updSigned", true)))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(ru.voronka.platform.web.DomainExceptions.find(e))
            .isNotNull().hasMessageStartingWith("Загрузите скан подписанного УПД"));
    assertThat(deal).isWaitingAt(Tasks.SEND_ACTS, Tasks.SEND_UPD);

    when(beans.documents.hasSigned(DEAL, DocumentType.ACT)).thenReturn(true); // the manager uploaded the signed act
    complete(task(Tasks.SEND_ACTS, deal), withVariables("actSigned", true, "actNumber", "17"));
    assertThat(deal).hasPassed(Tasks.SEND_ACTS).isWaitingAt(Tasks.SEND_UPD);
    verify(beans.documents).requireSigned(DEAL, DocumentType.UPD);
  }

  @Test
  void shipped_makesTheClosingSet_andAMailThatFailsIsRetriedThenAnIncident() {
    ProcessInstance deal = jumpTo(takenDeal(), DealStage.SHIPPED);
    verify(beans.documents).makeForProcess(eq(DEAL), eq(List.of(DocumentType.ACT, DocumentType.WAYBILL, DocumentType.UPD)),
        anyString(), anyString());
    org.mockito.Mockito.doThrow(new ru.voronka.notifications.MailNotSentException("SMTP недоступен"))
        .when(beans.accountantMail).sendSigned(eq(DEAL), anyList());
    complete(task(Tasks.SEND_ACTS, deal), withVariables("actSigned", true));
    complete(task(Tasks.SEND_UPD, deal), withVariables("updSigned", true));
    var management = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService();
    for (int attempt = 0; attempt < 5; attempt++) { // R5/PT5M: five tries
      var job = job("Task_EmailSignedDocuments", deal);
      assertThat(job).isNotNull();
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("SMTP недоступен");
    }
    org.assertj.core.api.Assertions.assertThat(job("Task_EmailSignedDocuments", deal).getRetries()).isZero();
    org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(deal.getId()).count())
        .isEqualTo(1);
    assertThat(deal).isWaitingAt("Task_EmailSignedDocuments");
  }

  @Test
  void russianDirection_proposesTheKpFrom1C_theAmountStaysUntilTheManagerTakesIt() {
    when(beans.facts.suppliedFromOneC(DEAL)).thenReturn(true);
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    execute(job("Task_ImportKpFromOneC", deal));
    assertThat(deal).hasPassed("Task_ImportKpFromOneC").isWaitingAt(Tasks.SEND_KP);
    verify(beans.kpImport).proposeFromOneC(DEAL);
    assertThat(deal).variables().containsEntry(Vars.AMOUNT, 100_000.0);
  }

  @Test
  void otherDirection_kpIsTypedByTheManager() {
    ProcessInstance deal = takenDeal();
    checkItems(deal);
    assertThat(deal).hasPassed("Gateway_KpSource").hasNotPassed("Task_ImportKpFromOneC").isWaitingAt(Tasks.SEND_KP);
  }

  @Test
  void taskModuleFlags_onCheckItems_startTheAssignments() {
    ProcessInstance deal = takenDeal();
    complete(task(Tasks.CHECK_ITEMS, deal), withVariables(Vars.PRIORITY, "A", Vars.CLIENT_NAME, "ООО «ТехноПром»",
        Vars.DELIVERY_DATE, "2026-12-20", "needLogistics", true, "needLawyer", true));
    verify(beans.processes).startAssignments(eq(DEAL), eq(Map.of("needEngineers", false, "needPurchasers", false,
        "needLogistics", true, "needProduction", false, "needLawyer", true, "needMetrologist", false)));
  }

  @Test
  void checkItems_withoutPriorityOrDeliveryDate_isRefused() {
    ProcessInstance deal = takenDeal();
    assertThatThrownBy(() -> complete(task(Tasks.CHECK_ITEMS, deal), withVariables(Vars.CLIENT_NAME, "ООО «ТехноПром»")))
        .hasRootCauseInstanceOf(DomainException.class).hasMessageContaining("Приоритет").hasMessageContaining("Срок поставки");
    assertThat(deal).isWaitingAt(Tasks.CHECK_ITEMS);
  }

  @ParameterizedTest
  @EnumSource(value = DealStage.class, names = {"NEW", "IN_WORK", "KP", "CONTRACT", "INVOICE", "LAUNCH", "ACCEPTED", "TO_SHIP", "SHIPPED"})
  void lost_fromEveryStage_closesTheDealWithItsReason(DealStage stage) {
    ProcessInstance deal = stage == DealStage.NEW ? newRequest() : jumpTo(takenDeal(), stage);
    runtimeService().createMessageCorrelation(SalesFunnelProcess.MESSAGE_DEAL_LOST).processInstanceId(deal.getId())
        .setVariable(Vars.LOST_REASON, "COMPETITOR").setVariable(Vars.LOST_COMMENT, null).correlate();
    assertThat(deal).isEnded().hasPassed("Task_CloseDealAsLost", "EndEvent_DealLost");
    verify(beans.steps).closeAsLost(DEAL, LostReason.COMPETITOR, null);
  }

  @Test
  void manualJump_intoInvoice_decidesTheDocumentSetOnTheWay() {
    ProcessInstance deal = jumpTo(takenDeal(), DealStage.INVOICE);
    assertThat(deal).hasPassed("Task_ApplyStageChange").isWaitingAt(Tasks.SEND_INVOICE);
    assertThat(deal).variables().containsEntry(Vars.DOCUMENT_SET, "INVOICE").containsEntry(Vars.APPROVAL_REQUIRED, false);
    verify(beans.steps).enterStage(DEAL, DealStage.INVOICE);
  }

  @Test
  void manualJump_backwards_reentersTheEarlierStage() {
    ProcessInstance deal = jumpTo(takenDeal(), DealStage.ACCEPTED);
    jumpTo(deal, DealStage.KP);
    assertThat(deal).isWaitingAt(Tasks.SEND_KP);
    verify(beans.steps).enterStage(DEAL, DealStage.KP);
  }

  @Test
  void manualJump_toSuccess_closesTheDealAsWon() {
    ProcessInstance deal = jumpTo(newRequest(), DealStage.WON);
    assertThat(deal).isEnded().hasPassed("SubProcess_Won", "EndEvent_DealWon");
    verify(beans.steps).closeAsWon(DEAL);
  }

  @Test
  void requestFromTasklistStartForm_registersANewDeal() {
    when(beans.steps.registerFromStartForm(any(), any(), any(), any(), any(), any(), any(), any()))
        .thenAnswer(call -> org.mockito.Mockito.spy(new ru.voronka.deals.Deal("Заявка", ru.voronka.deals.Funnel.SALES, null)));
    ProcessInstance deal = runtimeService().startProcessInstanceByKey(SalesFunnelProcess.KEY,
        withVariables(Vars.CLIENT_NAME, "ООО «Новый клиент»", Vars.CONTACT_NAME, "Новикова Анна", Vars.CLIENT_PHONE, "8 (915) 111-22-33"));
    assertThat(deal).hasPassed("Task_RegisterDeal");
    verify(beans.steps).registerFromStartForm(any(), eq("ООО «Новый клиент»"), eq("Новикова Анна"), eq("8 (915) 111-22-33"), any(), any(), any(),
        eq(deal.getId()));
  }

  // --- steps of the funnel, as a manager would do them

  private ProcessInstance newRequest() {
    ProcessInstance deal = runtimeService().startProcessInstanceByKey(SalesFunnelProcess.KEY, String.valueOf(DEAL),
        withVariables(Vars.DEAL_ID, DEAL, Vars.AMOUNT, 100_000.0));
    execute(job("Task_NotifyManagers", deal));
    assertThat(deal).isWaitingAt(Tasks.TAKE_REQUEST);
    verify(beans.steps).notifyManagersOfNewRequest(DEAL);
    return deal;
  }

  private ProcessInstance takenDeal() {
    ProcessInstance deal = newRequest();
    complete(task(Tasks.TAKE_REQUEST, deal), withVariables(Vars.TAKE_DECISION, "ACCEPT"));
    assertThat(deal).isWaitingAt(Tasks.CHECK_ITEMS).variables().containsEntry(Vars.RESPONSIBLE, ProcessTestBeans.MANAGER);
    assertThat(task(Tasks.CHECK_ITEMS, deal)).isAssignedTo(ProcessTestBeans.MANAGER);
    return deal;
  }

  private void checkItems(ProcessInstance deal) {
    complete(task(Tasks.CHECK_ITEMS, deal), withVariables(Vars.PRIORITY, "B", Vars.CLIENT_NAME, "ООО «ТехноПром»",
        Vars.DELIVERY_DATE, "2026-12-20"));
    verify(beans.steps).setKpAgreementDate(DEAL);
    verify(beans.steps).saveFields(eq(DEAL), anyMap());
  }

  private void agreeKp(ProcessInstance deal, double amount) {
    complete(task(Tasks.SEND_KP, deal), withVariables(Vars.AMOUNT, amount));
    complete(task(Tasks.GET_KP_FEEDBACK, deal), withVariables(Vars.KP_STATUS, "AGREED"));
  }

  private void pay(ProcessInstance deal) {
    complete(task(Tasks.GET_PAYMENT, deal), withVariables(Vars.PAID, true, Vars.PAYMENT_DATE, "2026-12-01"));
  }

  private void launchAndShip(ProcessInstance deal) {
    complete(task(Tasks.ENTER_PAYMENT_SCHEDULE, deal), withVariables(Vars.TRANCHES,
        List.of(Map.of("percent", 50, "dueDate", "2026-12-10"), Map.of("percent", 50, "dueDate", "2027-01-20"))));
    verify(beans.schedule).replace(eq(DEAL), anyList());
    verify(beans.processes).restartPaymentControl(DEAL, ProcessTestBeans.MANAGER);
    complete(task(Tasks.CONTROL_WORKS, deal));
    complete(task(Tasks.CONTROL_PACKING, deal));
    complete(task(Tasks.CHECK_CLIENT_PAYMENT, deal));
    execute(job("Task_MirrorShipmentToOneC", deal));
    verify(beans.mirroring).mirror(DEAL, deal.getId(), Tasks.SHIP_GOODS, "Отгрузить товар клиенту");
    complete(task(Tasks.SHIP_GOODS, deal));
    complete(task(Tasks.CONTROL_SHIPMENT, deal));
  }

  private void closeDocuments(ProcessInstance deal) {
    complete(task(Tasks.SEND_ACTS, deal), withVariables("actSigned", true, "actNumber", "А-17"));
    complete(task(Tasks.SEND_UPD, deal), withVariables("updSigned", true, "updNumber", "У-17"));
    execute(job("Task_EmailSignedDocuments", deal));
  }

  private ProcessInstance calledApproval(ProcessInstance deal) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(deal.getId()).singleResult();
  }

  private ProcessInstance jumpTo(ProcessInstance deal, DealStage stage) {
    runtimeService().createMessageCorrelation(SalesFunnelProcess.MESSAGE_STAGE_CHANGE).processInstanceId(deal.getId())
        .setVariable(Vars.TARGET_STAGE, stage.name()).correlate();
    assertThat(deal).hasPassed("Task_ApplyStageChange");
    if (stage == DealStage.ACCEPTED) {
      assertThat(deal).isWaitingAt(Tasks.CONTROL_PACKING, Tasks.CHECK_CLIENT_PAYMENT, "Task_MirrorShipmentToOneC");
    }
    return deal;
  }
}
