package jp.vulnreport.cases;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Which deadlines of the policy a case's processes are waiting on now: a user task whose due date,
 * or a timer whose time, is {@code deadlines.due(execution, 'KIND')} (or {@code recorded}) in its
 * diagram. The deadline board shows a stage's deadline while the stage waits, and no longer; the
 * kind is read from the diagram, so two deadlines that happen to fall due at the same time are not
 * confused. Callers run it as the application (it reads every open case).
 */
@Component
public class WaitingDeadlines {

  private static final Pattern KIND = Pattern.compile("deadlines\\.(?:due|recorded)\\(\\s*execution\\s*,\\s*'([A-Z_]+)'");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  /** definition id + element id → the deadline kind its expression names (empty: none). */
  private final Map<String, Optional<String>> kinds = new ConcurrentHashMap<>();
  private final Map<String, String> timerActivities = new ConcurrentHashMap<>();

  public WaitingDeadlines(RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
  }

  /** "trackingNumber|KIND" for every deadline kind a case of {@code trackingNumbers} waits on. */
  public Set<String> of(Collection<String> trackingNumbers) {
    Set<String> waiting = new HashSet<>();
    for (String tn : trackingNumbers) {
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).list()) {
        tasks.createTaskQuery().processInstanceId(pi.getId()).list().forEach(t ->
            kind(t.getProcessDefinitionId(), t.getTaskDefinitionKey()).ifPresent(k -> waiting.add(tn + "|" + k)));
        management.createJobQuery().processInstanceId(pi.getId()).timers().list().forEach(j -> {
          String activity = timerActivities.computeIfAbsent(j.getJobDefinitionId(), id -> {
            JobDefinition d = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            return d == null || d.getActivityId() == null ? "" : d.getActivityId();
          });
          kind(j.getProcessDefinitionId(), activity).ifPresent(k -> waiting.add(tn + "|" + k));
        });
      }
    }
    return waiting;
  }

  private Optional<String> kind(String definitionId, String elementId) {
    if (definitionId == null || elementId == null || elementId.isEmpty()) {
      return Optional.empty();
    }
    return kinds.computeIfAbsent(definitionId + "/" + elementId, k -> {
      ModelElementInstance element = repository.getBpmnModelInstance(definitionId).getModelElementById(elementId);
      String expression = null;
      if (element instanceof UserTask task) {
        expression = task.getCamundaDueDate();
      } else if (element != null) {
        for (TimerEventDefinition timer : element.getChildElementsByType(TimerEventDefinition.class)) {
          expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
              : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
              : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : null;
        }
      }
      Matcher m = expression == null ? null : KIND.matcher(expression);
      return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    });
  }
}
