package ru.voronka.deals.process;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealWork;
import ru.voronka.deals.DealStage;
import ru.voronka.deals.LostReason;
import ru.voronka.deals.OrderKind;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/**
 * The deals module's hand on the engine. Every process of a deal carries the deal id as its
 * business key, so "everything running for deal 42" is one query.
 */
@Component
public class DealProcesses implements DealWork {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;

  private static final String OPEN_TASKS_BY_BUSINESS_KEY = "select T.* from ACT_RU_TASK T"
      + " join ACT_RU_EXECUTION E on T.PROC_INST_ID_ = E.ID_"
      + " where E.BUSINESS_KEY_ = #{businessKey} order by T.CREATE_TIME_ asc, T.ID_ asc";

  public DealProcesses(RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  /**
   * The deal's open tasks, oldest first, with their candidates — in one read of the engine's tables
   * (the same ones {@link #openTasks} reads), not one engine command per task: asked with every
   * client message for its pop-up.
   */
  @Override
  public List<TaskHolders> taskHolders(Long dealId) {
    Map<String, TaskHolders> byTask = new LinkedHashMap<>();
    jdbc.query("""
        select T.ID_, T.ASSIGNEE_, L.USER_ID_, L.GROUP_ID_ from ACT_RU_TASK T
        join ACT_RU_EXECUTION E on T.PROC_INST_ID_ = E.ID_
        left join ACT_RU_IDENTITYLINK L on L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'
        where E.BUSINESS_KEY_ = ? order by T.CREATE_TIME_ asc, T.ID_ asc""", rs -> {
      String taskId = rs.getString(1);
      String assignee = rs.getString(2);
      String user = rs.getString(3);
      String group = rs.getString(4);
      TaskHolders task = byTask.computeIfAbsent(taskId, id -> new TaskHolders(id, assignee, new LinkedHashSet<>(), new LinkedHashSet<>()));
      if (user != null) {
        task.candidateUsers().add(user);
      }
      if (group != null) {
        task.candidateGroups().add(group);
      }
    }, businessKey(dealId));
    return List.copyOf(byTask.values());
  }

  public static String businessKey(Long dealId) {
    return DealWork.businessKey(dealId);
  }

  public String startSalesFunnel(Deal deal) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SalesFunnelProcess.Vars.DEAL_ID, deal.getId());
    if (deal.getAmount() != null) {
      vars.put(SalesFunnelProcess.Vars.AMOUNT, deal.getAmount().doubleValue());
    }
    return runtime.startProcessInstanceByKey(SalesFunnelProcess.KEY, businessKey(deal.getId()), vars).getId();
  }

  public String startEngineersFunnel(Deal deal) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SalesFunnelProcess.Vars.DEAL_ID, deal.getId());
    vars.put(SalesFunnelProcess.Vars.RESPONSIBLE, deal.getResponsibleUserId());
    return runtime.startProcessInstanceByKey(EngineersFunnelProcess.KEY, businessKey(deal.getId()), vars).getId();
  }

  /** The funnel decides on the deal's amount (the approval above 150 000 ₽): a changed amount reaches its running instance. */
  public void amountChanged(Deal deal) {
    String id = deal.getProcessInstanceId();
    if (id != null && runtime.createProcessInstanceQuery().processInstanceId(id).active().count() > 0) {
      runtime.setVariable(id, SalesFunnelProcess.Vars.AMOUNT, deal.getAmount() == null ? null : deal.getAmount().doubleValue());
    }
  }

  public void requestStageChange(Deal deal, DealStage target) {
    runtime.createMessageCorrelation(SalesFunnelProcess.MESSAGE_STAGE_CHANGE)
        .processInstanceId(requireRunningFunnel(deal))
        .setVariable(SalesFunnelProcess.Vars.TARGET_STAGE, target.name())
        .correlateWithResult();
  }

  public void requestLoss(Deal deal, LostReason reason, String comment) {
    runtime.createMessageCorrelation(SalesFunnelProcess.MESSAGE_DEAL_LOST)
        .processInstanceId(requireRunningFunnel(deal))
        .setVariable(SalesFunnelProcess.Vars.LOST_REASON, reason.name())
        .setVariable(SalesFunnelProcess.Vars.LOST_COMMENT, comment)
        .correlateWithResult();
  }

  public String startAssignments(Long dealId, Map<String, Boolean> flags) {
    Map<String, Object> vars = new HashMap<>(flags);
    vars.put(SalesFunnelProcess.Vars.DEAL_ID, dealId);
    return runtime.startProcessInstanceByKey(DealAssignmentsProcess.KEY, businessKey(dealId), vars).getId();
  }

  public String startSideProcess(Long dealId, OrderKind kind) {
    return runtime.startProcessInstanceByKey(kind.processKey(), businessKey(dealId),
        Map.of(SalesFunnelProcess.Vars.DEAL_ID, dealId)).getId();
  }

  /** A new schedule replaces the one being watched. */
  public void restartPaymentControl(Long dealId, String responsible) {
    cancelPaymentControl(dealId, "График оплаты заменён");
    Map<String, Object> vars = new HashMap<>();
    vars.put(SalesFunnelProcess.Vars.DEAL_ID, dealId);
    vars.put(SalesFunnelProcess.Vars.RESPONSIBLE, responsible);
    runtime.startProcessInstanceByKey(PaymentControlProcess.KEY, businessKey(dealId), vars);
  }

  public void cancelPaymentControl(Long dealId, String reason) {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(PaymentControlProcess.KEY)
        .processInstanceBusinessKey(businessKey(dealId))
        .list().stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, reason, true, true);
    }
  }

  /** The deal's amount changed outside a task (the 1C КП taken): the funnel decides on the new one. */
  public void amountChanged(Long dealId, java.math.BigDecimal amount) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(dealId))
        .processDefinitionKey(SalesFunnelProcess.KEY).active().list()) {
      runtime.setVariable(instance.getId(), SalesFunnelProcess.Vars.AMOUNT, amount.doubleValue());
    }
  }

  /** The deal's processes run by the machine alone, with no responsible of their own. */
  private static final java.util.Set<String> WITHOUT_RESPONSIBLE = java.util.Set.of("stageAutomation", "sendClientMessage",
      "clientMediaDownload");

  /** The new responsible takes over every open task and every process of the deal (WA-6 builds on this). */
  public void handOver(Long dealId, String from, String to) {
    String key = businessKey(dealId);
    // A machine's run of the deal (a stage action, a message on its way) has no responsible, and may be
    // ending in a job right now: a variable written into it then would outlive its execution (ACT_FK_VAR_EXE).
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).active().list()) {
      String model = instance.getProcessDefinitionId().substring(0, instance.getProcessDefinitionId().indexOf(':'));
      if (!WITHOUT_RESPONSIBLE.contains(model)) {
        runtime.setVariable(instance.getId(), SalesFunnelProcess.Vars.RESPONSIBLE, to);
      }
    }
    if (from != null) {
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssignee(from).list()) {
        tasks.setAssignee(task.getId(), to);
      }
    }
  }

  @Override
  public List<Task> openTasks(Long dealId) {
    // A native query: the same SQL as TaskQuery.processInstanceBusinessKey, without MyBatis evaluating the
    // generic task query's hundred optional clauses on every deal card.
    return tasks.createNativeTaskQuery().sql(OPEN_TASKS_BY_BUSINESS_KEY).parameter("businessKey", businessKey(dealId)).list();
  }

  /** Completes a task mirrored elsewhere (1C) when it was done there. */
  public boolean completeMirroredTask(String processInstanceId, String taskKey, Map<String, Object> vars) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    open.forEach(task -> tasks.complete(task.getId(), vars));
    return !open.isEmpty();
  }

  private String requireRunningFunnel(Deal deal) {
    String id = deal.getProcessInstanceId();
    boolean running = id != null && runtime.createProcessInstanceQuery().processInstanceId(id).active().count() > 0;
    if (!running) {
      throw new DomainException(Kind.CONFLICT, "Воронка сделки №" + deal.getId() + " не запущена или уже завершена");
    }
    return id;
  }
}
