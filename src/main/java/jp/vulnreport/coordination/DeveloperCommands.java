package jp.vulnreport.coordination;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.notification.MailAddresses;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a product developer does through its private link (or a coordinator enters for it):
 * name a contact point, then report its status, fix, proposed publication date and statement.
 * Delivered by message to the developer's own DeveloperCoordination instance; a developer on
 * the unreachable list that answers leaves it there and coordination resumes.
 */
@Service
public class DeveloperCommands {

  public static final String MSG_CONTACT_NAMED = "Msg_DeveloperContactNamed";
  public static final String MSG_RESPONSE = "Msg_DeveloperResponse";
  /** An update after the developer's part ended (a fix released, a new statement), until publication. */
  public static final String MSG_UPDATE = "Msg_DeveloperUpdate";
  public static final String PROCESS = "DeveloperCoordination";

  /** What the developer's coordination waits for now. */
  public enum Waiting { CONTACT_POINT, RESPONSE, UPDATE, NOTHING }

  private final RuntimeService runtime;
  private final Coordinations coordinations;
  private final CaseRegister register;
  private final MailService mail;
  private final GovernmentCommands government;
  private final ZoneId zone;

  private final VendorNoticeMails vendorNotice;

  public DeveloperCommands(RuntimeService runtime, Coordinations coordinations, CaseRegister register,
      MailService mail, GovernmentCommands government, AppProperties properties, VendorNoticeMails vendorNotice) {
    this.vendorNotice = vendorNotice;
    this.runtime = runtime;
    this.coordinations = coordinations;
    this.register = register;
    this.mail = mail;
    this.government = government;
    this.zone = properties.timeZone();
  }

  public Waiting waiting(String trackingNumber, String developerId) {
    var c = coordinations.find(trackingNumber, developerId);
    if (c.isEmpty()) {
      return Waiting.NOTHING;
    }
    if (c.get().stage() == Coordinations.Stage.CONTACT_POINT && subscribed(trackingNumber, developerId, MSG_CONTACT_NAMED)) {
      return Waiting.CONTACT_POINT;
    }
    if (c.get().stage() == Coordinations.Stage.RESPONSE && subscribed(trackingNumber, developerId, MSG_RESPONSE)) {
      return Waiting.RESPONSE;
    }
    boolean answered = c.get().outcome() == Coordinations.Outcome.READY
        || c.get().outcome() == Coordinations.Outcome.NOT_AFFECTED;
    if (answered && runtime.createExecutionQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(trackingNumber).messageEventSubscriptionName(MSG_UPDATE).count() > 0) {
      return Waiting.UPDATE;
    }
    return Waiting.NOTHING;
  }

  /** The developer names its contact point; the details go there. */
  @Transactional
  public void nameContactPoint(String trackingNumber, String developerId, String name, String email, String actor) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name");
    }
    if (!MailAddresses.valid(email)) {
      throw new IllegalArgumentException("email");
    }
    if (waiting(trackingNumber, developerId) != Waiting.CONTACT_POINT) {
      throw new CaseConflictException("no contact point is awaited from " + developerId + " for " + trackingNumber);
    }
    coordinations.contactPoint(trackingNumber, developerId, name.strip(), email.strip(), actor);
    correlate(trackingNumber, developerId, MSG_CONTACT_NAMED, Map.of());
    // identified after the Cabinet Office notice: the government track tells it now
    vendorNotice.contactPointNamed(trackingNumber, developerId);
  }

  /**
   * The developer's status, fix, proposed publication date and statement. A question for the
   * discoverer is passed on only if the discoverer consented to contact with the developer.
   */
  @Transactional
  public void respond(String trackingNumber, String developerId, Coordinations.Response r, String actor) {
    validate(r);
    Waiting waiting = waiting(trackingNumber, developerId);
    if (waiting != Waiting.RESPONSE && waiting != Waiting.UPDATE) {
      throw new CaseConflictException("no response is awaited from " + developerId + " for " + trackingNumber);
    }
    Coordinations.Coordination before = coordinations.get(trackingNumber, developerId);
    coordinations.response(trackingNumber, developerId, clean(r), actor);
    Map<String, Object> v = new HashMap<>();
    v.put("developerStatus", r.status().name());
    v.put("developerReady", r.ready());
    // passed on by the process (a job of its own, retried), not in the developer's request
    v.put("forwardQuestionId", null);
    if (r.questionForDiscoverer() != null && !r.questionForDiscoverer().isBlank()) {
      boolean consent = register.reporter(register.get(trackingNumber).reporterId())
          .map(p -> p.shareContactWithDeveloper()).orElse(false);
      long id = coordinations.question(trackingNumber, developerId, r.questionForDiscoverer().strip(), consent);
      if (consent) {
        v.put("forwardQuestionId", id);
      }
    }
    v.put("fixBecameAvailable", r.fixAvailability() == Coordinations.FixAvailability.AVAILABLE
        && before.fixAvailability() != Coordinations.FixAvailability.AVAILABLE);
    if (waiting == Waiting.UPDATE) {
      // the developer's part has ended: the case's coordination takes the update (until publication)
      coordinations.outcome(trackingNumber, developerId, r.status() == Coordinations.Status.NOT_AFFECTED
          ? Coordinations.Outcome.NOT_AFFECTED : Coordinations.Outcome.READY);
      v.put("developerId", developerId);
      runtime.createMessageCorrelation(MSG_UPDATE).processInstanceBusinessKey(trackingNumber).setVariablesLocal(v)
          .correlateWithResult();
      return;
    }
    correlate(trackingNumber, developerId, MSG_RESPONSE, v);
  }

  /**
   * After a response (in the process's own job): a question the discoverer may receive goes to the
   * discoverer; a fix that became available goes to the Cabinet Office when a notice is out.
   */
  @Transactional
  public void forward(String trackingNumber, String developerId, Long questionId, boolean fixBecameAvailable) {
    if (questionId != null) {
      String question = coordinations.questionText(questionId);
      mail.send("developer-question:" + questionId, trackingNumber, "developer-question", Recipient.DISCOVERER, null,
          Map.of("question", question), List.of());
    }
    if (fixBecameAvailable) {
      Coordinations.Coordination c = coordinations.get(trackingNumber, developerId);
      government.inform(trackingNumber, "fix-available:" + developerId,
          "製品開発者が修正版を提供しました / the developer has released a fix"
              + (c.fixedVersions() == null ? "" : ": " + c.fixedVersions()), false);
    }
  }

  private void validate(Coordinations.Response r) {
    if (r == null || r.status() == null) {
      throw new IllegalArgumentException("status");
    }
    if (r.status() == Coordinations.Status.AFFECTED && r.fixAvailability() == null) {
      throw new IllegalArgumentException("fixAvailability");
    }
    if (r.proposedPublicationDate() != null && r.proposedPublicationDate().isBefore(today())) {
      throw new IllegalArgumentException("proposedPublicationDate");
    }
    if (r.statement() == null || r.statement().isBlank() || r.statement().length() > 10000) {
      throw new IllegalArgumentException("statement");
    }
    for (String s : new String[] {r.fixedVersions(), r.countermeasure(), r.questionForDiscoverer()}) {
      if (s != null && s.length() > 4000) {
        throw new IllegalArgumentException("text");
      }
    }
  }

  private LocalDate today() {
    return register.now().atZoneSameInstant(zone).toLocalDate();
  }

  private static Coordinations.Response clean(Coordinations.Response r) {
    return new Coordinations.Response(r.status(), r.status() == Coordinations.Status.AFFECTED ? r.fixAvailability() : null,
        blankToNull(r.fixedVersions()), blankToNull(r.countermeasure()), r.proposedPublicationDate(),
        r.statement().strip(), blankToNull(r.questionForDiscoverer()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void correlate(String trackingNumber, String developerId, String message, Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(trackingNumber)
          .processInstanceVariableEquals("developerId", developerId).setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new CaseConflictException("the coordination with " + developerId + " for " + trackingNumber
          + " is not waiting for this");
    }
  }

  private boolean subscribed(String trackingNumber, String developerId, String message) {
    return runtime.createExecutionQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(trackingNumber)
        .processVariableValueEquals("developerId", developerId).messageEventSubscriptionName(message).count() > 0;
  }
}
