package ru.voronka.deals.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Assignments;
import ru.voronka.deals.FunnelSteps;
import ru.voronka.deals.ProcessValues;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/** «Записать задания в историю сделки»; also refuses a start form that names no existing deal. */
@Component("recordAssignments")
class RecordAssignments implements JavaDelegate {

  private final FunnelSteps steps;

  RecordAssignments(FunnelSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long dealId = DealIds.require(execution);
    List<String> whom = Assignments.TEAMS.entrySet().stream()
        .filter(flag -> ProcessValues.flag(execution.getVariable(flag.getKey()))).map(flag -> flag.getValue()).toList();
    steps.recordAssignments(dealId, whom);
  }
}
