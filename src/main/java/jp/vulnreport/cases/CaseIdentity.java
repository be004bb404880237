package jp.vulnreport.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which case a running process belongs to: its business key, the tracking number that intake
 * assigned and the register holds (DESIGN.md §3). Never a process variable: a variable can be
 * written by whoever completes a task or calls the engine's API, the business key cannot.
 */
public final class CaseIdentity {

  private CaseIdentity() {}

  /** The tracking number of the case whose process {@code scope} belongs to. */
  public static String trackingNumber(VariableScope scope) {
    String key = businessKey(scope);
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("the process has no business key: it does not belong to a registered case");
    }
    return key;
  }

  private static String businessKey(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask task) {
      return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    }
    throw new IllegalArgumentException("not an execution or a task: " + scope);
  }
}
