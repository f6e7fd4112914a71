package ru.voronka.deals.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds Voronka's listeners to every model at deployment, so that none can forget them — including
 * models an analyst draws later: {@code ${dealOwnership}} ({@link DealOwnership}) at the start of
 * every process, {@code ${dealTaskJournal}} ({@link DealTaskJournal}) at the creation and completion
 * of every user task (the deal's history and the completion rules), and {@link TasklistDealCaptions}
 * at a task's creation (its deal in Tasklist's list). Each bean is resolved on every call, like a
 * delegate expression, so the bean behind the name decides. Process tests use the same plugin
 * (src/test/resources/process-tests.cfg.xml) and register the beans behind the names.
 */
@Component
public class DealListenersPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    var ownershipExpression = configuration.getExpressionManager().createExpression("${dealOwnership}");
    var journalExpression = configuration.getExpressionManager().createExpression("${dealTaskJournal}");
    ExecutionListener ownership = execution -> ((ExecutionListener) ownershipExpression.getValue(execution)).notify(execution);
    TaskListener journal = task -> ((TaskListener) journalExpression.getValue(task)).notify(task);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, ownership);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, journal);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, journal);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, TasklistDealCaptions.CAPTION);
      }
    });
  }
}
