package jp.vulnreport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Finds the deployed Camunda Form of a task or of a process's start event and turns it into a
 * {@link FormContract}. Reads as the application: whether the caller may work the task or start the
 * process is the engine's own check, afterwards.
 */
@Component
public class FormContracts {

  /** A task or process definition to check against, with its form's contract. */
  public record TaskForm(Task task, FormContract contract) {}

  /** A process definition that can be started, with its start form's contract (none: no start form). */
  public record StartForm(ProcessDefinition definition, FormContract contract, boolean hasForm) {}

  private final FormService forms;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ObjectMapper json;

  public FormContracts(FormService forms, TaskService tasks, RepositoryService repository, IdentityService identity,
      ObjectMapper json) {
    this.forms = forms;
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.json = json;
  }

  /**
   * The task and its form's contract; empty when the caller cannot see such a task (the engine
   * answers 404 or 403 then, and the form's fields are not revealed).
   */
  public Optional<TaskForm> forTask(String taskId, String user, java.util.List<String> groups) {
    if (!visible(taskId, user, groups)) {
      return Optional.empty();
    }
    return AsSystem.call(identity, () -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return Optional.<TaskForm>empty();
      }
      return Optional.of(new TaskForm(task, read(() -> forms.getDeployedTaskForm(taskId))));
    });
  }

  private boolean visible(String taskId, String user, java.util.List<String> groups) {
    var caller = identity.getCurrentAuthentication();
    identity.setAuthentication(user, groups);
    try {
      return tasks.createTaskQuery().taskId(taskId).count() > 0;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  /** The current value of a task's variable (what its form shows). */
  public Object currentValue(String taskId, String name) {
    return AsSystem.call(identity, () -> tasks.getVariable(taskId, name));
  }

  /** The definition (latest version for a key) and its start form; empty when there is no such definition. */
  public Optional<StartForm> forStart(String idOrKey, boolean byKey) {
    return AsSystem.call(identity, () -> {
      ProcessDefinition d = byKey
          ? repository.createProcessDefinitionQuery().processDefinitionKey(idOrKey).latestVersion().withoutTenantId()
              .singleResult()
          : repository.createProcessDefinitionQuery().processDefinitionId(idOrKey).singleResult();
      if (d == null) {
        return Optional.<StartForm>empty();
      }
      FormContract c = read(() -> forms.getDeployedStartForm(d.getId()));
      return Optional.of(new StartForm(d, c, c.formId() != null || !c.fields().isEmpty()));
    });
  }

  private interface FormSource {
    InputStream open();
  }

  /** The form's contract, or {@link FormContract#none()} when the task or start event has no deployed form. */
  private FormContract read(FormSource source) {
    try (InputStream in = source.open()) {
      if (in == null) {
        return FormContract.none();
      }
      JsonNode form = json.readTree(in);
      return FormContract.of(form);
    } catch (ProcessEngineException noForm) {
      return FormContract.none();
    } catch (IOException e) {
      throw new IllegalStateException("the deployed form cannot be read", e);
    }
  }

}
