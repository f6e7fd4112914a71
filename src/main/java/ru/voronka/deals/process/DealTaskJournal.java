package ru.voronka.deals.process;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealHistory;
import ru.voronka.deals.HistoryKind;
import ru.voronka.deals.process.SalesFunnelProcess.Tasks;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;
import ru.voronka.platform.CurrentActor;

/**
 * Listens to every user task of every model (added by {@link DealListenersPlugin}, so models
 * stay free of it): checks a completion against {@link DealOwnership} and {@link TaskCompletionRules}, remembers who
 * completed it, and writes «поставлена» / «выполнена» into the deal's history.
 */
@Component("dealTaskJournal")
public class DealTaskJournal implements TaskListener {

  private final DealHistory history;
  private final TaskCompletionRules rules;
  private final CurrentActor actor;
  private final DealOwnership ownership;

  public DealTaskJournal(DealHistory history, TaskCompletionRules rules, CurrentActor actor, DealOwnership ownership) {
    this.ownership = ownership;
    this.history = history;
    this.rules = rules;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    Object dealId = task.getVariable(Vars.DEAL_ID);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        forgetEarlierAnswers(task);
        if (dealId instanceof Long id) {
          history.record(id, CurrentActor.SYSTEM, HistoryKind.TASK_CREATED, "Поставлена задача «" + task.getName() + "» — " + whom(task));
        }
      }
      case EVENTNAME_COMPLETE -> {
        ownership.requireSameDeal(task);
        rules.check(task.getTaskDefinitionKey(), task::getVariable);
        String completedBy = completer(task);
        task.getExecution().setVariable(Vars.COMPLETED_BY, completedBy);
        if (dealId instanceof Long id) {
          history.record(id, completedBy, HistoryKind.TASK_COMPLETED, "Выполнена задача «" + task.getName() + "»");
        }
      }
      default -> {
      }
    }
  }

  /**
   * A question asked again in a loop (the request back after a refusal, the KP feedback after an
   * objection, the РОП's decision after a rework) starts unanswered: Tasklist would otherwise show
   * the earlier answer already filled in.
   */
  private static void forgetEarlierAnswers(DelegateTask task) {
    ASKED_AGAIN.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task.getExecution()::removeVariable);
  }

  private static final Map<String, List<String>> ASKED_AGAIN = Map.of(
      Tasks.TAKE_REQUEST, List.of(Vars.TAKE_DECISION, Vars.REFUSAL_REASON),
      Tasks.GET_KP_FEEDBACK, List.of(Vars.KP_STATUS, Vars.COMMENT),
      Tasks.GET_PAYMENT, List.of(Vars.PAID),
      InternalApprovalProcess.TASK_APPROVE, List.of(InternalApprovalProcess.DECISION, InternalApprovalProcess.COMMENT));

  /** The Tasklist user or API caller; a task completed by the system (1C mirror) keeps its assignee. */
  private String completer(DelegateTask task) {
    String current = actor.userId();
    return CurrentActor.SYSTEM.equals(current) && task.getAssignee() != null ? task.getAssignee() : current;
  }

  private static String whom(DelegateTask task) {
    if (task.getAssignee() != null) {
      return "исполнитель " + task.getAssignee();
    }
    String groups = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.joining(", "));
    return groups.isEmpty() ? "без исполнителя" : "группа " + groups;
  }
}
