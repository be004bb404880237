package jp.vulnreport.intake;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The report page's fields, flat and as typed (so that a wrong date can be shown back as it was
 * entered). {@link #toSubmission} turns it into the API's {@link ReportSubmission}, and
 * {@link #fieldOf} maps the validator's field paths back to these names.
 */
public class ReportForm implements Serializable {

  private ReportCategory category;
  private String reporterName;
  private String reporterOrganization;
  private String reporterEmail;
  private String reporterPhone;
  private boolean shareContactWithDeveloper;
  private boolean creditWanted;
  private String creditDisplayName;
  private String productDeveloper;
  private String productName;
  private String productVersions;
  private String productUrl;
  private String purl;
  private String cpe;
  private String websiteUrl;
  private String siteName;
  private String vulnType;
  private String cwe;
  private String summary;
  private String details;
  private String reproduction;
  private String environment;
  private String impact;
  private String workaround;
  private String exploitation;
  private String exploitationEvidence;
  private String discoveredOn;
  private boolean developerContacted;
  private String priorContactOthers;
  private String disclosureDate;
  private String disclosureVenue;
  private String requests;

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("consent", "consent"),
      Map.entry("category", "category"),
      Map.entry("reporter", "reporterName"),
      Map.entry("reporter.name", "reporterName"),
      Map.entry("reporter.organization", "reporterOrganization"),
      Map.entry("reporter.email", "reporterEmail"),
      Map.entry("reporter.phone", "reporterPhone"),
      Map.entry("reporter.shareContactWithDeveloper", "shareContactWithDeveloper"),
      Map.entry("reporter.credit.wanted", "creditWanted"),
      Map.entry("reporter.credit.displayName", "creditDisplayName"),
      Map.entry("product", "productName"),
      Map.entry("product.developer", "productDeveloper"),
      Map.entry("product.name", "productName"),
      Map.entry("product.versions", "productVersions"),
      Map.entry("product.url", "productUrl"),
      Map.entry("product.purl", "purl"),
      Map.entry("product.cpe", "cpe"),
      Map.entry("website", "websiteUrl"),
      Map.entry("website.url", "websiteUrl"),
      Map.entry("website.siteName", "siteName"),
      Map.entry("vulnerability", "summary"),
      Map.entry("vulnerability.type", "vulnType"),
      Map.entry("vulnerability.cwe", "cwe"),
      Map.entry("vulnerability.summary", "summary"),
      Map.entry("vulnerability.details", "details"),
      Map.entry("vulnerability.reproduction", "reproduction"),
      Map.entry("vulnerability.environment", "environment"),
      Map.entry("vulnerability.impact", "impact"),
      Map.entry("vulnerability.workaround", "workaround"),
      Map.entry("vulnerability.exploitation", "exploitation"),
      Map.entry("vulnerability.exploitationEvidence", "exploitationEvidence"),
      Map.entry("discoveredOn", "discoveredOn"),
      Map.entry("priorContact.developerContacted", "developerContacted"),
      Map.entry("priorContact.others", "priorContactOthers"),
      Map.entry("disclosurePlan.date", "disclosureDate"),
      Map.entry("disclosurePlan.venue", "disclosureVenue"),
      Map.entry("requests", "requests"),
      Map.entry("attachments", "attachments"));

  /** The page field a validator path belongs to (unknown paths go to the form as a whole). */
  public static String fieldOf(String path) {
    return FIELDS.getOrDefault(path, "form");
  }

  /**
   * The report as the API would receive it. Dates that do not parse are reported in
   * {@code dateErrors} (field name to the text typed) and left out.
   */
  public ReportSubmission toSubmission(List<String> dateErrors) {
    boolean product = category != null && category.product();
    boolean website = category == ReportCategory.WEBSITE;
    // a developer's own report has no discoverer-side questions: the page does not show them
    boolean self = category == ReportCategory.DEVELOPER_SELF_REPORT;
    return new ReportSubmission(Boolean.TRUE, category,
        new ReportSubmission.Reporter(t(reporterName), t(reporterOrganization), t(reporterEmail), t(reporterPhone),
            !self && shareContactWithDeveloper,
            self ? null : new ReportSubmission.Credit(creditWanted, creditWanted ? t(creditDisplayName) : null)),
        product ? new ReportSubmission.Product(t(productDeveloper), t(productName), t(productVersions),
            t(productUrl), t(purl), t(cpe)) : null,
        website ? new ReportSubmission.Website(t(websiteUrl), t(siteName)) : null,
        new ReportSubmission.Vulnerability(t(vulnType), t(cwe), t(summary), t(details), t(reproduction),
            t(environment), t(impact), t(workaround), exploitation(), t(exploitationEvidence)),
        date("discoveredOn", discoveredOn, dateErrors),
        self ? null : new ReportSubmission.PriorContact(developerContacted, t(priorContactOthers)),
        t(disclosureDate) == null && t(disclosureVenue) == null ? null
            : new ReportSubmission.DisclosurePlan(date("disclosureDate", disclosureDate, dateErrors),
                t(disclosureVenue)),
        t(requests));
  }

  /** Whether the exploitation chosen is one of the page's choices (or none was chosen). */
  public boolean exploitationValid() {
    String e = t(exploitation);
    return e == null || java.util.Arrays.stream(ReportedExploitation.values()).anyMatch(x -> x.name().equals(e));
  }

  /** The exploitation chosen (null when none or not one of the choices: see {@link #exploitationValid}). */
  public ReportedExploitation exploitation() {
    return exploitationValid() && t(exploitation) != null ? ReportedExploitation.valueOf(t(exploitation)) : null;
  }

  /** The chosen exploitation's label for the confirmation page (none chosen = NONE). */
  public ReportedExploitation exploitationOrNone() {
    return ReportedExploitation.of(exploitation());
  }

  private static LocalDate date(String field, String text, List<String> errors) {
    String s = t(text);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      errors.add(field);
      return null;
    }
  }

  /** Blank becomes null; text is kept as typed otherwise (only surrounding white space removed). */
  private static String t(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // --- bean properties (form binding) ---

  public ReportCategory getCategory() { return category; }
  public void setCategory(ReportCategory category) { this.category = category; }
  public String getReporterName() { return reporterName; }
  public void setReporterName(String v) { this.reporterName = v; }
  public String getReporterOrganization() { return reporterOrganization; }
  public void setReporterOrganization(String v) { this.reporterOrganization = v; }
  public String getReporterEmail() { return reporterEmail; }
  public void setReporterEmail(String v) { this.reporterEmail = v; }
  public String getReporterPhone() { return reporterPhone; }
  public void setReporterPhone(String v) { this.reporterPhone = v; }
  public boolean isShareContactWithDeveloper() { return shareContactWithDeveloper; }
  public void setShareContactWithDeveloper(boolean v) { this.shareContactWithDeveloper = v; }
  public boolean isCreditWanted() { return creditWanted; }
  public void setCreditWanted(boolean v) { this.creditWanted = v; }
  public String getCreditDisplayName() { return creditDisplayName; }
  public void setCreditDisplayName(String v) { this.creditDisplayName = v; }
  public String getProductDeveloper() { return productDeveloper; }
  public void setProductDeveloper(String v) { this.productDeveloper = v; }
  public String getProductName() { return productName; }
  public void setProductName(String v) { this.productName = v; }
  public String getProductVersions() { return productVersions; }
  public void setProductVersions(String v) { this.productVersions = v; }
  public String getProductUrl() { return productUrl; }
  public void setProductUrl(String v) { this.productUrl = v; }
  public String getPurl() { return purl; }
  public void setPurl(String v) { this.purl = v; }
  public String getCpe() { return cpe; }
  public void setCpe(String v) { this.cpe = v; }
  public String getWebsiteUrl() { return websiteUrl; }
  public void setWebsiteUrl(String v) { this.websiteUrl = v; }
  public String getSiteName() { return siteName; }
  public void setSiteName(String v) { this.siteName = v; }
  public String getVulnType() { return vulnType; }
  public void setVulnType(String v) { this.vulnType = v; }
  public String getCwe() { return cwe; }
  public void setCwe(String v) { this.cwe = v; }
  public String getSummary() { return summary; }
  public void setSummary(String v) { this.summary = v; }
  public String getDetails() { return details; }
  public void setDetails(String v) { this.details = v; }
  public String getReproduction() { return reproduction; }
  public void setReproduction(String v) { this.reproduction = v; }
  public String getEnvironment() { return environment; }
  public void setEnvironment(String v) { this.environment = v; }
  public String getImpact() { return impact; }
  public void setImpact(String v) { this.impact = v; }
  public String getWorkaround() { return workaround; }
  public void setWorkaround(String v) { this.workaround = v; }
  public String getExploitation() { return exploitation; }
  public void setExploitation(String v) { this.exploitation = v; }
  public String getExploitationEvidence() { return exploitationEvidence; }
  public void setExploitationEvidence(String v) { this.exploitationEvidence = v; }
  public String getDiscoveredOn() { return discoveredOn; }
  public void setDiscoveredOn(String v) { this.discoveredOn = v; }
  public boolean isDeveloperContacted() { return developerContacted; }
  public void setDeveloperContacted(boolean v) { this.developerContacted = v; }
  public String getPriorContactOthers() { return priorContactOthers; }
  public void setPriorContactOthers(String v) { this.priorContactOthers = v; }
  public String getDisclosureDate() { return disclosureDate; }
  public void setDisclosureDate(String v) { this.disclosureDate = v; }
  public String getDisclosureVenue() { return disclosureVenue; }
  public void setDisclosureVenue(String v) { this.disclosureVenue = v; }
  public String getRequests() { return requests; }
  public void setRequests(String v) { this.requests = v; }
}
