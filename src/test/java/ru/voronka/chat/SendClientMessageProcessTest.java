package ru.voronka.chat;

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
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.messaging.ClientMessenger.MessageNotSentException;

/** processes/send-client-message.bpmn: sent at once; retried while the provider is down; refused for good. */
@Deployment(resources = "processes/send-client-message.bpmn")
class SendClientMessageProcessTest extends ProcessTest {

  static final long MESSAGE = 17L;

  ClientDelivery delivery = mock(ClientDelivery.class);
  SendFailures failures = mock(SendFailures.class);

  @BeforeEach
  void delegates() {
    Mocks.register("sendToClient", new SendToClient(delivery, failures));
    Mocks.register("markMessageFailed", new MarkMessageFailed(delivery));
  }

  ProcessInstance start() {
    ProcessInstance sending = runtimeService().startProcessInstanceByKey(ClientMessageOutbox.PROCESS, String.valueOf(DEAL),
        Map.of("messageId", MESSAGE, "dealId", DEAL));
    assertThat(sending).isWaitingAt("Task_SendToClient"); // stored first; the job sends
    return sending;
  }

  @Test
  void sentByTheJob() {
    ProcessInstance sending = start();
    execute(job());
    assertThat(sending).isEnded().hasPassed("EndEvent_Sent");
    verify(delivery).deliver(MESSAGE);
  }

  @Test
  void aProviderOutageIsRetriedWithBackOff_theMessageShowsTheErrorMeanwhile_andRecoveryDeliversIt() {
    ProcessInstance sending = start();
    doThrow(new MessageNotSentException("Wazzup недоступен", null, true)).when(delivery).deliver(MESSAGE);

    Job first = job();
    assertThatThrownBy(() -> managementService().executeJob(first.getId())).isInstanceOf(MessageNotSentException.class);

    Job retry = job();
    assertThat(retry.getRetries()).isEqualTo(5); // one attempt per interval of PT1M,PT5M,PT15M,PT1H,PT4H still to come
    assertThat(retry.getDuedate()).isAfter(first.getDuedate() == null ? new java.util.Date(0) : first.getDuedate());
    verify(failures).record(eq(MESSAGE), contains("Wazzup недоступен"));

    doNothing().when(delivery).deliver(MESSAGE);
    managementService().executeJob(retry.getId());
    assertThat(sending).isEnded().hasPassed("EndEvent_Sent");
  }

  @Test
  void anOutageThatLastsBecomesAnIncidentInCockpit() {
    ProcessInstance sending = start();
    doThrow(new MessageNotSentException("Wazzup недоступен", null, true)).when(delivery).deliver(anyLong());
    for (int attempt = 0; attempt < 6; attempt++) {
      Job job = job();
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).isInstanceOf(MessageNotSentException.class);
    }
    assertThat(job().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(sending.getId()).count()).isEqualTo(1);
    assertThat(sending).isWaitingAt("Task_SendToClient");
  }

  @Test
  void aRefusalNoRetryCanFixMarksTheMessageFailed() {
    ProcessInstance sending = start();
    doThrow(new MessageNotSentException("У клиента нет телефона", null, false)).when(delivery).deliver(MESSAGE);

    execute(job());

    assertThat(sending).isEnded().hasPassed("Boundary_NotSendable", "Task_MarkMessageFailed", "EndEvent_NotSent");
    verify(delivery).giveUp(MESSAGE, "У клиента нет телефона");
  }
}
