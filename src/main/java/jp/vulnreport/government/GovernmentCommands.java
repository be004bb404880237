package jp.vulnreport.government;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import jp.vulnreport.security.AsSystem;
import java.util.Map;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.process.ProcessKeys;
import jp.vulnreport.verification.CvssService;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseMessages;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.IdentityService;
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
  private final CvssService cvss;

  private final IdentityService identity;
  private final MailService mail;
  private final CaseMessages messages;
  private final CriteriaFacts criteriaFacts;

  public GovernmentCommands(CaseMessages messages, RuntimeService runtime, GovernmentNotices notices, CaseRegister register, CvssService cvss,
      IdentityService identity, MailService mail, CriteriaFacts criteriaFacts) {
    this.criteriaFacts = criteriaFacts;
    this.mail = mail;
    this.identity = identity;
    this.messages = messages;
    this.cvss = cvss;
    this.runtime = runtime;
    this.notices = notices;
    this.register = register;
  }

  /** The Cabinet Office confirmed receipt of the notice. */
  @Transactional
  public void acknowledged(String trackingNumber) {
    register.get(trackingNumber);
    messages.correlate(trackingNumber, MSG_ACKNOWLEDGED, Map.of(), "no notice of " + trackingNumber + " awaits acknowledgement");
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
    messages.correlate(trackingNumber, closing ? MSG_CLOSED : MSG_UPDATE,
        closing ? Map.of("closingUpdateText", text.strip()) : Map.of("updateText", text.strip(), "updateRound", round),
        "the Cabinet Office notice of " + trackingNumber + " is not waiting for updates (not yet sent or acknowledged?)");
    notices.updateSent(trackingNumber, (closing ? "closing: " : "") + text.strip());
  }

  /**
   * Tells the Cabinet Office of a change of the case when a notice is out: through the track when
   * it was acknowledged (the track waits for updates), directly by mail when it was sent but not yet
   * acknowledged or the track is busy. A closing update needs the track itself (it ends it): while the
   * track is busy it is refused (CaseConflictException) so that the calling job is retried. Returns
   * UPDATE_SENT; NO_NOTICE without a notice; NOT_WAITING when the track has ended. {@code key}
   * makes the direct mail idempotent.
   */
  @Transactional
  public String inform(String trackingNumber, String key, String text, boolean closing) {
    Optional<GovernmentNotification> notice = notices.find(trackingNumber);
    if (notice.isEmpty()) {
      return "NO_NOTICE";
    }
    boolean waiting = AsSystem.call(identity, () -> runtime.createExecutionQuery()
        .processDefinitionKey(ProcessKeys.GOVERNMENT_NOTIFICATION).processInstanceBusinessKey(trackingNumber)
        .messageEventSubscriptionName(closing ? MSG_CLOSED : MSG_UPDATE).count() > 0);
    boolean acknowledged = "ACKNOWLEDGED".equals(notice.get().status());
    if (acknowledged && waiting) {
      update(trackingNumber, text, closing);
      return "UPDATE_SENT";
    }
    boolean running = acknowledged && trackRunning(trackingNumber);
    if (running && closing) {
      // the track is busy (sending an earlier update): the caller's job is retried until it waits again
      throw new CaseConflictException("the government-notification track of " + trackingNumber
          + " is not waiting for its closing update yet");
    }
    if ("NOTIFIED".equals(notice.get().status()) || running) {
      // sent but not yet acknowledged, or busy with an earlier update: this update goes out now, directly
      informDirectly(trackingNumber, key, text, closing);
      return "UPDATE_SENT";
    }
    return "NOT_WAITING";
  }

  /**
   * Mails an update to the Cabinet Office directly, whatever the track does (sent but not yet
   * acknowledged, busy, or ended: a zero-day request granted after the case closed still has to
   * reach it). {@code key} makes the mail idempotent.
   */
  @Transactional
  public void informDirectly(String trackingNumber, String key, String text, boolean closing) {
    mail.send("government-inform:" + trackingNumber + ":" + key, trackingNumber, "government-update",
        Recipient.CABINET_OFFICE, null, Map.of("update", text), List.of());
    notices.updateSent(trackingNumber, (closing ? "closing: " : "") + text);
  }

  /**
   * Re-evaluation (再評価) of a case whose facts changed: starts the government-notification process
   * again. A case judged not notifiable is recognised anew; one already notified gets an update. The
   * criteria's facts come from the register (the case, its recorded criteria facts), not from the
   * case's processes, which may have ended.
   */
  @Transactional
  public String reevaluate(String trackingNumber) {
    return reevaluate(trackingNumber, Map.of());
  }

  /**
   * {@link #reevaluate(String)} with further facts for the track's variables (exploitation
   * information: the priority its tasks get).
   */
  @Transactional
  public String reevaluate(String trackingNumber, Map<String, Object> facts) {
    CaseRecord c = register.get(trackingNumber);
    if (trackRunning(trackingNumber)) {
      throw new CaseConflictException("the government-notification track of " + trackingNumber + " is running");
    }
    Map<String, Object> v = new HashMap<>();
    v.put("trackingNumber", trackingNumber);
    v.put("governmentTrigger", "REEVALUATION");
    v.put("category", c.category());
    v.put("summary", c.summary());
    v.put("productDeveloper", c.productDeveloper());
    v.put("productName", c.productName());
    v.put("exploitationStatus", c.exploitationStatus());
    v.put("nonAcceptanceReason", c.nonAcceptanceReason() == null ? null : c.nonAcceptanceReason().name());
    if (c.cvssVector() != null) {
      v.put("cvssVector", c.cvssVector());
      v.put("cvssSeverity", cvss.evaluate(c.cvssVector()).severity());
    }
    // the criteria's other facts as recorded when they were set (verification, website facts,
    // developers identified): the case's processes that held them may have ended
    v.putAll(criteriaFacts.variables(trackingNumber));
    facts.forEach((k, value) -> {
      if (value != null) {
        v.put(k, value);
      }
    });
    v.values().removeIf(java.util.Objects::isNull);
    register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_REEVALUATION", null);
    return AsSystem.call(identity,
        () -> runtime.startProcessInstanceByKey(ProcessKeys.GOVERNMENT_NOTIFICATION, trackingNumber, v).getId());
  }

  /** Whether the case's track runs, whatever the caller may see (queries are filtered by authorization). */
  private boolean trackRunning(String trackingNumber) {
    var auth = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.GOVERNMENT_NOTIFICATION)
          .processInstanceBusinessKey(trackingNumber).count() > 0;
    } finally {
      if (auth != null) {
        identity.setAuthentication(auth);
      }
    }
  }
}
