package jp.vulnreport.coordination;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.intake.StoredReports;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkProperties;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.notification.MailRecords;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails to a developer in coordination, each with a private link of its own (issued in the same
 * transaction, so the token exists in the mail only): first contact and its reminder to the
 * registered addresses, the details and the status enquiry to the contact point. Sending the first
 * contact records the start date (起算日); sending the details records 詳細情報連絡日.
 */
@Service
public class DeveloperMails {

  /** Mails that need no answer carry no link (a case being published has revoked its links). */
  static final java.util.Set<String> WITHOUT_LINK = java.util.Set.of("developer-publication-scheduled",
      "developer-published");

  private final PrivateLinks links;
  private final LinkProperties linkProperties;
  private final MailService mail;
  private final Coordinations coordinations;
  private final DeveloperRegistry registry;
  private final StoredReports reports;
  private final CaseRegister register;
  private final MailRecords records;
  private final jp.vulnreport.deadline.Deadlines deadlines;
  private final java.time.ZoneId zone;

  public DeveloperMails(MailRecords records, jp.vulnreport.deadline.Deadlines deadlines,
      jp.vulnreport.AppProperties properties, PrivateLinks links, LinkProperties linkProperties, MailService mail, Coordinations coordinations,
      DeveloperRegistry registry, StoredReports reports, CaseRegister register) {
    this.records = records;
    this.deadlines = deadlines;
    this.zone = properties.timeZone();
    this.links = links;
    this.linkProperties = linkProperties;
    this.mail = mail;
    this.coordinations = coordinations;
    this.registry = registry;
    this.reports = reports;
    this.register = register;
  }

  @Transactional
  public MailRecords.MailRecord send(String key, String trackingNumber, String developerId, String template) {
    return send(key, trackingNumber, developerId, template, false, Map.of());
  }

  /**
   * As {@link #send(String, String, String, String)}; {@code lowImpact}: the handling ends with this
   * notice, so the details ask for no answer.
   */
  @Transactional
  public MailRecords.MailRecord send(String key, String trackingNumber, String developerId, String template,
      boolean lowImpact, Map<String, String> extra) {
    var earlier = records.byKey(key);
    if (earlier.isPresent()) {
      return earlier.get();   // a retried job: sent before, no second link
    }
    Coordinations.Coordination c = coordinations.get(trackingNumber, developerId);
    String to = addressFor(trackingNumber, developerId, template);
    if (template.equals("developer-details")) {
      // the earlier links went to the general addresses; from now on only the contact point's link works
      links.revokeAll(trackingNumber, LinkAudience.DEVELOPER, developerId,
          "連絡窓口へ詳細を送付したため / the details went to the contact point", CaseRegister.SYSTEM);
    }
    Map<String, String> model = new HashMap<>(extra);
    model.putAll(details(trackingNumber, template.equals("developer-details")));
    if (WITHOUT_LINK.contains(template)) {
      model.put("developerUrl", "-");
      model.put("linkExpiresAt", "-");
    } else {
      PrivateLinks.Issued link = links.issue(trackingNumber, LinkAudience.DEVELOPER, developerId, CaseRegister.SYSTEM);
      model.put("developerUrl", linkProperties.responseUrl(LinkAudience.DEVELOPER, link.token()));
      model.put("linkExpiresAt", link.expiresAt().toLocalDate().toString());
    }
    model.put("developerName", c.developerName());
    model.put("nextStepJa", lowImpact
        ? "本件は影響が限定的な脆弱性と判断されたため、このご連絡をもって取扱いを終了します（JVN での公表は行いません）。"
        : "脆弱性の有無をご確認のうえ、次のページから状況（影響あり／影響なし／調査中）、修正版の予定、\n"
            + "公表日のご希望、公表文に掲載する声明をお知らせください。発見者への質問も、発見者の同意がある場合にお伝えします。\n"
            + "公表目標日は " + target(trackingNumber) + " です（起算日から期限ポリシーの日数）。");
    model.put("nextStepEn", lowImpact
        ? "The vulnerability was judged to have limited impact: the handling ends with this notice, without publication on JVN."
        : "Please check the vulnerability and tell us on this page your status (affected / not affected / under\n"
            + "investigation), your fix plans, the publication date you propose and the statement to publish. Questions for\n"
            + "the reporter are passed on if the reporter agreed. The publication target is " + target(trackingNumber) + ".");
    model.put("contactPointName", c.contactPointName() == null ? "-" : c.contactPointName());
    boolean downstream = "DOWNSTREAM".equals(c.role());
    model.put("role", downstream ? "貴社製品に含まれるコンポーネントの脆弱性です。" : "貴社製品の脆弱性です。");
    model.put("roleEn", downstream ? "a vulnerability in a component your product contains" : "a vulnerability in your product");
    MailRecords.MailRecord sent = mail.send(key, trackingNumber, template, Recipient.DEVELOPER, to, model, List.of());
    if (template.equals("developer-first-contact")) {
      coordinations.firstContact(trackingNumber, developerId, sent.sentAt());
    } else if (template.equals("developer-details")) {
      coordinations.detailsSent(trackingNumber, developerId, sent.sentAt());
    }
    return sent;
  }

  /** Where a mail of {@code template} goes: the contact point once named (not for first contact), else the registry's addresses. */
  String addressFor(String trackingNumber, String developerId, String template) {
    Coordinations.Coordination c = coordinations.get(trackingNumber, developerId);
    boolean toContactPoint = !template.equals("developer-first-contact") && !template.equals("developer-contact-reminder");
    String to = toContactPoint && c.contactPointEmail() != null ? c.contactPointEmail()
        : String.join(",", registry.get(developerId).contactEmails());
    if (template.equals("developer-silent-reminder")) {
      // a contact point that went silent: the registered addresses are asked as well
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(List.of(to.split(",")));
      all.addAll(registry.get(developerId).contactEmails());
      to = String.join(",", all);
    }
    return to;
  }

  private String target(String trackingNumber) {
    return deadlines.kinds(trackingNumber).contains(Publications.TARGET)
        ? deadlines.latest(trackingNumber, Publications.TARGET).dueAt().atZoneSameInstant(zone).toLocalDate().toString()
        : "-";
  }

  /** The product, and with {@code full} the report's technical content (never the discoverer's identity). */
  private Map<String, String> details(String trackingNumber, boolean full) {
    ReportSubmission r = reports.get(trackingNumber);
    Map<String, String> m = new HashMap<>();
    ReportSubmission.Product p = r.product();
    m.put("productName", p == null ? "-" : p.name());
    m.put("productVersions", p == null ? "-" : p.versions());
    m.put("vulnType", r.vulnerability().type());
    m.put("cwe", dash(r.vulnerability().cwe()));
    m.put("details", full ? r.vulnerability().details() : "-");
    m.put("reproduction", full ? dash(r.vulnerability().reproduction()) : "-");
    m.put("environment", full ? dash(r.vulnerability().environment()) : "-");
    m.put("impact", full ? dash(r.vulnerability().impact()) : "-");
    m.put("workaround", full ? dash(r.vulnerability().workaround()) : "-");
    return m;
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
