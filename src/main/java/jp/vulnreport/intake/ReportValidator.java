package jp.vulnreport.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.AppProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Field rules (Bean Validation on {@link ReportSubmission}), the rules that span fields, plausible
 * dates, and which characters texts may hold ({@link TextRules}). The API, the report page and the
 * staff start form all go through here.
 */
@Component
public class ReportValidator {

  /** No date of a report lies before this day. */
  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

  /** A planned disclosure may lie in the future, but not beyond this from today. */
  static final java.time.Period DISCLOSURE_HORIZON = java.time.Period.ofYears(10);

  /** The longest answer to a question (VR_CLARIFICATION.answer). */
  public static final int MAX_REPLY = 20000;

  /** Text fields that may have several lines (text areas on the page); others must be one line. */
  static final Set<String> MULTI_LINE = Set.of("vulnerability.details", "vulnerability.reproduction",
      "vulnerability.environment", "vulnerability.impact", "vulnerability.workaround", "vulnerability.exploitationEvidence", "requests");

  private final Validator validator;
  private final MessageSource messages;
  private final AppProperties properties;

  public ReportValidator(Validator validator, MessageSource messages, AppProperties properties) {
    this.validator = validator;
    this.messages = messages;
    this.properties = properties;
  }

  /** Throws {@link ReportValidationException} listing every invalid field. */
  public void validate(ReportSubmission report) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<ReportSubmission> v : validator.validate(report)) {
      if (report.category() == ReportCategory.DEVELOPER_SELF_REPORT
          && "reporter.shareContactWithDeveloper".equals(v.getPropertyPath().toString())) {
        continue; // a developer's own report: the reporter is the developer's contact, nothing to share
      }
      errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    if (report.category() == ReportCategory.DEVELOPER_SELF_REPORT) {
      selfReport(report, errors);
    }
    if (report.category() == ReportCategory.SOFTWARE_PRODUCT && report.product() == null) {
      errors.add(error("product", "vulnreport.product.required"));
    }
    if (report.category() == ReportCategory.WEBSITE && report.website() == null) {
      errors.add(error("website", "vulnreport.website.required"));
    }
    if (report.reporter() != null && report.reporter().credit() != null
        && Boolean.TRUE.equals(report.reporter().credit().wanted())
        && isBlank(report.reporter().credit().displayName())) {
      errors.add(error("reporter.credit.displayName", "vulnreport.credit.displayName.required"));
    }
    if (report.vulnerability() != null) {
      var v = report.vulnerability();
      ReportedExploitation e = v.exploitationOrNone();
      if (e == ReportedExploitation.OBSERVED && isBlank(v.exploitationEvidence())) {
        // what was seen, where and when: without it the analyst cannot weigh the report
        errors.add(error("vulnerability.exploitationEvidence", "vulnreport.exploitationEvidence.required"));
      }
      if (e == ReportedExploitation.NONE && !isBlank(v.exploitationEvidence())) {
        errors.add(error("vulnerability.exploitation", "vulnreport.exploitation.evidenceWithoutStatus"));
      }
    }
    LocalDate today = LocalDate.now(properties.timeZone());
    if (report.discoveredOn() != null && report.discoveredOn().isAfter(today.plusDays(1))) {
      errors.add(error("discoveredOn", "vulnreport.discoveredOn.future"));
    }
    if (report.discoveredOn() != null && report.discoveredOn().isBefore(EARLIEST)) {
      errors.add(error("discoveredOn", "vulnreport.date.before", EARLIEST));
    }
    LocalDate disclosure = report.disclosurePlan() == null ? null : report.disclosurePlan().date();
    if (disclosure != null && disclosure.isBefore(EARLIEST)) {
      errors.add(error("disclosurePlan.date", "vulnreport.date.before", EARLIEST));
    }
    if (disclosure != null && disclosure.isAfter(today.plus(DISCLOSURE_HORIZON))) {
      errors.add(error("disclosurePlan.date", "vulnreport.date.after", today.plus(DISCLOSURE_HORIZON)));
    }
    texts(report).forEach((field, text) -> {
      TextRules.Problem problem = TextRules.check(text, MULTI_LINE.contains(field));
      if (problem != null) {
        errors.add(error(field, problem.key));
      }
    });
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw new ReportValidationException(errors);
    }
  }

  /**
   * A developer's report about its own product (自社製品届出): the product is required, the reporter
   * block names the developer's organisation and contact; the discoverer-side questions (sharing the
   * contact with the developer, credit as a discoverer, prior contact with the developer) do not
   * apply, and a report that answers them "yes" is refused with a message rather than silently
   * changed (the sender may have chosen the wrong kind of report).
   */
  private void selfReport(ReportSubmission report, List<FieldError> errors) {
    if (report.product() == null) {
      errors.add(error("product", "vulnreport.product.required"));
    }
    var rep = report.reporter();
    if (rep != null && isBlank(rep.organization())) {
      errors.add(error("reporter.organization", "vulnreport.selfReport.organization.required"));
    }
    if (rep != null && Boolean.TRUE.equals(rep.shareContactWithDeveloper())) {
      errors.add(error("reporter.shareContactWithDeveloper", "vulnreport.selfReport.discovererOnly"));
    }
    if (rep != null && rep.credit() != null && Boolean.TRUE.equals(rep.credit().wanted())) {
      errors.add(error("reporter.credit.wanted", "vulnreport.selfReport.discovererOnly"));
    }
    if (report.priorContact() != null && Boolean.TRUE.equals(report.priorContact().developerContacted())) {
      errors.add(error("priorContact.developerContacted", "vulnreport.selfReport.discovererOnly"));
    }
  }

  /**
   * Checks the discoverer's answer to a question like a report's multi-line text: not empty, at most
   * {@link #MAX_REPLY} characters, no forbidden characters. Field {@code field} names it in errors.
   */
  public void validateReply(String field, String answer) {
    FieldError error = replyError(field, answer);
    if (error != null) {
      throw new ReportValidationException(List.of(error));
    }
  }

  /** The error of an answer, or null when it may be taken. */
  public FieldError replyError(String field, String answer) {
    if (answer == null || answer.isBlank()) {
      return error(field, "vulnreport.reply.empty");
    }
    if (answer.strip().length() > MAX_REPLY) {
      return error(field, "vulnreport.reply.long", MAX_REPLY);
    }
    TextRules.Problem problem = TextRules.check(answer, true);
    return problem == null ? null : error(field, problem.key);
  }

  /** Every text field of the report by its path (nulls left out). */
  static Map<String, String> texts(ReportSubmission r) {
    Map<String, String> t = new LinkedHashMap<>();
    if (r.reporter() != null) {
      var rep = r.reporter();
      t.put("reporter.name", rep.name());
      t.put("reporter.organization", rep.organization());
      t.put("reporter.email", rep.email());
      t.put("reporter.phone", rep.phone());
      if (rep.credit() != null) {
        t.put("reporter.credit.displayName", rep.credit().displayName());
      }
    }
    if (r.product() != null) {
      var p = r.product();
      t.put("product.developer", p.developer());
      t.put("product.name", p.name());
      t.put("product.versions", p.versions());
      t.put("product.url", p.url());
      t.put("product.purl", p.purl());
      t.put("product.cpe", p.cpe());
    }
    if (r.website() != null) {
      t.put("website.url", r.website().url());
      t.put("website.siteName", r.website().siteName());
    }
    if (r.vulnerability() != null) {
      var v = r.vulnerability();
      t.put("vulnerability.type", v.type());
      t.put("vulnerability.cwe", v.cwe());
      t.put("vulnerability.summary", v.summary());
      t.put("vulnerability.details", v.details());
      t.put("vulnerability.reproduction", v.reproduction());
      t.put("vulnerability.environment", v.environment());
      t.put("vulnerability.impact", v.impact());
      t.put("vulnerability.workaround", v.workaround());
      t.put("vulnerability.exploitationEvidence", v.exploitationEvidence());
    }
    if (r.priorContact() != null) {
      t.put("priorContact.others", r.priorContact().others());
    }
    if (r.disclosurePlan() != null) {
      t.put("disclosurePlan.venue", r.disclosurePlan().venue());
    }
    t.put("requests", r.requests());
    t.values().removeIf(java.util.Objects::isNull);
    return t;
  }

  private FieldError error(String field, String key, Object... args) {
    return new FieldError(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
