package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import ru.voronka.deals.LogisticsMirroring;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Передать задание логисту в 1С»: the input parameter {@code mirroredTask} names the user task that follows. */
@Component("mirrorLogisticsTask")
class MirrorLogisticsTask implements JavaDelegate {

  private final LogisticsMirroring mirroring;

  MirrorLogisticsTask(LogisticsMirroring mirroring) {
    this.mirroring = mirroring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = (String) execution.getVariable(Vars.MIRRORED_TASK);
    var element = execution.getBpmnModelInstance().getModelElementById(taskKey);
    mirroring.mirror((Long) execution.getVariable(Vars.DEAL_ID), execution.getProcessInstanceId(), taskKey,
        element instanceof FlowElement task ? task.getName() : taskKey);
  }
}
