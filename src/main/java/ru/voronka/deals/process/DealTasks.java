package ru.voronka.deals.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Tasks through Voronka's API, with the same rules as Tasklist: you see and work the tasks assigned
 * to you or offered to your roles; the РОП sees and works all.
 */
@Service
@Transactional
public class DealTasks {

  private final TaskService tasks;

  DealTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  @Transactional(readOnly = true)
  public Page<Task> mine(Viewer viewer, Pageable pageable) {
    var query = tasks.createTaskQuery().or().taskAssignee(viewer.userId())
        .taskCandidateGroupIn(groupIds(viewer)).endOr()
        .initializeFormKeys().orderByTaskCreateTime().desc();
    if (viewer.leadsSales()) {
      query = tasks.createTaskQuery().initializeFormKeys().orderByTaskCreateTime().desc();
    }
    long total = query.count();
    return new PageImpl<>(query.listPage((int) pageable.getOffset(), pageable.getPageSize()), pageable, total);
  }

  /** The task with its form, as the task card shows it. */
  @Transactional(readOnly = true)
  public Task get(String taskId, Viewer viewer) {
    return workable(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult(), viewer);
  }

  /**
   * The task without its form (reading the form key costs a process-definition lookup), by a native
   * query: the generic task query spends more time building its SQL than the database running it.
   */
  private Task workable(String taskId, Viewer viewer) {
    return workable(tasks.createNativeTaskQuery().sql("select * from ACT_RU_TASK where ID_ = #{id}").parameter("id", taskId)
        .singleResult(), viewer);
  }

  private Task workable(Task task, Viewer viewer) {
    if (task == null || !mayWork(task, viewer)) {
      throw new DomainException(Kind.NOT_FOUND, "Задача не найдена или уже выполнена");
    }
    return task;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> variables(String taskId, Viewer viewer) {
    workable(taskId, viewer);
    return tasks.getVariables(taskId);
  }

  public void claim(String taskId, Viewer viewer) {
    Task task = workable(taskId, viewer);
    if (task.getAssignee() != null && !task.getAssignee().equals(viewer.userId())) {
      throw new DomainException(Kind.CONFLICT, "Задачу уже взял " + task.getAssignee());
    }
    tasks.setAssignee(taskId, viewer.userId());
  }

  /** Completing an unassigned task of one's role claims it first, as Tasklist does. */
  public void complete(String taskId, Map<String, Object> variables, Viewer viewer) {
    Task task = workable(taskId, viewer);
    if (task.getAssignee() == null) {
      tasks.setAssignee(taskId, viewer.userId());
    } else if (!task.getAssignee().equals(viewer.userId()) && !viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Задача назначена на " + task.getAssignee());
    }
    tasks.complete(taskId, new HashMap<>(variables));
  }

  private boolean mayWork(Task task, Viewer viewer) {
    if (viewer.leadsSales() || viewer.userId().equals(task.getAssignee())) {
      return true;
    }
    Set<String> groups = Set.copyOf(groupIds(viewer));
    List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> viewer.userId().equals(l.getUserId()) || groups.contains(l.getGroupId()));
  }

  private static List<String> groupIds(Viewer viewer) {
    List<String> ids = viewer.groups().stream().map(Group::id).collect(Collectors.toList());
    return ids.isEmpty() ? List.of("-") : ids;
  }
}
