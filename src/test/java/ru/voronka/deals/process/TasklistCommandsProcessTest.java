package ru.voronka.deals.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;

/** processes/deal-loss.bpmn and stage-change.bpmn: Tasklist's forms for the deal commands (FUN-9, FUN-10). */
@Deployment(resources = {"processes/deal-loss.bpmn", "processes/stage-change.bpmn"})
class TasklistCommandsProcessTest extends ProcessTest {

  @Test
  void dealLossForm_losesTheDealWithItsReason() {
    ProcessInstance request = runtimeService().startProcessInstanceByKey("dealLoss",
        withVariables(Vars.DEAL_ID, 42, Vars.LOST_REASON, "OTHER", Vars.LOST_COMMENT, "Закрылись"));
    assertThat(request).isEnded().hasPassed("Task_RequestDealLoss");
    verify(beans.dealService).lose(eq(DEAL), eq(LostReason.OTHER), eq("Закрылись"), any());
  }

  @Test
  void stageChangeForm_movesTheDeal() {
    ProcessInstance request = runtimeService().startProcessInstanceByKey("dealStageChange",
        withVariables(Vars.DEAL_ID, "42", Vars.TARGET_STAGE, "LAUNCH"));
    assertThat(request).isEnded().hasPassed("Task_RequestStageChange");
    verify(beans.dealService).changeStage(eq(DEAL), eq(DealStage.LAUNCH), any());
  }

  @Test
  void stageChangeForm_withoutAStage_isRefused() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("dealStageChange", withVariables(Vars.DEAL_ID, 42)))
        .isInstanceOf(DomainException.class).hasMessage("Выберите стадию");
  }
}
