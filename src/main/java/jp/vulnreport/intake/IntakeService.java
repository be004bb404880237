package jp.vulnreport.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.NewCase;
import jp.vulnreport.cases.ReporterData;
import jp.vulnreport.cases.TrackingNumbers;
import jp.vulnreport.exploitation.ExploitationReports;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkProperties;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.process.ProcessKeys;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes reports in. Registration of the case, the personal data and the start of the receipt
 * process happen in one transaction: either all of it is stored or none of it.
 */
@Service
public class IntakeService {

  /** How a report came in: the JSON API, the public report page, or registered by staff. */
  public enum Channel { API, PAGE, STAFF }

  /** A case registered from a report; {@code statusToken} is the only copy of the secret. */
  public record Registered(String trackingNumber, String reporterId, String statusToken) {}

  private final ReportValidator validator;
  private final CaseRegister register;
  private final TrackingNumbers trackingNumbers;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;
  private final AppProperties properties;
  private final PrivateLinks privateLinks;
  private final LinkProperties links;
  private final AttachmentStore attachmentStore;
  private final ExploitationReports exploitation;

  public IntakeService(ReportValidator validator, CaseRegister register, TrackingNumbers trackingNumbers,
      RuntimeService runtimeService, ObjectMapper objectMapper, AppProperties properties, PrivateLinks privateLinks,
      LinkProperties links, AttachmentStore attachmentStore, ExploitationReports exploitation) {
    this.exploitation = exploitation;
    this.privateLinks = privateLinks;
    this.links = links;
    this.attachmentStore = attachmentStore;
    this.validator = validator;
    this.register = register;
    this.trackingNumbers = trackingNumbers;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
    this.properties = properties;
  }

  /** A report from the public API: register it and start its receipt process. */
  @Transactional
  public IntakeReceipt submit(ReportSubmission report) {
    return submit(report, List.of(), Channel.API);
  }

  /**
   * A report from the public API or the report page, with the files staged for it: register it,
   * keep the files, start its receipt process, and hand out the discoverer's private status link.
   */
  @Transactional
  public IntakeReceipt submit(ReportSubmission report, List<AttachmentStore.Staged> attachments, Channel channel) {
    Registered r = register(report, channel, CaseRegister.SYSTEM);
    List<AttachmentStore.StoredAttachment> stored = attachmentStore.attach(r.trackingNumber(), attachments);
    Map<String, Object> variables = ReportVariables.of(report, r.trackingNumber(), r.reporterId());
    if (!stored.isEmpty()) {
      variables.put("attachments", AttachmentStore.summary(stored));
    }
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(
        ProcessKeys.SOFTWARE_VULNERABILITY_REPORT, r.trackingNumber(), variables);
    register.linkProcessInstance(r.trackingNumber(), pi.getId());
    exploitationAtIntake(r.trackingNumber(), report);
    return new IntakeReceipt(r.trackingNumber(), r.statusToken(), links.statusUrl(r.statusToken()));
  }

  /** Validates and registers a report (no process start): the caller runs or starts the process. */
  @Transactional
  public Registered register(ReportSubmission report, Channel channel, String actor) {
    validator.validate(report);
    int year = LocalDate.now(properties.timeZone()).getYear();
    String trackingNumber = trackingNumbers.next(year);
    var rep = report.reporter();
    boolean creditWanted = rep.credit() != null && Boolean.TRUE.equals(rep.credit().wanted());
    String reporterId = register.createReporter(new ReporterData(rep.name(), rep.organization(), rep.email(),
        rep.phone(), Boolean.TRUE.equals(rep.shareContactWithDeveloper()), creditWanted,
        creditWanted ? rep.credit().displayName() : null));
    register.create(new NewCase(trackingNumber, report.category().name(), channel.name(), reporterId,
        report.product() == null ? null : report.product().developer(),
        report.product() == null ? null : report.product().name(),
        report.website() == null ? null : report.website().url(),
        report.vulnerability().summary(), reportJsonWithoutReporter(report)));
    if (!CaseRegister.SYSTEM.equals(actor)) {
      register.event(trackingNumber, actor, "REGISTERED_BY_STAFF", null);
    }
    String token = privateLinks.issue(trackingNumber, LinkAudience.DISCOVERER, reporterId, CaseRegister.SYSTEM).token();
    return new Registered(trackingNumber, reporterId, token);
  }

  /**
   * Exploitation the discoverer reported (OBSERVED, PUBLIC_POC) is recorded as exploitation
   * information right after the case is registered: for OBSERVED the government track starts now.
   */
  public void exploitationAtIntake(String trackingNumber, ReportSubmission report) {
    var v = report.vulnerability();
    exploitation.recordAtIntake(trackingNumber, v.exploitationOrNone().name(), v.exploitationEvidence());
  }

  private String reportJsonWithoutReporter(ReportSubmission r) {
    ReportSubmission withoutPersonalData = new ReportSubmission(r.consent(), r.category(), null, r.product(),
        r.website(), r.vulnerability(), r.discoveredOn(), r.priorContact(), r.disclosurePlan(), r.requests());
    try {
      return objectMapper.writeValueAsString(withoutPersonalData);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
