package ru.voronka.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.platform.web.DomainExceptions;

/**
 * processes/call-follow-up.bpmn (TEL-8): the manager closes a call with an order request or an
 * event with a reminder — and cannot close it with neither, nor a new client without their card.
 */
@Deployment(resources = "processes/call-follow-up.bpmn")
class CallFollowUpProcessTest extends ProcessTest {

  JavaDelegate createOrderRequest = mock(JavaDelegate.class);
  JavaDelegate scheduleClientEvent = mock(JavaDelegate.class);

  @BeforeEach
  void delegates() {
    Mocks.register("createOrderRequest", createOrderRequest);
    Mocks.register("scheduleClientEvent", scheduleClientEvent);
  }

  ProcessInstance callEnded(boolean knownClient) {
    Map<String, Object> variables = new HashMap<>(Map.of("callId", 7L, "employee", "petrov", "clientNumber", "+79161234567",
        "incoming", true, "missed", false, "knownClient", knownClient));
    if (knownClient) {
      variables.put("clientName", "ООО «ТехноПром»");
      variables.put("counterpartyId", 3L);
    }
    ProcessInstance followUp = runtimeService().startProcessInstanceByKey(CallFollowUps.PROCESS, "call-7", variables);
    assertThat(followUp).isWaitingAt(CallFollowUps.TASK).task().isAssignedTo("petrov");
    return followUp;
  }

  String refusal(Map<String, Object> answers) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> taskService().complete(task().getId(), answers));
    assertThat(thrown).isNotNull();
    return DomainExceptions.find(thrown).getMessage();
  }

  @Test
  void anOrderRequestClosesTheCall() throws Exception {
    ProcessInstance followUp = callEnded(true);
    complete(task(), Map.of("followUp", "REQUEST", "requestTitle", "Манометры ДМ-02, 40 шт."));
    assertThat(followUp).isEnded().hasPassed("Task_CreateOrderRequest", "EndEvent_RequestCreated");
    verify(createOrderRequest).execute(org.mockito.ArgumentMatchers.any());
  }

  @Test
  void anEventWithAReminderClosesTheCall() throws Exception {
    ProcessInstance followUp = callEnded(true);
    complete(task(), Map.of("followUp", "EVENT", "eventKind", "MEETING", "eventDue", "2026-11-25T11:00",
        "eventTitle", "Показать образцы"));
    assertThat(followUp).isEnded().hasPassed("Task_ScheduleClientEvent", "EndEvent_EventScheduled");
    verify(scheduleClientEvent).execute(org.mockito.ArgumentMatchers.any());
  }

  @Test
  void neitherKeepsTheCallOpen() {
    ProcessInstance followUp = callEnded(true);
    assertThat(refusal(Map.of())).contains("без этого звонок не закрыть");
    assertThat(refusal(Map.of("followUp", "EVENT", "eventKind", "CALL"))).contains("Когда").contains("Что сделать");
    assertThat(refusal(Map.of("followUp", "REQUEST"))).contains("Что заказывают");
    assertThat(followUp).isWaitingAt(CallFollowUps.TASK);
  }

  @Test
  void aNewClientNeedsACardAndAReadinessMark() {
    ProcessInstance followUp = callEnded(false);
    String refused = refusal(Map.of("followUp", "REQUEST", "requestTitle", "Клапаны"));
    assertThat(refused).contains("Название клиента").contains("Готовность");
    complete(task(), Map.of("followUp", "REQUEST", "requestTitle", "Клапаны", "clientName", "ООО «Новые»", "readiness", "HOT"));
    assertThat(followUp).isEnded().hasPassed("EndEvent_RequestCreated");
  }
}
