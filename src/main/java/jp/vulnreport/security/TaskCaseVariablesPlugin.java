package jp.vulnreport.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.vulnreport.process.ProcessKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters show each task's tracking number and summary from the task's variables. The
 * engine shows a process variable only to groups that may read the process instance; the
 * government-notification track's instances are for liaison and managers, so the analysts' 認知
 * task would show neither. This plugin gives every user task of those processes a task-local copy
 * of the two (the tracking number is the business key; the summary is not personal data), which
 * the task's candidate group may read with the task — and nothing else of the instance.
 */
@Component
public class TaskCaseVariablesPlugin extends AbstractProcessEnginePlugin {

  /** Processes whose instances some of their tasks' candidate groups may not read. */
  static final Set<String> PROCESSES = Set.of(ProcessKeys.GOVERNMENT_NOTIFICATION);

  static final TaskListener COPY = TaskCaseVariablesPlugin::copy;

  static void copy(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    if (key != null) {
      task.setVariableLocal("trackingNumber", key);
    }
    Object summary = task.getExecution().getVariable("summary");
    if (summary instanceof String s) {
      task.setVariableLocal("summary", s);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity d && PROCESSES.contains(d.getKey())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          b.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
