package ru.voronka.deals.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import ru.voronka.deals.process.SalesFunnelProcess.Vars;

/**
 * Names every user task's deal in Camunda Tasklist's list: a task-local variable
 * {@value #VARIABLE} («№12 Манометры для котельной — ООО «ТехноПром»»), set when the task is created,
 * which the Tasklist filters show under «Сделка» (see {@code RoleSetup}). Task names stay as modelled.
 *
 * <p>Why a copy on the task: Tasklist reads a filter's variables with the user's rights, and a
 * manager may read a task (as its assignee or candidate) but not the deal's process instance — the
 * process variables stay hidden, while a task's own variables are readable by exactly those who see
 * the task. The caption is the deal as it was when the task was set.
 */
public final class TasklistDealCaptions {

  public static final String VARIABLE = "tasklistDeal";

  /** A create listener of every user task ({@link DealListenersPlugin} adds it). */
  static final TaskListener CAPTION = TasklistDealCaptions::caption;

  private TasklistDealCaptions() {}

  static void caption(DelegateTask task) {
    String caption = caption(task.getVariable(Vars.DEAL_ID), task.getVariable(Vars.TITLE), task.getVariable(Vars.CLIENT_NAME));
    if (caption != null) {
      task.setVariableLocal(VARIABLE, caption);
    }
  }

  /** «№12 Манометры для котельной — ООО «ТехноПром»»; null for a task of no deal. */
  static String caption(Object dealId, Object title, Object client) {
    if (dealId == null) {
      return null;
    }
    StringBuilder caption = new StringBuilder("№").append(dealId);
    if (title != null && !title.toString().isBlank()) {
      caption.append(' ').append(title.toString().strip());
    }
    if (client != null && !client.toString().isBlank()) {
      caption.append(" — ").append(client.toString().strip());
    }
    return caption.toString();
  }
}
