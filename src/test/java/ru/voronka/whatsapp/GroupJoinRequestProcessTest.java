package ru.voronka.whatsapp;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.chat.answering.ClientAnswers;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.chat.ClientOutbox;

/** processes/group-join-request.bpmn (WA-10): the responsible admits the number, or declines. */
@Deployment(resources = "processes/group-join-request.bpmn")
class GroupJoinRequestProcessTest extends ProcessTest {

  GroupAdmissions admissions = mock(GroupAdmissions.class);
  ClientOutbox outbox = mock(ClientOutbox.class);
  WhatsAppSettings settings = mock(WhatsAppSettings.class);
  ClientAnswers answers = mock(ClientAnswers.class);

  @BeforeEach
  void delegates() {
    when(settings.text(WhatsAppSettings.AUTO_REPLY)).thenReturn("Позвоните нам по номеру 8-495-649-84-47.");
    when(answers.candidateGroups(any())).thenReturn(List.of());
    Mocks.register("clientAnswers", answers);
    JoinAnswers answers = new JoinAnswers(outbox, mock(DealGroups.class));
    Mocks.register("admitToGroup", new AdmitToGroup(admissions, answers));
    Mocks.register("declineJoin", new DeclineJoin(answers, settings));
  }

  ProcessInstance start() {
    Map<String, Object> variables = new HashMap<>(Map.of("dealId", DEAL, "title", "Поставка клапанов", "phone", "+79215558822",
        "clientName", "Павлова Ирина"));
    variables.put("responsible", "petrov");
    ProcessInstance request = runtimeService().startProcessInstanceByKey(GroupAdmissions.PROCESS, String.valueOf(DEAL), variables);
    assertThat(task("Task_ReviewJoinRequest", request)).isAssignedTo("petrov");
    return request;
  }

  @Test
  void theResponsibleAdmitsTheNumber() {
    ProcessInstance request = start();
    complete(task("Task_ReviewJoinRequest", request), withVariables("joinDecision", "APPROVE"));
    execute(job());
    assertThat(request).isEnded().hasPassed("Task_AdmitToGroup", "EndEvent_Admitted");
    verify(admissions).admit(eq(DEAL), eq("+79215558822"), any());
    verify(outbox).send(argThat(m -> m.phone().equals("+79215558822") && m.text().contains("добавлены в группу")
        && m.cause().startsWith("join-ok-")));
  }

  @Test
  void theResponsibleDeclines_theClientIsToldWhereToCall() {
    ProcessInstance request = start();
    complete(task("Task_ReviewJoinRequest", request), withVariables("joinDecision", "DECLINE"));
    execute(job());
    assertThat(request).isEnded().hasPassed("Task_DeclineJoin", "EndEvent_Declined");
    verify(outbox).send(argThat(m -> m.text().contains("не подтвердил") && m.text().contains("8-495-649-84-47")
        && m.cause().startsWith("join-no-")));
  }
}
