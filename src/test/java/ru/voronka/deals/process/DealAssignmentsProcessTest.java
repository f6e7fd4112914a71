package ru.voronka.deals.process;

import ru.voronka.deals.Assignments;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;

/** processes/deal-assignments.bpmn: the task module (FUN-3), each flag its own task for its role. */
@Deployment(resources = "processes/deal-assignments.bpmn")
class DealAssignmentsProcessTest extends ProcessTest {

  @ParameterizedTest(name = "{0} → {1} для группы {2}")
  @CsvSource({
      "needEngineers, Task_EngineersTask, engineers",
      "needPurchasers, Task_PurchasersTask, purchasers",
      "needProduction, Task_ProductionTask, production",
      "needLawyer, Task_LawyerTask, lawyers",
      "needMetrologist, Task_MetrologistTask, metrologists"})
  void eachFlag_setsItsRoleToWork(String flag, String taskKey, String group) {
    ProcessInstance assignments = start(Map.of(flag, true));
    assertThat(assignments).isWaitingAt(taskKey);
    assertThat(task(taskKey, assignments)).hasCandidateGroup(group);
    complete(task(taskKey, assignments), withVariables("result", "Сделано"));
    assertThat(assignments).isEnded().hasPassed("EndEvent_AssignmentsCompleted");
  }

  @Test
  void logisticsTask_isMirroredTo1C_beforeTheLogistSeesIt() {
    ProcessInstance assignments = start(Map.of("needLogistics", true));
    execute(job("Task_MirrorLogisticsToOneC", assignments));
    verify(beans.mirroring).mirror(DEAL, assignments.getId(), "Task_LogisticsTask", "Выполнить задание логистики по сделке");
    assertThat(task("Task_LogisticsTask", assignments)).hasCandidateGroup("logists");
    complete(task("Task_LogisticsTask", assignments));
    assertThat(assignments).isEnded();
  }

  @Test
  void severalFlags_inAnyOrder_endWhenAllAreDone() {
    ProcessInstance assignments = start(Map.of("needEngineers", true, "needLawyer", true));
    complete(task("Task_LawyerTask", assignments));
    assertThat(assignments).isWaitingAt("Task_EngineersTask");
    complete(task("Task_EngineersTask", assignments));
    assertThat(assignments).isEnded();
    verify(beans.steps).recordAssignments(DEAL, List.of("инженерам", "юристу на проверку контрагента"));
  }

  @Test
  void noFlag_endsAtOnce() {
    ProcessInstance assignments = start(Map.of());
    assertThat(assignments).isEnded().hasPassed("Gateway_AssignmentsDone");
  }

  @Test
  void startFormWithoutADeal_isRefused() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(DealAssignmentsProcess.KEY, withVariables("needLawyer", true)))
        .isInstanceOf(DomainException.class).hasMessageContaining("номер сделки");
  }

  private ProcessInstance start(Map<String, Boolean> flags) {
    Map<String, Object> vars = new HashMap<>();
    Assignments.TEAMS.keySet().forEach(f -> vars.put(f, flags.getOrDefault(f, false)));
    vars.put(Vars.DEAL_ID, DEAL);
    return runtimeService().startProcessInstanceByKey(DealAssignmentsProcess.KEY, vars);
  }
}
