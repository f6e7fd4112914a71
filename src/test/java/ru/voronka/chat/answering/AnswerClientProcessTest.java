package ru.voronka.chat.answering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.chat.ClientMessageReceived;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.platform.RussianFormats;

/**
 * processes/answer-client.bpmn (COM-5): the first client message of the day sets the task; later
 * ones move its due time while it is open, or set a new one once it is closed; the day ends it.
 */
@Deployment(resources = "processes/answer-client.bpmn")
class AnswerClientProcessTest extends ProcessTest {

  static final Instant MORNING = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, RussianFormats.MOSCOW).toInstant();

  ClientAnswers answers;

  @BeforeEach
  void answering() {
    answers = new ClientAnswers(engine.getProcessEngine().getRuntimeService(), new ru.voronka.deals.process.DealProcesses(
        engine.getProcessEngine().getRuntimeService(), engine.getProcessEngine().getTaskService(), null), // open tasks only
        engine.getProcessEngine().getTaskService(), Duration.ofHours(1));
    Mocks.register("clientAnswers", answers);
    Mocks.register("moveAnswerDue", new MoveAnswerDue(engine.getProcessEngine().getTaskService(),
        engine.getProcessEngine().getManagementService(), answers));
  }

  void clientWrites(String responsible, Instant at, String text) {
    answers.clientMessageReceived(new ClientMessageReceived(7L, 100L, DEAL, "Поставка клапанов", responsible,
        "Павлова Ирина", text, at));
  }

  ProcessInstance instance() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(ClientAnswers.PROCESS)
        .processInstanceBusinessKey(String.valueOf(DEAL)).singleResult();
  }

  @Test
  void aClosedDealNeedsNoAnswer_itsOpenTaskEndsWithTheProcess() {
    clientWrites("petrov", MORNING, "Передумали, спасибо");
    ProcessInstance answering = instance();

    answers.dealClosed(new ru.voronka.deals.DealClosed(DEAL, ru.voronka.deals.DealStatus.LOST));

    assertThat(answering).isEnded().hasPassed("StartEvent_DealClosed", "EndEvent_AnswersEnded").hasNotPassed("EndEvent_DayOver");
    answers.dealClosed(new ru.voronka.deals.DealClosed(DEAL, ru.voronka.deals.DealStatus.LOST)); // told twice: nothing to end
  }

  @Test
  void theAnswerWrittenInTheChatCompletesTheTask_asAnsweredByItsAuthor() {
    clientWrites("petrov", MORNING, "Когда будет КП?");
    ProcessInstance answering = instance();

    answers.clientAnswered(new ru.voronka.chat.ClientAnswered(7L, 101L, DEAL, "petrov"));

    assertThat(answering).hasPassed("Task_AnswerClient").isWaitingAt("Gateway_WaitForMore")
        .variables().containsEntry("answered", true).containsEntry("answeredBy", "petrov");
    answers.clientAnswered(new ru.voronka.chat.ClientAnswered(7L, 102L, DEAL, "petrov")); // a second answer: nothing open
    clientWrites("petrov", MORNING.plus(Duration.ofMinutes(30)), "Спасибо, а сроки?");
    assertThat(task(instance())).isAssignedTo("petrov");
  }

  @Test
  void anAnswerToAClientOfNobody_isTheTaskOfWhoeverAnswered() {
    clientWrites(null, MORNING, "Здравствуйте");
    answers.clientAnswered(new ru.voronka.chat.ClientAnswered(7L, 101L, DEAL, "sidorova"));
    assertThat(instance()).hasPassed("Task_AnswerClient").variables().containsEntry("answeredBy", "sidorova");
    org.assertj.core.api.Assertions.assertThat(engine.getProcessEngine().getHistoryService().createHistoricTaskInstanceQuery()
        .taskDefinitionKey("Task_AnswerClient").singleResult().getAssignee()).isEqualTo("sidorova");
  }

  @org.junit.jupiter.api.AfterEach
  void engineClockBack() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  java.util.List<org.camunda.bpm.engine.runtime.Job> dueTimersAt(Instant at) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(at));
    return engine.getProcessEngine().getManagementService().createJobQuery().processInstanceId(instance().getId())
        .activityId("Boundary_AnswerOverdue").executable().list();
  }

  @Test
  void anUnansweredClient_isEscalatedWhenTheAnswerIsDue_byTheEngineClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(MORNING));
    clientWrites("petrov", MORNING, "Когда будет КП?");
    assertThat(dueTimersAt(MORNING.plus(Duration.ofMinutes(59)))).isEmpty();
    var due = dueTimersAt(MORNING.plus(Duration.ofMinutes(61)));
    assertThat(due).hasSize(1);
    execute(due.get(0));
    execute(job("Task_EscalateAnswer", instance()));
    assertThat(instance()).hasPassed("Boundary_AnswerOverdue", "EndEvent_AnswerEscalated").isWaitingAt("Task_AnswerClient");
    org.mockito.Mockito.verify(beans.escalations).escalate(DEAL, "ANSWER_CLIENT", null);
  }

  @Test
  void aLaterMessageMovesTheEscalationWithTheDueTime() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(MORNING));
    clientWrites("petrov", MORNING, "Когда будет КП?");
    clientWrites("petrov", MORNING.plus(Duration.ofMinutes(40)), "Ау!");
    assertThat(dueTimersAt(MORNING.plus(Duration.ofMinutes(61)))).isEmpty();
    assertThat(job("Boundary_AnswerOverdue", instance())).hasDueDate(Date.from(MORNING.plus(Duration.ofMinutes(100))));
    assertThat(dueTimersAt(MORNING.plus(Duration.ofMinutes(101)))).hasSize(1);
  }

  @Test
  void theFirstMessageOfTheDaySetsTheResponsibleATaskDueInAnHour() {
    clientWrites("petrov", MORNING, "Когда будет КП?");

    ProcessInstance answering = instance();
    assertThat(answering).isWaitingAt("Task_AnswerClient").hasPassed("StartEvent_ClientMessage");
    assertThat(task(instance())).isAssignedTo("petrov").hasDueDate(Date.from(MORNING.plus(Duration.ofHours(1))));
    assertThat(answering).variables().containsEntry("lastMessage", "Когда будет КП?").containsEntry("clientName", "Павлова Ирина");
  }

  @Test
  void laterMessagesWhileTheTaskIsOpenMoveItsDueTime_noSecondTaskNoSecondProcess() {
    clientWrites("petrov", MORNING, "Когда будет КП?");
    clientWrites("petrov", MORNING.plus(Duration.ofMinutes(40)), "Ау!");
    clientWrites("petrov", MORNING.plus(Duration.ofMinutes(50)), "Перезвоните, пожалуйста");

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ClientAnswers.PROCESS).count()).isEqualTo(1);
    assertThat(taskQuery().count()).isEqualTo(1);
    assertThat(task(instance())).hasDueDate(Date.from(MORNING.plus(Duration.ofMinutes(110))));
    assertThat(instance()).hasPassed("Boundary_MoreMessages", "Task_MoveAnswerDue", "EndEvent_DueMoved")
        .isWaitingAt("Task_AnswerClient");
  }

  @Test
  void aMessageAfterTheTaskWasClosedSetsANewTaskInTheSameProcess() {
    clientWrites("petrov", MORNING, "Когда будет КП?");
    ProcessInstance answering = instance();
    complete(task(instance()), withVariables("answered", true));
    assertThat(answering).isWaitingAt("Gateway_WaitForMore");

    clientWrites("petrov", MORNING.plus(Duration.ofHours(3)), "Получили, спасибо. А сроки?");

    assertThat(answering).isWaitingAt("Task_AnswerClient").hasPassed("Catch_NextMessage");
    assertThat(task(instance())).hasDueDate(Date.from(MORNING.plus(Duration.ofHours(4))));
    assertThat(instance().getId()).isEqualTo(answering.getId());
  }

  @Test
  void theDayEndsTheProcessAtMidnightMoscowTime() {
    clientWrites("petrov", MORNING, "Когда будет КП?");
    ProcessInstance answering = instance();
    complete(task(instance()), withVariables("answered", true));

    assertThat(job("Timer_EndOfDay")).hasDueDate(
        Date.from(ZonedDateTime.of(2026, 11, 24, 0, 0, 0, 0, RussianFormats.MOSCOW).toInstant()));
    execute(job("Timer_EndOfDay"));

    assertThat(answering).isEnded().hasPassed("EndEvent_DayOver");
  }

  @Test
  void aClientWithoutAResponsibleIsAnsweredByAnyManager() {
    clientWrites(null, MORNING, "Здравствуйте, вы работаете?");

    assertThat(task(instance())).isNotAssigned().hasCandidateGroup("managers");
  }

  @Test
  void aBurstOfMessagesLeavesTheDueTimeAlone() {
    clientWrites("petrov", MORNING, "Здравствуйте!");
    clientWrites("petrov", MORNING.plus(Duration.ofMinutes(2)), "Вопрос по счёту");

    assertThat(task(instance())).hasDueDate(Date.from(MORNING.plus(Duration.ofHours(1))));
    assertThat(instance()).hasNotPassed("Task_MoveAnswerDue");
  }
}
