package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealNotFoundException;
import ru.voronka.deals.DealRepository;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * One rule for every door into the engine — Voronka's API, Tasklist, the engine's REST API: a
 * process that carries a deal is started only by someone who may manage that deal ({@link
 * Viewer#mayManage}: its responsible, the РОП, an administrator — checked here for the engine's own
 * doors, by {@code DealService} for Voronka's), and its deal never changes afterwards — a form that
 * submits another {@code dealId} is refused, whichever door it came through. A process carrying a deal has the deal's number as its business key
 * (the processes Voronka starts all do), which is what a completion is checked against.
 */
@Component("dealOwnership")
public class DealOwnership implements ExecutionListener {

  private final DealRepository deals;
  private final ActingViewer acting;

  DealOwnership(DealRepository deals, ActingViewer acting) {
    this.deals = deals;
    this.acting = acting;
  }

  /** At the start of every process instance. */
  @Override
  public void notify(DelegateExecution execution) {
    Object raw = execution.getVariable(Vars.DEAL_ID);
    if (raw == null || ((ExecutionEntity) execution).getSuperExecution() != null) {
      return; // no deal, or a call activity whose caller was checked
    }
    Long dealId = dealId(raw);
    String key = execution.getProcessBusinessKey();
    if (key == null) {
      execution.setProcessBusinessKey(DealProcesses.businessKey(dealId));
    } else if (!key.equals(DealProcesses.businessKey(dealId))) {
      throw new DomainException(Kind.INVALID, "Ключ процесса («" + key + "») должен совпадать с номером сделки " + dealId);
    }
    // Voronka's API and pages check the same rule (Viewer#mayManage) before they start anything.
    acting.engineUser().ifPresent(viewer -> requireMayManage(dealId, viewer));
  }

  /** On every completion: the task's deal is the one its process was started for. */
  public void requireSameDeal(DelegateTask task) {
    Object dealId = task.getVariable(Vars.DEAL_ID);
    String key = task.getExecution().getProcessBusinessKey();
    if (dealId != null && key != null && !key.equals(String.valueOf(dealId))) {
      throw new DomainException(Kind.FORBIDDEN, "Задача «" + task.getName() + "» относится к сделке №" + key
          + ": номер сделки в ней не меняется");
    }
  }

  private void requireMayManage(Long dealId, Viewer viewer) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new DealNotFoundException(dealId));
    if (!viewer.mayManage(deal)) {
      // A manager does not learn that a colleague's deal exists.
      throw viewer.mayView(deal) ? new DomainException(Kind.FORBIDDEN, "По сделке №" + dealId
          + " процессы запускает её ответственный или РОП") : new DealNotFoundException(dealId);
    }
  }

  private static Long dealId(Object raw) {
    if (raw instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.valueOf(raw.toString().strip());
    } catch (NumberFormatException e) {
      throw new DomainException(Kind.INVALID, "Номер сделки «" + raw + "» — не число");
    }
  }
}
