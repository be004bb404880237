package jp.vulnreport.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${governmentTracks.othersRunning(execution)}}: another GovernmentNotification process of
 * the same case is already running (e.g. started by exploitation information before verification
 * ended); the case is judged there, not twice.
 */
@Component("governmentTracks")
public class GovernmentTracks {

  @jp.vulnreport.ProcessExpression
  public boolean othersRunning(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.GOVERNMENT_NOTIFICATION)
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
        .anyMatch(pi -> !pi.getId().equals(execution.getProcessInstanceId()));
  }
}
