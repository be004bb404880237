package jp.vulnreport.cases;

import java.util.Map;
import jp.vulnreport.security.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Delivers a message to the case's waiting process, or answers 409 when nothing waits for it. The
 * caller's right to do so was checked by the API that calls this (its group check); the engine
 * call runs as the application, so no staff group needs the right to update instances directly
 * (which would also open instance modification and variable writes through /engine-rest).
 */
@Component
public class CaseMessages {

  private final RuntimeService runtime;
  private final IdentityService identity;

  public CaseMessages(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  public void correlate(String trackingNumber, String message, Map<String, Object> variables, String conflict) {
    try {
      AsSystem.call(identity, () -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(trackingNumber)
          .setVariables(variables).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new CaseConflictException(conflict);
    }
  }
}
