package ru.voronka.directory;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure every role exists as a Camunda group with the rights it needs, and that Tasklist has
 * the filters people look for. Idempotent: it only adds what is missing, on every start.
 *
 * <p>A user sees the tasks they are assignee or candidate of (the engine grants that per task); the
 * РОП sees and reassigns all tasks; analysts read the models and the funnel's instances in Cockpit; every
 * sales role starts the funnel and its side processes from Tasklist.
 */
@Component
public class RoleSetup {

  /** Definitions a sales user may start from Tasklist. */
  static final List<String> STARTABLE_BY_SALES = List.of("salesFunnel", "dealAssignments", "importOrder", "production",
      "procurement", "dealLoss", "dealStageChange");

  /** Processes whose variables hold what clients wrote, their numbers or names: the sales team's, not the analysts'. */
  static final List<String> CLIENT_CORRESPONDENCE = List.of("answerClient", "sendClientMessage", "stageAutomation", "groupJoinRequest",
      "callFollowUp", "providerGroupCreation", "clientMediaDownload");

  /** The processes analysts study instance by instance in Cockpit. */
  static final List<String> ANALYSED = List.of("salesFunnel", "internalApproval", "paymentControl", "dealAssignments",
      "importOrder", "production", "procurement", "engineersFunnel", "dealLoss", "dealStageChange");

  private static final Logger log = LoggerFactory.getLogger(RoleSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  RoleSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void ensureRoles() {
    try {
      grantEverything();
    } catch (RuntimeException e) {
      // Two nodes starting together on an empty database race to create the same rows; the
      // loser finds them in place on a second look.
      log.info("Roles were being set up by another node ({}); checking again", e.getMessage());
      grantEverything();
    }
    log.info("Roles, rights and Tasklist filters are in place");
  }

  private void grantEverything() {
    for (Group group : Group.values()) {
      if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
        var g = identity.newGroup(group.id());
        g.setName(group.title());
        g.setType(group == Group.ADMINS ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(g);
      }
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    for (Group sales : List.of(Group.MANAGERS, Group.HEAD_OF_SALES)) {
      grant(sales, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      for (String key : STARTABLE_BY_SALES) {
        grant(sales, Resources.PROCESS_DEFINITION, key, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
    }
    grant(Group.HEAD_OF_SALES, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_ASSIGN);
    grant(Group.HEAD_OF_SALES, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Group.HEAD_OF_SALES, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(Group.HEAD_OF_SALES, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grantAnalysts();
    ensureFilters();
  }

  /**
   * Analysts read the models, decisions and the running and past instances in Cockpit — except the
   * processes that carry what clients wrote or who they are ({@link #CLIENT_CORRESPONDENCE}). They
   * deploy nothing: a deployed model runs its expressions as the server, so models reach the engine
   * through an administrator (README «Models»). Rights granted by earlier versions are taken back.
   */
  private void grantAnalysts() {
    grant(Group.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Group.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    revoke(Group.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    for (String key : ANALYSED) {
      grant(Group.ANALYSTS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    }
    revoke(Group.ANALYSTS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    revoke(Group.ANALYSTS, Resources.TASK, ANY, Permissions.READ);
    grant(Group.ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Group.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    revoke(Group.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
  }

  private void revoke(Group group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group.id())
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(existing);
    }
  }

  private void grant(Group group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group.id())
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group.id());
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  /**
   * Tasklist's filters, in the order Tasklist lists them (by priority) and opens the first: the
   * РОП's approvals first for the РОП, then one's own tasks, one's roles' tasks and all tasks. Each
   * filter is readable by the groups it is for (the approvals by the РОП only). Every task's row
   * shows its deal ({@code tasklistDeal}, a task variable every model's user task gets on creation;
   * Tasklist reads process variables only with rights on the whole process instance, which a manager
   * lacks). Tasklist shows a filter's count for the filter open; the webapps' custom script
   * (app/voronka/russian.js) adds the count of every other one.
   */
  private void ensureFilters() {
    List<Group> everyone = List.of(Group.values());
    filter("Согласования", -20, tasks.createTaskQuery().taskCandidateGroup(Group.HEAD_OF_SALES.id()).includeAssignedTasks(),
        "Документы на согласование РОП: счета и договоры", List.of(Group.HEAD_OF_SALES));
    filter("Мои задачи", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), "Задачи, назначенные мне",
        everyone);
    filter("Задачи моих групп", -5, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskUnassigned(), "Никем не взятые задачи моих ролей: новые заявки, задания", everyone);
    filter("Все задачи", 10, tasks.createTaskQuery(), "Все открытые задачи (видны те, на которые есть права)", everyone);
    revokeReadOfEveryFilter();
  }

  /** What each row of a filter shows beside the task's name and process. */
  static final List<Map<String, Object>> FILTER_VARIABLES = List.of(Map.of("name", "tasklistDeal", "label", "Сделка"));

  /** The row variables of the filters made before the deal's caption: replaced unless someone changed them. */
  private static final List<Map<String, Object>> EARLIER_FILTER_VARIABLES = List.of(
      Map.of("name", "dealId", "label", "Сделка №"),
      Map.of("name", "title", "label", "Сделка"),
      Map.of("name", "clientName", "label", "Клиент"));

  private void filter(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query, String description,
      List<Group> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new HashMap<>();
      properties.put("priority", priority);
      properties.put("description", description);
      properties.put("refresh", true);
      properties.put("variables", FILTER_VARIABLES);
      filter = filters.saveFilter(filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties));
    } else if (EARLIER_FILTER_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new HashMap<>(filter.getProperties());
      properties.put("variables", FILTER_VARIABLES);
      filter = filters.saveFilter(filter.setProperties(properties));
    }
    for (Group reader : readers) {
      grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  /**
   * Earlier every group read every filter (a grant on «*»); now each filter names its readers, so
   * that grant would show the РОП's approvals to everyone: its READ is taken back.
   */
  private void revokeReadOfEveryFilter() {
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(ANY).list()) {
      if (auth.getGroupId() == null || auth.getAuthorizationType() != AUTH_TYPE_GRANT
          || !auth.isPermissionGranted(Permissions.READ) || Group.ADMINS.id().equals(auth.getGroupId())) {
        continue;
      }
      auth.removePermission(Permissions.READ);
      if (Arrays.stream(auth.getPermissions(Permissions.values())).allMatch(p -> p == Permissions.NONE)) {
        authorizations.deleteAuthorization(auth.getId());
      } else {
        authorizations.saveAuthorization(auth);
      }
    }
  }

}
