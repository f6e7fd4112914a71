package ru.voronka.deals;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/**
 * What other modules may know of a deal's processes: every process of a deal runs under its number
 * as business key, and its open tasks are held by their assignee or candidates. Starting and
 * steering processes stays inside {@code deals}.
 */
public interface DealWork {

  static String businessKey(Long dealId) {
    return String.valueOf(dealId);
  }

  /** The deal's open tasks, oldest first. */
  List<Task> openTasks(Long dealId);

  /** The deal's open tasks with who holds them, oldest first — in one read. */
  List<TaskHolders> taskHolders(Long dealId);

  /** An open task of a deal and who holds it: its assignee, or while nobody has claimed it its candidates. */
  record TaskHolders(String taskId, String assignee, Set<String> candidateUsers, Set<String> candidateGroups) {}
}
