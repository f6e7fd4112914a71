package ru.voronka.deals.process;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealDeadlines;
import ru.voronka.deals.DealFacts;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.DealOrders;
import ru.voronka.deals.DealService;
import ru.voronka.deals.Escalations;
import ru.voronka.deals.Funnel;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.KpImport;
import ru.voronka.deals.LogisticsMirroring;
import ru.voronka.deals.PaymentSchedule;
import ru.voronka.deals.Viewer;
import ru.voronka.platform.CurrentActor;
import ru.voronka.support.TestClock;

/**
 * Every bean the models name, registered for the in-memory test engine: the real delegates and
 * listeners over mocked services (our own interfaces), so a test asserts what each step asked for.
 */
public class ProcessTestBeans {

  static final String MANAGER = "petrov";

  final FunnelSteps steps = mock(FunnelSteps.class);
  public final Escalations escalations = mock(Escalations.class);
  final KpImport kpImport = mock(KpImport.class);
  final LogisticsMirroring mirroring = mock(LogisticsMirroring.class);
  final ru.voronka.documents.AccountantMail accountantMail = mock(ru.voronka.documents.AccountantMail.class);
  final ru.voronka.documents.DealDocuments documents = mock(ru.voronka.documents.DealDocuments.class);
  final PaymentSchedule schedule = mock(PaymentSchedule.class);
  final DealOrders orders = mock(DealOrders.class);
  final DealProcesses processes = mock(DealProcesses.class);
  final DealService dealService = mock(DealService.class);
  final DealHistory history = mock(DealHistory.class);
  final DealDeadlines deadlines = mock(DealDeadlines.class);
  final DealFacts facts = mock(DealFacts.class);
  final CurrentActor actor = mock(CurrentActor.class);
  final ActingViewer tasklistViewer = mock(ActingViewer.class);
  final ru.voronka.deals.DealRepository dealRepository = mock(ru.voronka.deals.DealRepository.class);
  final ru.voronka.deals.KpLineRepository kpLines = mock(ru.voronka.deals.KpLineRepository.class);
  final ru.voronka.deals.DealLinks links = mock(ru.voronka.deals.DealLinks.class);

  public ProcessTestBeans register(ProcessEngine engine) {
    when(actor.userId()).thenReturn(MANAGER);
    when(steps.deal(anyLong())).thenAnswer(call -> new Deal("Поставка клапанов", Funnel.SALES, null));
    when(deadlines.newRequest(anyLong())).thenReturn(inHours(1));
    when(deadlines.kpAgreement(anyLong())).thenReturn(inHours(48));
    when(schedule.dueDate(anyLong())).thenReturn(inHours(24 * 10));
    when(schedule.openTrancheIds(anyLong())).thenReturn(List.of(101L, 102L));
    when(tasklistViewer.current()).thenReturn(Viewer.of(MANAGER, List.of("managers")));
    when(steps.convertToEngineers(anyLong())).thenAnswer(call -> new Deal("Инженеры", Funnel.ENGINEERS, null));
    when(steps.setKpAgreementDate(anyLong())).thenReturn(LocalDate.of(2026, 11, 26));

    Mocks.register("registerDeal", new RegisterDeal(steps));
    Mocks.register("notifyManagers", new NotifyManagers(steps));
    Mocks.register("recordRefusal", new RecordRefusal(steps));
    Mocks.register("assignResponsible", new AssignResponsible(steps));
    Mocks.register("escalateDeadline", new EscalateDeadline(escalations));
    Mocks.register("setKpAgreementDate", new SetKpAgreementDate(steps));
    Mocks.register("saveDealFields", new SaveDealFields(steps));
    Mocks.register("startAssignments", new StartAssignments(processes));
    Mocks.register("importKpFromOneC", new ImportKpFromOneC(kpImport));
    Mocks.register("applyStageChange", new ApplyStageChange(engine.getDecisionService()));
    Mocks.register("closeDealAsLost", new CloseDealAsLost(steps));
    Mocks.register("closeDealAsWon", new CloseDealAsWon(steps));
    Mocks.register("convertToEngineers", new ConvertToEngineers(steps));
    Mocks.register("savePaymentSchedule", new SavePaymentSchedule(schedule));
    Mocks.register("startPaymentControl", new StartPaymentControl(processes));
    Mocks.register("markTranchePaid", new MarkTranchePaid(schedule));
    Mocks.register("mirrorLogisticsTask", new MirrorLogisticsTask(mirroring));
    Mocks.register("emailSignedDocuments", new ru.voronka.documents.process.EmailSignedDocuments(accountantMail));
    // FUN-8: the act's and the УПД's tasks complete once their signed scan is uploaded; a test that wants the refusal says «not yet».
    when(documents.hasSigned(anyLong(), org.mockito.ArgumentMatchers.any())).thenReturn(true);
    org.mockito.Mockito.doCallRealMethod().when(documents).requireSigned(anyLong(), org.mockito.ArgumentMatchers.any());
    Mocks.register("requireSignedScan", new ru.voronka.documents.process.RequireSignedScan(documents));
    Mocks.register("makeKp", new ru.voronka.documents.process.MakeKp(documents));
    Mocks.register("makeDocumentSet", new ru.voronka.documents.process.MakeDocumentSet(documents));
    Mocks.register("makeInvoice", new ru.voronka.documents.process.MakeInvoice(documents));
    Mocks.register("makeShippingDocuments", new ru.voronka.documents.process.MakeShippingDocuments(documents));
    Mocks.register("recordApprovalDecision", new RecordApprovalDecision(steps));
    when(links.workspace(anyLong())).thenAnswer(call -> "http://localhost:8080/deals/" + call.getArgument(0));
    Mocks.register("showApprovalFacts", new ShowApprovalFacts(dealRepository, kpLines, links));
    Mocks.register("recordAssignments", new RecordAssignments(steps));
    Mocks.register("openOrder", new OpenOrder(orders));
    Mocks.register("completeOrder", new CompleteOrder(orders));
    Mocks.register("requestDealLoss", new RequestDealLoss(dealService, tasklistViewer));
    Mocks.register("requestStageChange", new RequestStageChange(dealService, tasklistViewer));
    Mocks.register("dealStage", new DealStageListener(steps));
    Mocks.register("dealDeadlines", deadlines);
    Mocks.register("dealFacts", facts);
    Mocks.register("paymentSchedule", schedule);
    when(tasklistViewer.engineUser()).thenReturn(java.util.Optional.empty()); // the tests act as the system
    DealOwnership ownership = new DealOwnership(mock(ru.voronka.deals.DealRepository.class), tasklistViewer);
    Mocks.register("dealOwnership", ownership);
    Mocks.register("dealTaskJournal", new DealTaskJournal(history, new TaskCompletionRules(), actor, ownership));
    return this;
  }

  static Date inHours(long hours) {
    return Date.from(TestClock.INSTANCE.instant().plus(hours, ChronoUnit.HOURS));
  }
}
