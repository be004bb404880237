package jp.vulnreport.cases;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Delivers a message to the case's waiting process, or answers 409 when nothing waits for it. */
@Component
public class CaseMessages {

  private final RuntimeService runtime;

  public CaseMessages(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public void correlate(String trackingNumber, String message, Map<String, Object> variables, String conflict) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(trackingNumber)
          .setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new CaseConflictException(conflict);
    }
  }
}
