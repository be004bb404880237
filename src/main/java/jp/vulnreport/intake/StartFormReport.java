package jp.vulnreport.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the variables of the Tasklist start form (a report received by mail) into a report. */
public final class StartFormReport {

  private StartFormReport() {}

  public static ReportSubmission from(Map<String, Object> v) {
    List<FieldError> errors = new ArrayList<>();
    ReportCategory category = null;
    String cat = str(v, "category");
    if (cat != null) {
      try {
        category = ReportCategory.valueOf(cat);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("category", "unknown category " + cat));
      }
    }
    LocalDate discoveredOn = date(v, "discoveredOn", errors);
    LocalDate disclosureDate = date(v, "disclosureDate", errors);
    ReportedExploitation exploitation = null;
    String exp = str(v, "exploitation");
    if (exp != null) {
      try {
        exploitation = ReportedExploitation.valueOf(exp);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("exploitation", "悪用の状況は NONE, PUBLIC_POC, OBSERVED のいずれかです"
            + " / must be NONE, PUBLIC_POC or OBSERVED: " + exp));
      }
    }
    if (!errors.isEmpty()) {
      throw new ReportValidationException(errors);
    }
    boolean creditWanted = bool(v, "creditWanted");
    // a developer's own report: the form hides the discoverer-side fields; what it may still carry is checked
    boolean self = category == ReportCategory.DEVELOPER_SELF_REPORT;
    var reporter = new ReportSubmission.Reporter(str(v, "reporterName"), str(v, "reporterOrganization"),
        str(v, "reporterEmail"), str(v, "reporterPhone"), bool(v, "shareContactWithDeveloper"),
        self && !creditWanted ? null : new ReportSubmission.Credit(creditWanted, str(v, "creditDisplayName")));
    ReportSubmission.Product product = category != null && category.product()
        ? new ReportSubmission.Product(str(v, "productDeveloper"), str(v, "productName"), str(v, "productVersions"),
            str(v, "productUrl"), str(v, "purl"), str(v, "cpe"))
        : null;
    ReportSubmission.Website website = category == ReportCategory.WEBSITE
        ? new ReportSubmission.Website(str(v, "websiteUrl"), str(v, "siteName"))
        : null;
    var vulnerability = new ReportSubmission.Vulnerability(str(v, "vulnType"), str(v, "cwe"), str(v, "summary"),
        str(v, "details"), str(v, "reproduction"), str(v, "environment"), str(v, "impact"), str(v, "workaround"),
        exploitation, str(v, "exploitationEvidence"));
    return new ReportSubmission(bool(v, "consent"), category, reporter, product, website, vulnerability,
        discoveredOn, self && !bool(v, "developerContacted") ? null
            : new ReportSubmission.PriorContact(bool(v, "developerContacted"), str(v, "priorContactOthers")),
        disclosureDate == null && str(v, "disclosureVenue") == null ? null
            : new ReportSubmission.DisclosurePlan(disclosureDate, str(v, "disclosureVenue")),
        str(v, "requests"));
  }

  private static String str(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static boolean bool(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o instanceof Boolean b ? b : o != null && Boolean.parseBoolean(o.toString());
  }

  private static LocalDate date(Map<String, Object> v, String key, List<FieldError> errors) {
    String s = str(v, key);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(key, "not a date (YYYY-MM-DD): " + s));
      return null;
    }
  }
}
