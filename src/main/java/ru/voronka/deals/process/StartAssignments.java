package ru.voronka.deals.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Assignments;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Поставить отмеченные задания»: the task module's flags ticked on «Проверить товарные позиции» (FUN-3). */
@Component("startAssignments")
class StartAssignments implements JavaDelegate {

  private final DealProcesses processes;

  StartAssignments(DealProcesses processes) {
    this.processes = processes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    Assignments.TEAMS.keySet().forEach(flag -> flags.put(flag, ProcessValues.flag(execution.getVariable(flag))));
    if (flags.containsValue(true)) {
      processes.startAssignments((Long) execution.getVariable(Vars.DEAL_ID), flags);
    }
  }
}
