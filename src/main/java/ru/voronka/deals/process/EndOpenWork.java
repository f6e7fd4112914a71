package ru.voronka.deals.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealClosed;
import ru.voronka.deals.DealStatus;

/**
 * A closed deal ends its open tasks (issue 15): after a loss or a win, what still waits for somebody
 * — assignments, side orders, a join request, a stage change — ends with the reason «Сделка
 * закрыта». A won deal keeps its payment control: money still owed is still collected. The chat's
 * «Ответить клиенту» ends itself on the same event ({@code ClientAnswers}).
 */
@Component
class EndOpenWork {

  static final String REASON = "Сделка закрыта";
  private static final Set<String> KEPT_ALWAYS = Set.of("answerClient", "sendClientMessage");

  private final DealProcesses processes;
  private final RuntimeService runtime;

  EndOpenWork(DealProcesses processes, RuntimeService runtime) {
    this.processes = processes;
    this.runtime = runtime;
  }

  @ApplicationModuleListener
  void dealClosed(DealClosed event) {
    Set<String> instances = new LinkedHashSet<>();
    for (Task task : processes.openTasks(event.dealId())) {
      instances.add(task.getProcessInstanceId());
    }
    if (instances.isEmpty()) {
      return;
    }
    List<String> ending = runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
        .filter(p -> !kept(p, event.status()))
        .map(ProcessInstance::getId)
        // a called process (the РОП's approval) ends with the process that called it
        .filter(id -> runtime.createProcessInstanceQuery().subProcessInstanceId(id).count() == 0)
        .toList();
    if (!ending.isEmpty()) {
      runtime.deleteProcessInstances(ending, REASON, false, true);
    }
  }

  private static boolean kept(ProcessInstance instance, DealStatus status) {
    String key = instance.getProcessDefinitionId().split(":")[0];
    return KEPT_ALWAYS.contains(key) || status == DealStatus.WON && PaymentControlProcess.KEY.equals(key);
  }
}
