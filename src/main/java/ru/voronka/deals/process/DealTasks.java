package ru.voronka.deals.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.voronka.deals.TaskDesk;
import ru.voronka.deals.Viewer;
import ru.voronka.directory.Group;
import ru.voronka.platform.RussianFormats;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * Tasks through Voronka's API and workspace, with the same rules as Tasklist: you see and work the
 * tasks assigned to you or offered to your roles; the РОП works all. Claims and completions run
 * with the user's identity, so Camunda's authorizations decide as they do in Tasklist.
 */
@Service
@Transactional
public class DealTasks implements TaskDesk {

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final DealProcesses processes;
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  DealTasks(TaskService tasks, FormService forms, IdentityService identity, DealProcesses processes,
      NamedParameterJdbcTemplate jdbc) {
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.processes = processes;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Page<Task> mine(Viewer viewer, Pageable pageable) {
    var query = tasks.createTaskQuery().or().taskAssignee(viewer.userId())
        .taskCandidateGroupIn(groupIds(viewer)).endOr()
        .initializeFormKeys().orderByTaskCreateTime().desc();
    long total;
    if (viewer.leadsSales()) {
      query = tasks.createTaskQuery().initializeFormKeys().orderByTaskCreateTime().desc();
      total = query.count();
    } else {
      total = tasks.createTaskQuery().taskAssignee(viewer.userId()).count() + countOffered(viewer, null, null);
    }
    return new PageImpl<>(query.listPage((int) pageable.getOffset(), pageable.getPageSize()), pageable, total);
  }

  private TaskQuery openQuery(Viewer viewer) {
    return tasks.createTaskQuery().or().taskAssignee(viewer.userId()).taskCandidateUser(viewer.userId())
        .taskCandidateGroupIn(groupIds(viewer)).endOr();
  }

  /**
   * The number {@link #openQuery} lists, up to {@link TaskDesk#COUNT_CAP} + 1, as two counts: the viewer's
   * tasks, and the untaken ones offered to them (assigned tasks are not offered, so none is counted twice).
   * Each is read on its own index; the «or» of the two is a count of distinct tasks over a join of every
   * task with its links (issue 15's bench: 392 ms at 100 000 tasks).
   */
  private long countOpenOf(Viewer viewer) {
    long assigned = tasks.createTaskQuery().taskAssignee(viewer.userId()).count();
    return assigned > COUNT_CAP ? COUNT_CAP + 1 : assigned + countOffered(viewer, viewer.userId(), COUNT_CAP + 1 - assigned);
  }

  /**
   * Untaken tasks offered to the viewer's groups (and, with {@code user}, to the user by name), as Camunda's
   * candidate queries find them, counted up to {@code limit} (null: all). Camunda counts them as
   * {@code count(distinct)} over the join of tasks and links — 49–90 ms for 50 000 offered tasks on issue 15's
   * bench; a semi-join counts the same in 24 ms, and stopping at a limit reads a thousand index entries (1 ms).
   */
  private long countOffered(Viewer viewer, String user, Long limit) {
    String offered = """
        select T.ID_ from ACT_RU_TASK T where T.ASSIGNEE_ is null and exists (
          select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'
            and (L.GROUP_ID_ in (:groups) or L.USER_ID_ = :user))""";
    var parameters = new MapSqlParameterSource("groups", groupIds(viewer)).addValue("user", user == null ? "-" : user);
    if (limit != null) {
      offered += " limit :limit";
      parameters.addValue("limit", limit);
    }
    Long count = jdbc.queryForObject("select count(*) from (" + offered + ") offered", parameters, Long.class);
    return count == null ? 0 : count;
  }

  @Override
  @Transactional(readOnly = true)
  public Page<TaskRow> open(Viewer viewer, Pageable pageable) {
    long total = countOpenOf(viewer);
    List<Task> page = openQuery(viewer).orderByDueDate().asc().orderByTaskCreateTime().desc()
        .listPage((int) pageable.getOffset(), pageable.getPageSize());
    Map<String, DealOf> deals = dealsOf(page);
    // Listed by the query above: assigned to the viewer, or offered to them and not yet taken.
    List<TaskRow> rows = page.stream().map(t -> row(t, deals.get(t.getId()), true)).toList();
    return new PageImpl<>(rows, pageable, total);
  }

  @Override
  @Transactional(readOnly = true)
  public long countOpen(Viewer viewer) {
    return countOpenOf(viewer);
  }

  @Override
  @Transactional(readOnly = true)
  public List<TaskRow> ofDeal(Long dealId, Viewer viewer) {
    List<Task> open = processes.openTasks(dealId);
    Map<String, DealOf> deals = dealsOf(open);
    return open.stream().map(t -> row(t, deals.get(t.getId()), mayWork(t, viewer))).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public TaskForm form(String taskId, Viewer viewer) {
    Task task = workable(taskId, viewer);
    TaskRow row = row(task, dealsOf(List.of(task)).get(taskId), true);
    Map<String, Object> data = new LinkedHashMap<>();
    forms.getTaskFormVariables(taskId, null, true).forEach((name, value) -> data.put(name, forForm(value)));
    return new TaskForm(row, schema(taskId), data);
  }

  /** The deployed Camunda Form of the task, as Tasklist loads it; null for a task without one. */
  private String schema(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (ProcessEngineException | IOException e) {
      return null;
    }
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

  @Override
  public void claim(String taskId, Viewer viewer) {
    Task task = tasks.createNativeTaskQuery().sql("select * from ACT_RU_TASK where ID_ = #{id}").parameter("id", taskId)
        .singleResult();
    if (task != null && task.getAssignee() != null) {
      if (task.getAssignee().equals(viewer.userId())) {
        return;
      }
      throw new DomainException(Kind.CONFLICT, "Задачу уже взял " + task.getAssignee());
    }
    workable(task, viewer);
    as(viewer, () -> tasks.claim(taskId, viewer.userId()));
  }

  /** Completing an unassigned task of one's role claims it first, as Tasklist does. */
  @Override
  public void complete(String taskId, Map<String, Object> variables, Viewer viewer) {
    Task task = workable(taskId, viewer);
    if (task.getAssignee() == null) {
      as(viewer, () -> tasks.claim(taskId, viewer.userId()));
    } else if (!task.getAssignee().equals(viewer.userId()) && !viewer.leadsSales()) {
      throw new DomainException(Kind.FORBIDDEN, "Задача назначена на " + task.getAssignee());
    }
    Map<String, Object> values = new HashMap<>();
    variables.forEach((name, value) -> values.put(name, fromForm(value)));
    as(viewer, () -> tasks.complete(taskId, values));
  }

  /** Runs an engine command as the user: Camunda checks their authorizations, the deal's log names them. */
  private void as(Viewer viewer, Runnable command) {
    var before = identity.getCurrentAuthentication();
    identity.setAuthentication(viewer.userId(), groupIds(viewer));
    try {
      command.run();
    } catch (org.camunda.bpm.engine.AuthorizationException e) {
      throw new DomainException(Kind.FORBIDDEN, "Нет прав на эту задачу");
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  private boolean mayWork(Task task, Viewer viewer) {
    if (viewer.leadsSales() || viewer.userId().equals(task.getAssignee())) {
      return true;
    }
    if (task.getAssignee() != null) {
      return false; // a colleague took it: theirs now, as in Tasklist's «Мои задачи»
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

  private record DealOf(Long dealId, String caption) {}

  private static TaskRow row(Task t, DealOf deal, boolean mayWork) {
    return new TaskRow(t.getId(), t.getTaskDefinitionKey(), t.getName(), deal == null ? null : deal.dealId(),
        deal == null ? null : deal.caption(), t.getAssignee(), t.getDueDate(), t.getCreateTime(), mayWork,
        mayWork && t.getAssignee() == null);
  }

  /** Each task's deal — its process's {@code dealId} and the task's caption — in one read. */
  private Map<String, DealOf> dealsOf(Collection<Task> list) {
    if (list.isEmpty()) {
      return Map.of();
    }
    Map<String, DealOf> byTask = new HashMap<>();
    jdbc.query("""
        select T.ID_, D.LONG_, C.TEXT_ from ACT_RU_TASK T
        left join ACT_RU_VARIABLE D on D.EXECUTION_ID_ = T.PROC_INST_ID_ and D.TASK_ID_ is null and D.NAME_ = 'dealId'
        left join ACT_RU_VARIABLE C on C.TASK_ID_ = T.ID_ and C.NAME_ = :caption
        where T.ID_ in (:ids)""",
        new MapSqlParameterSource("ids", list.stream().map(Task::getId).toList())
            .addValue("caption", TasklistDealCaptions.VARIABLE), rs -> {
          long dealId = rs.getLong(2);
          byTask.put(rs.getString(1), new DealOf(rs.wasNull() ? null : dealId, rs.getString(3)));
        });
    return byTask;
  }

  /** A variable as Camunda Forms reads it: dates as ISO text (a date alone when it is midnight in Moscow), JSON as JSON. */
  private Object forForm(Object value) {
    if (value instanceof Date date) {
      ZonedDateTime moscow = date.toInstant().atZone(RussianFormats.MOSCOW);
      return moscow.toLocalTime().equals(LocalTime.MIDNIGHT) ? moscow.toLocalDate().toString()
          : moscow.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof SpinJsonNode node) {
      try {
        return json.readValue(node.toString(), Object.class);
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    if (value instanceof BigDecimal amount) {
      return amount.doubleValue();
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Map || value instanceof List) {
      return value;
    }
    return value.toString();
  }

  /** A form's value as Tasklist submits it: whole numbers as Long, lists and objects as JSON variables. */
  private Object fromForm(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (value instanceof Map || value instanceof List) {
      try {
        return SpinValues.jsonValue(json.writeValueAsString(value)).create();
      } catch (JsonProcessingException e) {
        throw new DomainException(Kind.INVALID, "Не удалось прочитать значения формы");
      }
    }
    return value;
  }
}
