package jp.vulnreport.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import jp.vulnreport.process.ProcessKeys;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, authorizations and Tasklist filters, created idempotently at every start (all profiles):
 * the matrix in README ("Who may do what"), tried cell by cell by AuthorizationMatrixTest.
 * Each staff group may use Tasklist, see the process definitions it works on, and work its
 * candidate tasks (the engine grants task permissions to candidate groups). Government notices
 * (instances of GovernmentNotification) are for liaison and managers only. Managers watch in
 * Cockpit; process owners see definitions and decisions in Cockpit and deploy. Administrators
 * (camunda-admin) get everything from Camunda itself.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {

  static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.RECEIPT, "受付（IPA）",
      Groups.ANALYST, "分析・検証",
      Groups.COORDINATION, "調整（JPCERT/CC）",
      Groups.LIAISON, "政府連絡",
      Groups.MANAGER, "管理者",
      Groups.PROCESS_OWNER, "プロセスオーナー");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    GROUP_NAMES.forEach(this::group);
    Grants grants = new Grants();
    List<String> processes = List.of(ProcessKeys.SOFTWARE_VULNERABILITY_REPORT, ProcessKeys.GOVERNMENT_NOTIFICATION,
        ProcessKeys.CASE_DISCONTINUATION, ProcessKeys.WEBSITE_VULNERABILITY_REPORT, ProcessKeys.EXPLOITATION_REPORT,
        ProcessKeys.PRIORITY_INFORMATION_PROVISION, ProcessKeys.PERSONAL_DATA_RETENTION, ProcessKeys.COORDINATION,
        ProcessKeys.DEVELOPER_COORDINATION, ProcessKeys.DEVELOPER_RESPONSE_ENTRY, ProcessKeys.ZERO_DAY_REQUEST);
    for (String g : Groups.STAFF) {
      grants.add(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grants.add(g, Resources.FILTER, "*", Permissions.READ);
      // READ only: tasks become visible through the candidate-group permission the engine grants per task
      for (String p : processes) {
        grants.add(g, Resources.PROCESS_DEFINITION, p, Permissions.READ);
      }
      // the receipt process's variables (tracking number, summary) in Tasklist's task lists
      grants.add(g, Resources.PROCESS_DEFINITION, ProcessKeys.SOFTWARE_VULNERABILITY_REPORT,
          ProcessDefinitionPermissions.READ_INSTANCE);
    }
    // website handling is receipt's work (tracking number and summary in Tasklist's lists)
    grants.add(Groups.RECEIPT, Resources.PROCESS_DEFINITION, ProcessKeys.WEBSITE_VULNERABILITY_REPORT,
        ProcessDefinitionPermissions.READ_INSTANCE);
    // exploitation information: analysts and coordinators record it (Tasklist start form)
    for (String g : List.of(Groups.ANALYST, Groups.COORDINATION)) {
      grants.add(g, Resources.PROCESS_DEFINITION, ProcessKeys.EXPLOITATION_REPORT,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grants.add(g, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    // coordination with developers: coordinators (tracking number and summary in Tasklist's lists), and the
    // Tasklist form that enters a developer's answer given by mail or phone
    for (String p : List.of(ProcessKeys.COORDINATION, ProcessKeys.DEVELOPER_COORDINATION)) {
      grants.add(Groups.COORDINATION, Resources.PROCESS_DEFINITION, p, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    grants.add(Groups.COORDINATION, Resources.PROCESS_DEFINITION, ProcessKeys.DEVELOPER_RESPONSE_ENTRY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // zero-day handling requests: coordinators and liaison enter one a developer made by mail or phone (start
    // form); liaison weighs them (tracking number and summary in Tasklist's lists)
    for (String g : List.of(Groups.COORDINATION, Groups.LIAISON)) {
      grants.add(g, Resources.PROCESS_DEFINITION, ProcessKeys.ZERO_DAY_REQUEST, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grants.add(Groups.LIAISON, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    grants.add(Groups.LIAISON, Resources.PROCESS_DEFINITION, ProcessKeys.ZERO_DAY_REQUEST,
        ProcessDefinitionPermissions.READ_INSTANCE);
    // priority information provision: liaison decides
    grants.add(Groups.LIAISON, Resources.PROCESS_DEFINITION, ProcessKeys.PRIORITY_INFORMATION_PROVISION,
        ProcessDefinitionPermissions.READ_INSTANCE);
    // government notices: liaison and managers only (analysts recognise through their own tasks)
    grants.add(Groups.LIAISON, Resources.PROCESS_DEFINITION, ProcessKeys.GOVERNMENT_NOTIFICATION,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grants.add(Groups.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.add(Groups.MANAGER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    // process owners: Cockpit, every definition and decision, deployments (Modeler deploys through /engine-rest)
    grants.add(Groups.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.add(Groups.PROCESS_OWNER, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    grants.add(Groups.PROCESS_OWNER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grants.add(Groups.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    // no DELETE: deleting a deployment deletes the running cases of its definitions (cascade); administrators only
    grants.add(Groups.PROCESS_OWNER, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    // Cockpit's human-tasks view (open tasks by candidate group: the engine's task report) needs READ on
    // every task; managers read every task of the processes they watch anyway (READ_TASK below). TASK is
    // not among the MANAGED types (the engine's per-task grants live there), so this grant is only added.
    grants.add(Groups.MANAGER, Resources.TASK, "*", Permissions.READ);
    for (String p : processes) {
      grants.add(Groups.MANAGER, Resources.PROCESS_DEFINITION, p, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    // receipt staff register mailed reports (the start form, which goes through intake's validation and
    // gets its tracking number there) and discontinue cases (CaseDiscontinuation's start form).
    // No staff group may update instances: no modification, suspension, variable writes or migration
    // (administrators only). Messages to a case (replies, acknowledgements, updates, discontinuation) go
    // through the staff APIs, which check the group and deliver them as the application.
    for (String g : List.of(Groups.RECEIPT, Groups.MANAGER)) {
      grants.add(g, Resources.PROCESS_DEFINITION, ProcessKeys.SOFTWARE_VULNERABILITY_REPORT,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grants.add(g, Resources.PROCESS_DEFINITION, ProcessKeys.CASE_DISCONTINUATION,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grants.add(g, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    Map<Grants.Key, Authorization> existing = existing(grants);
    grants.forEach((group, resource, resourceId, permissions) ->
        grant(existing.get(new Grants.Key(group, resource.resourceType(), resourceId)), group, resource, resourceId,
            permissions));
    revokeOutdated(grants);
    filter("自分のタスク / My tasks", 1, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter("グループのタスク / My groups' tasks", 2,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    filter("期限切れ / Overdue", 3, tasks.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .dueBeforeExpression("${now()}"));
  }

  /** The permissions per (group, resource, id), gathered before they are written. */
  private static final class Grants {
    record Key(String group, int resourceType, String resourceId) {}

    private final Map<Key, Set<Permission>> grants = new LinkedHashMap<>();
    private final Map<Integer, Resource> resources = new LinkedHashMap<>();

    void add(String group, Resource resource, String resourceId, Permission... permissions) {
      resources.put(resource.resourceType(), resource);
      grants.computeIfAbsent(new Key(group, resource.resourceType(), resourceId), k -> new LinkedHashSet<>())
          .addAll(Arrays.asList(permissions));
    }

    boolean has(String group, int resourceType, String resourceId) {
      return grants.containsKey(new Key(group, resourceType, resourceId));
    }

    void forEach(GrantWriter writer) {
      grants.forEach((k, p) -> writer.write(k.group(), resources.get(k.resourceType()), k.resourceId(),
          p.toArray(Permission[]::new)));
    }
  }

  @FunctionalInterface
  private interface GrantWriter {
    void write(String group, Resource resource, String resourceId, Permission... permissions);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
  }

  /**
   * The grants our groups hold now, one query per resource type (not one per grant: at every start),
   * the engine's per-task grants left out.
   */
  private Map<Grants.Key, Authorization> existing(Grants grants) {
    String[] groups = GROUP_NAMES.keySet().toArray(String[]::new);
    Map<Grants.Key, Authorization> existing = new HashMap<>();
    for (Resource resource : grants.resources.values()) {
      var query = authorizations.createAuthorizationQuery().groupIdIn(groups).resourceType(resource);
      if (resource.resourceType() == Resources.TASK.resourceType()) {
        query.resourceId("*");
      }
      for (Authorization a : query.list()) {
        if (a.getAuthorizationType() == AUTH_TYPE_GRANT) {
          existing.put(new Grants.Key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a);
        }
      }
    }
    return existing;
  }

  /**
   * Grants exactly these permissions (a later start with fewer permissions takes the others away);
   * a grant that already holds exactly these is left as it is.
   */
  private void grant(Authorization existing, String group, Resource resource, String resourceId,
      Permission... permissions) {
    int wanted = Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (x, y) -> x | y);
    if (existing instanceof org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity e
        && e.getPermissions() == wanted) {
      return;
    }
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    a.setPermissions(permissions);
    authorizations.saveAuthorization(a);
  }

  /** The resource types this class manages; others (e.g. the per-task grants the engine makes) are left alone. */
  private static final Set<Integer> MANAGED = Set.of(Resources.APPLICATION.resourceType(),
      Resources.FILTER.resourceType(), Resources.PROCESS_DEFINITION.resourceType(),
      Resources.PROCESS_INSTANCE.resourceType(), Resources.DECISION_DEFINITION.resourceType(),
      Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType(), Resources.DEPLOYMENT.resourceType());

  /**
   * Removes grants to our groups that the code no longer gives (e.g. an earlier version's), so the
   * database matches the matrix after an upgrade. Only the resource types above and only our
   * groups: grants to other groups and users, and the engine's per-task grants, are left alone.
   */
  private void revokeOutdated(Grants grants) {
    for (String g : GROUP_NAMES.keySet()) {
      for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(g).list()) {
        if (a.getAuthorizationType() == AUTH_TYPE_GRANT && MANAGED.contains(a.getResourceType())
            && !grants.has(g, a.getResourceType(), a.getResourceId())) {
          authorizations.deleteAuthorization(a.getId());
        }
      }
    }
  }

  /** Creates the filter, or brings an existing one in line with the code (query and properties). */
  private void filter(String name, int priority, TaskQuery query) {
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    if (f == null) {
      f = filters.newTaskFilter(name);
      f.setOwner("admin");
    }
    f.setQuery(query);
    // the task list shows the tracking number and the summary of each task's case
    f.setProperties(Map.of("priority", priority, "description", name, "refresh", true,
        "showUndefinedVariable", false,
        "variables", List.of(Map.of("name", "trackingNumber", "label", "受付番号"),
            Map.of("name", "summary", "label", "概要"))));
    filters.saveFilter(f);
  }
}
