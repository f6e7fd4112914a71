package ru.voronka.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/**
 * processes/provider-group.bpmn: the group is created at the provider; its answer came before the
 * request was recorded; the provider's webhook reports a failure; it never answers; it refuses at
 * once; it stays down until an incident.
 */
@Deployment(resources = "processes/provider-group.bpmn")
class ProviderGroupProcessTest extends ProcessTest {

  DealGroups groups = mock(DealGroups.class);

  @BeforeEach
  void delegates() {
    Mocks.register("requestProviderGroup", new RequestProviderGroup(groups));
    Mocks.register("keepGroupRelayed", new KeepGroupRelayed(groups));
  }

  ProcessInstance requested() {
    when(groups.request(DEAL)).thenReturn("REQ-1");
    ProcessInstance creation = runtimeService().startProcessInstanceByKey(DealGroups.PROCESS, String.valueOf(DEAL),
        Map.of("dealId", DEAL));
    assertThat(creation).isWaitingAt("Task_RequestGroup"); // the deal commits first; the job asks
    execute(job());
    assertThat(creation).isWaitingAt("Gateway_Wait").variables().containsEntry("requestId", "REQ-1");
    return creation;
  }

  void answer(boolean created, String error) {
    runtimeService().createMessageCorrelation(DealGroups.ANSWERED).processInstanceVariableEquals("dealId", DEAL)
        .setVariable("groupCreated", created).setVariable("groupError", error).correlate();
  }

  @Test
  void theProviderCreatesTheGroup() {
    ProcessInstance creation = requested();
    answer(true, null);
    assertThat(creation).isEnded().hasPassed("EndEvent_GroupAtProvider").hasNotPassed("Task_KeepGroupRelayed");
  }

  ProcessInstance answeredFirst(DealGroups.Answer answer) {
    when(groups.request(DEAL)).thenReturn("REQ-1");
    when(groups.earlyAnswer("REQ-1")).thenReturn(java.util.Optional.of(answer));
    ProcessInstance creation = runtimeService().startProcessInstanceByKey(DealGroups.PROCESS, String.valueOf(DEAL),
        Map.of("dealId", DEAL));
    assertThat(creation).isWaitingAt("Task_RequestGroup");
    execute(job());
    return creation;
  }

  @Test
  void aGroupReportedBeforeTheRequestWasRecordedIsTakenAtOnce() {
    ProcessInstance creation = answeredFirst(new DealGroups.Answer(true, null));
    assertThat(creation).isEnded().hasPassed("Gateway_AnswerKnown", "EndEvent_GroupAtProvider")
        .hasNotPassed("Gateway_Wait", "Task_KeepGroupRelayed");
  }

  @Test
  void aRefusalReportedBeforeTheRequestWasRecordedLeavesTheGroupToVoronkaAtOnce() {
    ProcessInstance creation = answeredFirst(new DealGroups.Answer(false, "131000 Something went wrong"));
    assertThat(creation).isEnded().hasPassed("Gateway_AnswerKnown", "EndEvent_GroupRelayed").hasNotPassed("Gateway_Wait");
    verify(groups).keepRelayed(DEAL, "131000 Something went wrong");
  }

  @Test
  void aFailureInTheWebhookLeavesTheGroupToVoronka() {
    ProcessInstance creation = requested();
    answer(false, "131000 Something went wrong");
    assertThat(creation).isEnded().hasPassed("EndEvent_GroupRelayed");
    verify(groups).keepRelayed(DEAL, "131000 Something went wrong");
  }

  @Test
  void aDayWithoutAnAnswerLeavesTheGroupToVoronka() {
    ProcessInstance creation = requested();
    execute(job()); // the PT24H timer
    assertThat(creation).isEnded().hasPassed("Event_NoAnswer", "EndEvent_GroupRelayed");
    verify(groups).keepRelayed(DEAL, null);
  }

  @Test
  void aRefusalNoRetryFixesLeavesTheGroupToVoronkaAtOnce() {
    when(groups.request(DEAL)).thenThrow(new MessageNotSentException("Cloud API отказал (400): groups not enabled", null, false));
    ProcessInstance creation = runtimeService().startProcessInstanceByKey(DealGroups.PROCESS, String.valueOf(DEAL),
        Map.of("dealId", DEAL));
    assertThat(creation).isWaitingAt("Task_RequestGroup");
    execute(job());
    assertThat(creation).isEnded().hasPassed("Boundary_GroupRefused", "EndEvent_GroupRelayed");
    verify(groups).keepRelayed(eq(DEAL), contains("groups not enabled"));
  }

  @Test
  void aProviderThatStaysDownBecomesAnIncident() {
    when(groups.request(anyLong())).thenThrow(new MessageNotSentException("Cloud API недоступен", null, true));
    ProcessInstance creation = runtimeService().startProcessInstanceByKey(DealGroups.PROCESS, String.valueOf(DEAL),
        Map.of("dealId", DEAL));
    assertThat(creation).isWaitingAt("Task_RequestGroup");
    for (int attempt = 0; attempt < 6; attempt++) {
      String id = job().getId();
      assertThatThrownBy(() -> managementService().executeJob(id)).isInstanceOf(MessageNotSentException.class);
    }
    assertThat(runtimeService().createIncidentQuery().processInstanceId(creation.getId()).count()).isEqualTo(1);
  }
}
