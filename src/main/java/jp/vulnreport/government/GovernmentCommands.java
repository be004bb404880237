package jp.vulnreport.government;

import java.util.Map;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Events from outside that reach a case's government-notification process by message. */
@Service
public class GovernmentCommands {

  public static final String MSG_ACKNOWLEDGED = "Msg_GovernmentAcknowledged";
  public static final String MSG_UPDATE = "Msg_GovernmentUpdate";
  public static final String MSG_CLOSED = "Msg_GovernmentCaseClosed";

  private final RuntimeService runtime;
  private final GovernmentNotices notices;
  private final CaseRegister register;

  public GovernmentCommands(RuntimeService runtime, GovernmentNotices notices, CaseRegister register) {
    this.runtime = runtime;
    this.notices = notices;
    this.register = register;
  }

  /** The Cabinet Office confirmed receipt of the notice. */
  @Transactional
  public void acknowledged(String trackingNumber) {
    register.get(trackingNumber);
    correlate(trackingNumber, MSG_ACKNOWLEDGED, Map.of(), "no notice of " + trackingNumber + " awaits acknowledgement");
  }

  /**
   * The case changed (fix available, published, closed ...): a follow-up update goes to the Cabinet
   * Office; with {@code closing} it is the last one and the track ends.
   */
  @Transactional
  public void update(String trackingNumber, String text, boolean closing) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the update text must not be empty");
    }
    register.get(trackingNumber);
    int round = notices.find(trackingNumber).map(GovernmentNotification::updatesSent).orElse(0) + 1;
    correlate(trackingNumber, closing ? MSG_CLOSED : MSG_UPDATE,
        Map.of("updateText", text.strip(), "updateRound", round),
        "the Cabinet Office notice of " + trackingNumber + " is not waiting for updates (not yet sent or acknowledged?)");
    notices.updateSent(trackingNumber, (closing ? "closing: " : "") + text.strip());
  }

  private void correlate(String trackingNumber, String message, Map<String, Object> variables, String conflict) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(trackingNumber)
          .setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new CaseConflictException(conflict);
    }
  }
}
