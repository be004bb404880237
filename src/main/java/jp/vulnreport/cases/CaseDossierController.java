package jp.vulnreport.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.security.AsSystem;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API behind the Tasklist 案件 tab, the case list and the Cockpit deadline board
 * (HTTP Basic or the webapps' session, see {@link StaffApiAuthenticationFilter}): the case list,
 * one case's dossier in the sections the caller's groups may see, the case of a task, and the
 * open deadlines across cases.
 */
@RestController
public class CaseDossierController {

  private static final String[] CASE_READERS = {Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION, Groups.LIAISON,
      Groups.MANAGER};

  private final CaseDossier dossier;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final WaitingDeadlines waitingDeadlines;
  private final IdentityService identity;

  public CaseDossierController(CaseDossier dossier, TaskService tasks, RuntimeService runtime,
      WaitingDeadlines waitingDeadlines, IdentityService identity) {
    this.dossier = dossier;
    this.tasks = tasks;
    this.runtime = runtime;
    this.waitingDeadlines = waitingDeadlines;
    this.identity = identity;
  }

  /** The case list: search, open/closed or a state, period of receipt, paged (page from 1, size up to 100). */
  @GetMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseDossier.Page search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String state, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, CASE_READERS);
    if (page < 1 || size < 1 || size > 100) {
      throw new IllegalArgumentException("page must be 1 or more and size between 1 and 100");
    }
    return dossier.search(q, state, from, to, page, size);
  }

  /** One case's dossier: the sections the caller's groups may see, the others absent. */
  @GetMapping(path = "/api/cases/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> dossier(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, CASE_READERS);
    return dossier.dossier(trackingNumber, groups(request));
  }

  /**
   * The case of a Tasklist task the caller can see (the engine's authorizations decide): its
   * tracking number, the business key of the task's process.
   */
  @GetMapping(path = "/api/cases/for-task/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, String> forTask(@PathVariable String taskId, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, CASE_READERS);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult(); // as the caller
    if (task == null || task.getProcessInstanceId() == null) {
      throw new CaseNotFoundException("task " + taskId);
    }
    // the caller may see the task; its process instance (e.g. a government notice) is read as the application
    String key = AsSystem.call(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    return Map.of("trackingNumber", dossier.exists(key).orElseThrow(() -> new CaseNotFoundException(key)));
  }

  /** The deadline board: every open deadline across open cases, most urgent first, and cases by state. */
  @GetMapping(path = "/api/deadlines/open", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> openDeadlines(HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.MANAGER, Groups.PROCESS_OWNER);
    java.util.Set<String> waiting = AsSystem.call(identity, () -> waitingDeadlines.of(dossier.openTrackingNumbers()));
    return dossier.openDeadlines(waiting);
  }

  @SuppressWarnings("unchecked")
  private static List<String> groups(HttpServletRequest request) {
    Object g = request.getAttribute(StaffApiAuthenticationFilter.GROUPS_ATTRIBUTE);
    return g == null ? List.of() : (List<String>) g;
  }
}
