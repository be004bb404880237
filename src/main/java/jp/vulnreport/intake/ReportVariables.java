package jp.vulnreport.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.cases.ProcessText;

/**
 * The process variables of a report. They carry the report's content so that Tasklist forms can
 * show it, but never the discoverer's personal data: that stays in the case register and the
 * process holds {@code reporterId} only (DESIGN.md §4). Long free texts are carried as bounded
 * previews ({@link ProcessText}); the full report is in the case register (VR_CASE.report_json).
 */
public final class ReportVariables {

  /** Start-form fields that carry personal data: read once at registration, never kept or historised. */
  public static final Set<String> PERSONAL = Set.of(
      "reporterName", "reporterOrganization", "reporterEmail", "reporterPhone", "creditDisplayName");

  /**
   * Free-text variables that may be longer than the engine keeps (the report's texts, the questions
   * and the discoverer's answer): set as previews only, the full text is in the case register.
   */
  public static final Set<String> LONG_TEXT = Set.of("summary", "details", "reproduction", "environment", "impact",
      "workaround", "requests", "priorContactOthers", "exploitationEvidence", "clarificationQuestions", "clarificationAnswer");

  private ReportVariables() {}

  public static Map<String, Object> of(ReportSubmission r, String trackingNumber, String reporterId) {
    Map<String, Object> v = new HashMap<>();
    v.put("trackingNumber", trackingNumber);
    v.put("reporterId", reporterId);
    // a developer's own report is handled as a software-product report (the same receipt path and
    // forms); selfReport tells coordination to go straight to agreeing the publication
    boolean self = r.category() == ReportCategory.DEVELOPER_SELF_REPORT;
    v.put("category", self ? ReportCategory.SOFTWARE_PRODUCT.name() : r.category().name());
    v.put("selfReport", self);
    v.put("shareContactWithDeveloper", Boolean.TRUE.equals(r.reporter().shareContactWithDeveloper()));
    v.put("creditWanted", r.reporter().credit() != null && Boolean.TRUE.equals(r.reporter().credit().wanted()));
    if (r.product() != null) {
      v.put("productDeveloper", r.product().developer());
      v.put("productName", r.product().name());
      v.put("productVersions", r.product().versions());
      v.put("productUrl", r.product().url());
      v.put("purl", r.product().purl());
      v.put("cpe", r.product().cpe());
    }
    if (r.website() != null) {
      v.put("websiteUrl", r.website().url());
      v.put("siteName", r.website().siteName());
      v.put("websiteScopeHint", websiteScopeHint(r.website().url()));
    }
    var vul = r.vulnerability();
    v.put("vulnType", vul.type());
    v.put("cwe", vul.cwe());
    v.put("summary", ProcessText.preview(vul.summary()));
    v.put("details", ProcessText.preview(vul.details()));
    v.put("reproduction", ProcessText.preview(vul.reproduction()));
    v.put("environment", ProcessText.preview(vul.environment()));
    v.put("impact", ProcessText.preview(vul.impact()));
    v.put("workaround", ProcessText.preview(vul.workaround()));
    ReportedExploitation exploitation = vul.exploitationOrNone();
    v.put("reportedExploitation", exploitation.name());
    v.put("exploitationStatus", exploitation.caseStatus());
    v.put("exploitationEvidence", ProcessText.preview(vul.exploitationEvidence()));
    if (exploitation != ReportedExploitation.NONE) {
      // handled first (IPA: impact over arrival order): Tasklist sorts by the task priority, the
      // deadline policy's exploited rules give the receipt tasks their due dates
      String ssvc = exploitation == ReportedExploitation.OBSERVED ? "attend" : "track*";
      v.put("ssvcPriority", ssvc);
      v.put("priority", jp.vulnreport.triage.Triage.policyPriority(ssvc));
    }
    v.put("discoveredOn", r.discoveredOn() == null ? null : r.discoveredOn().toString());
    v.put("developerContacted", r.priorContact() != null && Boolean.TRUE.equals(r.priorContact().developerContacted()));
    v.put("priorContactOthers", r.priorContact() == null ? null : ProcessText.preview(r.priorContact().others()));
    v.put("disclosureDate", r.disclosurePlan() == null || r.disclosurePlan().date() == null ? null
        : r.disclosurePlan().date().toString());
    v.put("disclosureVenue", r.disclosurePlan() == null ? null : r.disclosurePlan().venue());
    v.put("requests", ProcessText.preview(r.requests()));
    v.values().removeIf(java.util.Objects::isNull);
    return v;
  }

  /**
   * The first clue for the website scope (a site mainly accessed from Japan, reference/domain-jp.md
   * §3): a .jp host suggests it; otherwise staff check for Japanese content.
   */
  static String websiteScopeHint(String url) {
    String host;
    try {
      host = java.net.URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      return "ホスト名を読み取れません。対象範囲（主に国内からアクセスされるサイトか）を確認してください";
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.endsWith(".jp") || h.equals("jp")
        ? "ホスト " + host + " は .jp ドメインです（国内向けのサイトと推定されます）"
        : "ホスト " + host + " は .jp 以外です。日本語のコンテンツか、主に国内からアクセスされるかを確認してください";
  }
}
