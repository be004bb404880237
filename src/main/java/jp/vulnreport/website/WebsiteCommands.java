package jp.vulnreport.website;

import java.util.Map;
import jp.vulnreport.cases.CaseMessages;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.notification.MailAddresses;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a website's operator does through the private link, delivered to the case's website process. */
@Service
public class WebsiteCommands {

  /** What the website process is waiting for from the operator. */
  public enum Waiting { CONTACT_POINT, RESPONSE, NOTHING }

  /** The operator's answer to the details: the fix is done, or the report is disputed. */
  public enum ResponseType { FIXED, DISPUTED }

  public static final String MSG_CONTACT_NAMED = "Msg_OperatorContactNamed";
  public static final String MSG_RESPONSE = "Msg_OperatorResponse";

  private final RuntimeService runtime;
  private final CaseMessages messages;
  private final CaseRegister register;

  public WebsiteCommands(RuntimeService runtime, CaseMessages messages, CaseRegister register) {
    this.runtime = runtime;
    this.messages = messages;
    this.register = register;
  }

  public Waiting waiting(String trackingNumber) {
    if (subscribed(trackingNumber, MSG_CONTACT_NAMED)) {
      return Waiting.CONTACT_POINT;
    }
    return subscribed(trackingNumber, MSG_RESPONSE) ? Waiting.RESPONSE : Waiting.NOTHING;
  }

  /** The operator names its contact point (stage 2); the details go there (stage 3). */
  @Transactional
  public void nameContactPoint(String trackingNumber, String name, String email) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name");
    }
    if (!MailAddresses.valid(email)) {
      throw new IllegalArgumentException("email");
    }
    register.event(trackingNumber, "operator", "OPERATOR_CONTACT_NAMED", name.strip());
    messages.correlate(trackingNumber, MSG_CONTACT_NAMED, Map.of("operatorContactPointName", name.strip(),
        "operatorContactPointEmail", email.strip()), "No contact point is awaited for " + trackingNumber + ".");
  }

  /** The operator reports the fix (修正完了報告) or disputes the report. */
  @Transactional
  public void respond(String trackingNumber, ResponseType type, String text) {
    if (type == null) {
      throw new IllegalArgumentException("type");
    }
    if (text == null || text.isBlank() || text.length() > 10000) {
      throw new IllegalArgumentException("text");
    }
    register.event(trackingNumber, "operator", "OPERATOR_RESPONSE", type.name());
    messages.correlate(trackingNumber, MSG_RESPONSE, Map.of("operatorResponseType", type.name(),
        "operatorResponseText", text.strip()), "No report is awaited for " + trackingNumber + ".");
  }

  private boolean subscribed(String trackingNumber, String message) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(trackingNumber)
        .messageEventSubscriptionName(message).count() > 0;
  }
}
