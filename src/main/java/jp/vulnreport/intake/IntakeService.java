package jp.vulnreport.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.NewCase;
import jp.vulnreport.cases.ReporterData;
import jp.vulnreport.cases.TrackingNumbers;
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

  public enum Channel { API, STAFF }

  /** A case registered from a report; {@code statusToken} is the only copy of the secret. */
  public record Registered(String trackingNumber, String reporterId, String statusToken) {}

  private final ReportValidator validator;
  private final CaseRegister register;
  private final TrackingNumbers trackingNumbers;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;
  private final AppProperties properties;

  public IntakeService(ReportValidator validator, CaseRegister register, TrackingNumbers trackingNumbers,
      RuntimeService runtimeService, ObjectMapper objectMapper, AppProperties properties) {
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
    Registered r = register(report, Channel.API, CaseRegister.SYSTEM);
    Map<String, Object> variables = ReportVariables.of(report, r.trackingNumber(), r.reporterId());
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(
        ProcessKeys.SOFTWARE_VULNERABILITY_REPORT, r.trackingNumber(), variables);
    register.linkProcessInstance(r.trackingNumber(), pi.getId());
    return new IntakeReceipt(r.trackingNumber(), r.statusToken());
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
        rep.phone(), rep.shareContactWithDeveloper(), creditWanted,
        creditWanted ? rep.credit().displayName() : null));
    String token = StatusTokens.newToken();
    register.create(new NewCase(trackingNumber, report.category().name(), channel.name(), reporterId,
        StatusTokens.hash(token),
        report.product() == null ? null : report.product().developer(),
        report.product() == null ? null : report.product().name(),
        report.website() == null ? null : report.website().url(),
        report.vulnerability().summary(), reportJsonWithoutReporter(report)));
    if (!CaseRegister.SYSTEM.equals(actor)) {
      register.event(trackingNumber, actor, "REGISTERED_BY_STAFF", null);
    }
    return new Registered(trackingNumber, reporterId, token);
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
