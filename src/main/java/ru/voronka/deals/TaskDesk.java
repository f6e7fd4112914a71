package ru.voronka.deals;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Tasks where the deal is (issue 15): the user's open tasks and a deal's, taken and completed in
 * the workspace with the same Camunda Forms as in Tasklist, through the engine with the user's
 * identity, so Camunda's authorizations and the same completion rules apply.
 */
public interface TaskDesk {

  /**
   * The pages count open tasks up to this and say «более 1 000» past it: nobody pages through a thousand
   * tasks, and counting 50 000 offered to a group took longer than the rest of the page (issue 15's bench).
   */
  int COUNT_CAP = 1000;

  /**
   * Tasks assigned to the user, and those offered to their groups that nobody has taken; most urgent first.
   * The page's total is exact up to {@link #COUNT_CAP} and {@code COUNT_CAP + 1} past it.
   */
  Page<TaskRow> open(Viewer viewer, Pageable pageable);

  /** How many {@link #open} lists, as its total: exact up to {@link #COUNT_CAP}, {@code COUNT_CAP + 1} past it. */
  long countOpen(Viewer viewer);

  /** The deal's open tasks, oldest first, each saying whether the viewer may take or complete it. */
  List<TaskRow> ofDeal(Long dealId, Viewer viewer);

  /** The task with its form's JSON and the values the form shows. */
  TaskForm form(String taskId, Viewer viewer);

  void claim(String taskId, Viewer viewer);

  /** Completes with the form's values; a refusal (missing or wrong fields) is a DomainException in Russian. */
  void complete(String taskId, Map<String, Object> values, Viewer viewer);

  /**
   * An open task.
   *
   * @param deal the deal's caption («№12 Манометры — ООО «ТехноПром»»), null for a task of no deal
   * @param mayWork the viewer may open and complete it
   * @param mayClaim nobody holds it and the viewer is among its candidates
   */
  record TaskRow(String id, String key, String name, Long dealId, String deal, String assignee, Date due, Date created,
      boolean mayWork, boolean mayClaim) {

    public boolean overdue(Date now) {
      return due != null && due.before(now);
    }
  }

  /** @param schema the Camunda Form's JSON as deployed; null when the task has no Camunda Form */
  record TaskForm(TaskRow task, String schema, Map<String, Object> data) {}
}
