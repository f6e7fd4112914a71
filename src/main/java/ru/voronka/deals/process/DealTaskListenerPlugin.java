package ru.voronka.deals.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the bean {@code ${dealTaskJournal}} as a create and complete listener to every user task at
 * deployment, so the deal's history and the completion rules cover every model without a line in it,
 * and {@link TasklistDealCaptions} as a create listener (each task's deal in Tasklist's list).
 * Process tests use the same plugin (src/test/resources/process-tests.cfg.xml) and register the journal as a mock bean.
 */
@Component
public class DealTaskListenerPlugin extends AbstractProcessEnginePlugin {

  public static final String LISTENER_EXPRESSION = "${dealTaskJournal}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        var expression = configuration.getExpressionManager().createExpression(LISTENER_EXPRESSION);
        // Resolved on every call, like a delegate expression, so the bean behind the name decides.
        TaskListener journal = task -> ((TaskListener) expression.getValue(task)).notify(task);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, journal);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, journal);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, TasklistDealCaptions.CAPTION);
      }
    });
  }
}
