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
import java.util.Comparator;
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

  /**
   * Untaken tasks offered to the viewer by name or through one of their groups, as Camunda's candidate
   * queries find them, written as a semi-join ({@code exists}) on the task's links: Camunda writes an
   * «or» over a join of every task with its links and de-duplicates with {@code distinct}, which at
   * 100 000 tasks sorted every row, wide, on disk (issue 15's bench: 112 ms for a page, 49–90 ms for the count).
   * {@code %1$s} is the user's parameter as the query's runner writes it; the groups are Voronka's own ids.
   */
  private static final String OFFERED = """
      RES.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK L where L.TASK_ID_ = RES.ID_
        and L.TYPE_ = 'candidate' and (L.USER_ID_ = %1$s or L.GROUP_ID_ in (%2$s)))""";

  private static final String URGENT_FIRST = " order by RES.DUE_DATE_ asc nulls last, RES.CREATE_TIME_ desc, RES.ID_ asc";

  /** The order of {@link #URGENT_FIRST}, to merge the viewer's and the offered tasks. */
  private static final Comparator<Task> URGENT = Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Task::getCreateTime, Comparator.reverseOrder()).thenComparing(Task::getId);

  private static String groupList(Viewer viewer) {
    return groupIds(viewer).stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
  }

  /**
   * The number {@link #open} lists, up to {@link TaskDesk#COUNT_CAP} + 1, as two counts: the viewer's
   * tasks, and the untaken ones offered to them (assigned tasks are not offered, so none is counted twice).
   */
  private long countOpenOf(Viewer viewer) {
    long assigned = tasks.createTaskQuery().taskAssignee(viewer.userId()).count();
    return assigned > COUNT_CAP ? COUNT_CAP + 1 : assigned + countOffered(viewer, viewer.userId(), COUNT_CAP + 1 - assigned);
  }

  /**
   * The untaken tasks offered to the viewer's groups (and, with {@code user}, to the user by name), counted up
   * to {@code limit} (null: all) — at a limit a thousand index entries are read (1 ms at 50 000 offered).
   */
  private long countOffered(Viewer viewer, String user, Long limit) {
    String offered = "select RES.ID_ from ACT_RU_TASK RES where " + OFFERED.formatted(":user", groupList(viewer));
    var parameters = new MapSqlParameterSource("user", user == null ? "-" : user);
    if (limit != null) {
      offered += " limit :limit";
      parameters.addValue("limit", limit);
    }
    Long count = jdbc.queryForObject("select count(*) from (" + offered + ") offered", parameters, Long.class);
    return count == null ? 0 : count;
  }

  /**
   * The viewer's tasks and the untaken ones offered to them, the most urgent first: the first {@code offset +
   * size} of each, each read on its own index (mine by assignee; offered by their links), merged here.
   */
  @Override
  @Transactional(readOnly = true)
  public Page<TaskRow> open(Viewer viewer, Pageable pageable) {
    long total = countOpenOf(viewer);
    int first = (int) pageable.getOffset();
    int upTo = first + pageable.getPageSize();
    List<Task> mine = tasks.createNativeTaskQuery()
        .sql("select RES.* from ACT_RU_TASK RES where RES.ASSIGNEE_ = #{user}" + URGENT_FIRST)
        .parameter("user", viewer.userId()).listPage(0, upTo);
    List<Task> offered = tasks.createNativeTaskQuery()
        .sql("select RES.* from ACT_RU_TASK RES where " + OFFERED.formatted("#{user}", groupList(viewer)) + URGENT_FIRST)
        .parameter("user", viewer.userId()).listPage(0, upTo);
    List<Task> page = java.util.stream.Stream.concat(mine.stream(), offered.stream()).sorted(URGENT)
        .skip(first).limit(pageable.getPageSize()).toList();
    Map<String, DealOf> deals = dealsOf(page);
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
    // A task made by hand in Tasklist belongs to no process: it has no form, and Camunda's form service
    // fails on it with a NullPointerException; its own variables are what it shows.
    boolean standalone = task.getProcessDefinitionId() == null && task.getCaseDefinitionId() == null;
    (standalone ? tasks.getVariables(taskId) : forms.getTaskFormVariables(taskId, null, true))
        .forEach((name, value) -> data.put(name, forForm(value)));
    return new TaskForm(row, standalone ? null : schema(taskId), data);
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
          Long deal = rs.wasNull() ? null : dealId; // asked at once: put's arguments read column 1 first
          byTask.put(rs.getString(1), new DealOf(deal, rs.getString(3)));
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
