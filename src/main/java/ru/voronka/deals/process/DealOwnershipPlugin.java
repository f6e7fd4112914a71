package ru.voronka.deals.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts {@link DealOwnership} at the start of every process at deployment, including models an
 * analyst deploys later, so no model can forget it.
 */
@Component
class DealOwnershipPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        var expression = configuration.getExpressionManager().createExpression("${dealOwnership}");
        // Resolved on every start, like a delegate expression, so the bean behind the name decides.
        ExecutionListener ownership = execution -> ((ExecutionListener) expression.getValue(execution)).notify(execution);
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, ownership);
      }
    });
  }
}
