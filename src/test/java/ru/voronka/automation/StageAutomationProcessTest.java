package ru.voronka.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.voronka.automation.StageAutomationProcess.Vars;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.process.ProcessTest;
import ru.voronka.support.TestClock;

/**
 * processes/stage-automation.bpmn, one test per path: at once, after a delay (the timer's due time is
 * the run's, the engine's clock moves to it), skipped by the re-check, cancelled when the deal leaves
 * the stage, and a failing send retried then an incident.
 */
@Deployment(resources = "processes/stage-automation.bpmn")
class StageAutomationProcessTest extends ProcessTest {

  static final long ACTION = 7L;
  static final String RUN = "42-KP-1-7";

  StageActionRuns runs = mock(StageActionRuns.class);

  @BeforeEach
  void delegates() {
    TestClock.INSTANCE.bindEngine(); // the engine extension resets Camunda's clock after each test
    Mocks.register("checkStageAction", new CheckStageAction(runs));
    Mocks.register("sendStageAction", new SendStageAction(runs));
    Mocks.register("recordStageActionSkipped", new RecordStageActionSkipped(runs));
    when(runs.check(anyString(), anyLong(), anyLong(), any())).thenReturn(Optional.empty());
  }

  ProcessInstance start(Instant due) {
    ProcessInstance run = runtimeService().startProcessInstanceByKey(StageAutomationProcess.KEY, String.valueOf(DEAL),
        Map.of(Vars.DEAL_ID, DEAL, Vars.ACTION_ID, ACTION, Vars.RUN_KEY, RUN, Vars.STAGE, "KP", Vars.DUE_AT, Date.from(due)));
    assertThat(run).isWaitingAt(StageAutomationProcess.GATEWAY_WAIT);
    return run;
  }

  /** Moves the engine's clock (the project's TestClock, Camunda's ClockUtil reads it) past the due time and lets the job executor's query decide. */
  static Job dueTimer(Instant due) {
    TestClock.INSTANCE.moveTo(due.plusSeconds(1));
    Job timer = managementService().createJobQuery().timers().executable().singleResult();
    assertThat(timer).as("timers " + managementService().createJobQuery().timers().list().stream()
        .map(j -> j.getDuedate() + " r" + j.getRetries()).toList() + " now " + org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())
        .isNotNull();
    assertThat(timer).as("the timer is due by the engine's clock").isNotNull();
    return timer;
  }

  @Test
  @DisplayName("SWA-TIME-1")
  void atOnce_theTimerIsDueNow_theMessageIsSentThroughTheOutbox() {
    Instant now = TestClock.INSTANCE.instant().truncatedTo(ChronoUnit.SECONDS);
    ProcessInstance run = start(now);
    execute(dueTimer(now));
    assertThat(run).isWaitingAt(StageAutomationProcess.TASK_SEND).hasPassed(StageAutomationProcess.TASK_CHECK);
    execute(job());
    execute(job()); // asyncAfter: the run ends in a transaction of its own
    assertThat(run).isEnded().hasPassed(StageAutomationProcess.END_QUEUED);
    verify(runs).send(RUN, DEAL, ACTION);
  }

  @Test
  @DisplayName("SWA-TIME-2")
  void afterADelay_nothingFiresBeforeTheTime_thenItSends() {
    Instant due = TestClock.INSTANCE.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    ProcessInstance run = start(due);
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
    assertThat(managementService().createJobQuery().timers().executable().count()).as("not yet due").isZero();

    execute(dueTimer(due));
    execute(job());
    execute(job());
    assertThat(run).isEnded().hasPassed(StageAutomationProcess.TIMER_SEND_TIME, StageAutomationProcess.END_QUEUED);
  }

  @Test
  @DisplayName("SWA-RECHECK-1")
  void theRecheckFindsTheDealOnAnotherStage_theRunIsSkippedAndSaysWhy() {
    Instant now = TestClock.INSTANCE.instant();
    when(runs.check(RUN, DEAL, ACTION, DealStage.KP)).thenReturn(Optional.of("сделка на стадии «Договор»"));
    ProcessInstance run = start(now);
    execute(dueTimer(now));
    assertThat(run).isEnded().hasPassed(StageAutomationProcess.TASK_RECORD_SKIPPED, StageAutomationProcess.END_SKIPPED)
        .hasNotPassed(StageAutomationProcess.TASK_SEND);
    verify(runs).skipped(RUN, DEAL, "сделка на стадии «Договор»");
    verify(runs, never()).send(anyString(), anyLong(), anyLong());
  }

  @Test
  @DisplayName("SWA-RECHECK-3")
  void theDealLeavesTheStageWhileTheRunWaits_theRunIsCancelledAtOnce() {
    ProcessInstance run = start(TestClock.INSTANCE.instant().plus(Duration.ofDays(1)));
    runtimeService().createMessageCorrelation(StageAutomationProcess.MESSAGE_STAGE_LEFT).processInstanceId(run.getId())
        .setVariable(Vars.NEW_STAGE, "CONTRACT").correlate();
    assertThat(run).isEnded().hasPassed(StageAutomationProcess.TASK_RECORD_CANCELLED, StageAutomationProcess.END_CANCELLED);
    verify(runs).skipped(RUN, DEAL, "сделка на стадии «Договор»");
    assertThat(managementService().createJobQuery().count()).as("its timer is gone").isZero();
  }

  @Test
  @DisplayName("SWA-RETRY-1")
  void aFailingSendIsRetried_andAfterTheLastAttemptIsAnIncident() {
    Instant now = TestClock.INSTANCE.instant();
    doThrow(new IllegalStateException("база занята")).when(runs).send(RUN, DEAL, ACTION);
    ProcessInstance run = start(now);
    execute(dueTimer(now));
    for (int attempt = 0; attempt < 5; attempt++) { // PT10S,PT1M,PT5M,PT15M: five attempts
      Job send = job();
      assertThatThrownBy(() -> managementService().executeJob(send.getId())).isInstanceOf(IllegalStateException.class);
    }
    assertThat(job().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(run.getId()).count()).isEqualTo(1);
    doNothing().when(runs).send(RUN, DEAL, ACTION);
    managementService().setJobRetries(job().getId(), 1);
    execute(job());
    execute(job());
    assertThat(run).isEnded().hasPassed(StageAutomationProcess.END_QUEUED);
    verify(runs, org.mockito.Mockito.atLeast(5)).send(eq(RUN), eq(DEAL), eq(ACTION));
  }
}
