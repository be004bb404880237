package jp.vulnreport.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.vulnreport.links.LinkProperties;
import jp.vulnreport.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The case dossier (DESIGN.md §1): everything the register knows about one case, in the sections
 * the caller's groups may see, with Japanese labels beside the codes; the case list with search;
 * and the open deadlines across cases for the deadline board. Read-only; SQL over the register.
 *
 * <p>Who sees which section (README, "Who may do what"): the case itself, verification facts,
 * deadlines and the timeline: every staff group; the report text and clarifications: receipt,
 * analysts, coordination, managers; the discoverer (name, contact, credit, consent): receipt and
 * managers; attachments: receipt, analysts, coordination, managers; developers: coordination and
 * managers; the government notice: liaison and managers; private links: receipt, coordination,
 * managers; the advisory (JVN number, CVE records, CSAF versions): coordination and managers, the
 * groups the advisory API lets download them. Administrators see everything.
 */
@Service
public class CaseDossier {

  public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** The dossier's sections, each with the groups that see it (administrators see all). */
  public enum Section {
    REPORT(Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION, Groups.MANAGER),
    REPORTER(Groups.RECEIPT, Groups.MANAGER),
    ATTACHMENTS(Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION, Groups.MANAGER),
    DEVELOPERS(Groups.COORDINATION, Groups.MANAGER),
    GOVERNMENT_NOTICE(Groups.LIAISON, Groups.MANAGER),
    LINKS(Groups.RECEIPT, Groups.COORDINATION, Groups.MANAGER),
    /** The advisory (公表（JVN）) with its CVE record and CSAF downloads: as the advisory API allows. */
    ADVISORY(Groups.COORDINATION, Groups.MANAGER);

    private final Set<String> groups;

    Section(String... groups) {
      this.groups = Set.of(groups);
    }

    public boolean visibleTo(Collection<String> memberOf) {
      return memberOf.contains(Groups.ADMIN) || memberOf.stream().anyMatch(groups::contains);
    }
  }

  /** Whom a mail's subject may be shown to, by recipient kind (besides managers and administrators). */
  private static final Map<String, String> MAIL_READERS = Map.of(
      "DISCOVERER", Groups.RECEIPT, "OPERATOR", Groups.RECEIPT, "DEVELOPER", Groups.COORDINATION,
      "VENDOR", Groups.LIAISON, "CABINET_OFFICE", Groups.LIAISON, "PRIORITY_RECIPIENT", Groups.LIAISON,
      "LIAISON", Groups.LIAISON, "MANAGER", Groups.MANAGER);

  /** Timeline entries whose detail is government-notice content. */
  private static final List<String> GOVERNMENT_EVENTS = List.of("GOVERNMENT_", "RECOGNI", "NOTICE_", "VENDOR_",
      "PRIORITY_INFORMATION");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final LinkProperties linkProperties;

  public CaseDossier(JdbcTemplate jdbc, ObjectMapper json, Clock clock, LinkProperties linkProperties) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.linkProperties = linkProperties;
  }

  // ---------------------------------------------------------------------------------------------
  // the dossier

  /** The dossier of {@code trackingNumber} as {@code groups} may see it. */
  public Map<String, Object> dossier(String trackingNumber, Collection<String> groups) {
    Map<String, Object> c = jdbc.query("SELECT * FROM vr_case WHERE tracking_number = ?", this::caseRow,
        trackingNumber).stream().findFirst().orElseThrow(() -> new CaseNotFoundException(trackingNumber));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("trackingNumber", trackingNumber);
    d.put("sections", Arrays.stream(Section.values()).filter(s -> s.visibleTo(groups)).map(Enum::name).toList());
    d.put("case", c);
    String reporterId = (String) c.remove("reporterId");
    d.put("verification", verification(trackingNumber));
    if (Section.REPORT.visibleTo(groups)) {
      d.put("report", report(trackingNumber));
      d.put("clarifications", jdbc.query("SELECT * FROM vr_clarification WHERE tracking_number = ? ORDER BY round",
          (rs, i) -> map("round", rs.getInt("round"), "questions", rs.getString("questions"),
              "askedAt", time(rs, "asked_at"), "askedBy", rs.getString("asked_by"), "answer", rs.getString("answer"),
              "answeredAt", time(rs, "answered_at"), "answeredVia", rs.getString("answered_via")), trackingNumber));
    }
    if (Section.REPORTER.visibleTo(groups)) {
      d.put("reporter", reporter(reporterId));
    }
    if (Section.ATTACHMENTS.visibleTo(groups)) {
      d.put("attachments", jdbc.query("SELECT * FROM vr_attachment WHERE tracking_number = ? ORDER BY stored_at, file_name",
          (rs, i) -> {
            boolean erased = rs.getTimestamp("erased_at") != null;
            return map("id", rs.getString("id"), "fileName", rs.getString("file_name"),
                "mediaType", rs.getString("media_type"), "sizeBytes", rs.getLong("size_bytes"),
                "size", humanSize(rs.getLong("size_bytes")), "sha256", rs.getString("sha256"),
                "storedAt", time(rs, "stored_at"), "erased", erased,
                "downloadUrl", erased ? null : "/api/cases/" + trackingNumber + "/attachments/" + rs.getString("id"));
          }, trackingNumber));
    }
    boolean government = Section.GOVERNMENT_NOTICE.visibleTo(groups);
    d.put("timeline", jdbc.query("SELECT * FROM vr_case_event WHERE tracking_number = ? ORDER BY occurred_at, id",
        (rs, i) -> {
          String type = rs.getString("event_type");
          boolean hidden = !government && GOVERNMENT_EVENTS.stream().anyMatch(type::startsWith);
          return map("occurredAt", time(rs, "occurred_at"), "actor", rs.getString("actor"), "type", type,
              "label", eventLabel(type), "detail", hidden ? "（政府通知の内容は表示されません）" : rs.getString("detail"));
        }, trackingNumber));
    d.put("deadlines", deadlines(trackingNumber, (String) c.get("state")));
    d.put("mails", mails(trackingNumber, groups));
    if (Section.DEVELOPERS.visibleTo(groups)) {
      d.put("developers", developers(trackingNumber));
    }
    if (government) {
      d.put("governmentNotice", governmentNotice(trackingNumber));
      d.put("governmentEvaluations", governmentEvaluations(trackingNumber));
    }
    if (Section.LINKS.visibleTo(groups)) {
      d.put("links", links(trackingNumber));
    }
    if (Section.ADVISORY.visibleTo(groups)) {
      d.put("advisory", advisory(trackingNumber));
    }
    return d;
  }

  private Map<String, Object> caseRow(ResultSet rs, int i) throws SQLException {
    CaseState state = CaseState.valueOf(rs.getString("state"));
    String reason = rs.getString("non_acceptance_reason");
    Map<String, Object> m = map("trackingNumber", rs.getString("tracking_number"),
        "category", rs.getString("category"), "categoryLabel", CaseLabels.label(CaseLabels.CATEGORIES, rs.getString("category")),
        "state", state.name(), "stateLabel", state.ja(), "closed", state.isFinal(),
        "channel", rs.getString("channel"), "channelLabel", "MAIL".equals(rs.getString("channel")) ? "郵送・メール（職員が登録）" : "ウェブ・API",
        "summary", rs.getString("summary"), "productDeveloper", rs.getString("product_developer"),
        "productName", rs.getString("product_name"), "websiteUrl", rs.getString("website_url"),
        "receivedAt", time(rs, "received_at"), "consentedAt", time(rs, "consented_at"),
        "acceptedAt", time(rs, "accepted_at"), "notAcceptedAt", time(rs, "not_accepted_at"),
        "nonAcceptanceReason", reason,
        "nonAcceptanceReasonLabel", reason == null ? null : NonAcceptanceReason.valueOf(reason).ja(),
        "verifiedAt", time(rs, "verified_at"), "handedOffAt", time(rs, "handed_off_at"),
        "startDateAt", time(rs, "start_date_at"), "detailsSentAt", time(rs, "details_sent_at"),
        "publishedAt", time(rs, "published_at"), "discontinuedAt", time(rs, "discontinued_at"),
        "discontinuationReason", rs.getString("discontinuation_reason"), "closedAt", time(rs, "closed_at"));
    m.put("reporterId", rs.getString("reporter_id"));
    // IPA's counts (V11): how a website case ended, the kind of operator and of product, as labels
    m.put("websiteFixKindLabel", kindLabel(CaseKinds.WEBSITE_FIX, rs.getString("website_fix_kind")));
    m.put("operatorKindLabel", kindLabel(CaseKinds.OPERATOR, rs.getString("operator_kind")));
    m.put("productKindLabel", kindLabel(CaseKinds.PRODUCT, rs.getString("product_kind")));
    return m;
  }

  private Map<String, Object> verification(String tn) {
    return jdbc.queryForObject("SELECT verified_at, cvss_vector, cvss_score, exploitation_status, ssvc_priority, "
        + "ssvc_inputs FROM vr_case WHERE tracking_number = ?", (rs, i) -> map(
            "verifiedAt", time(rs, "verified_at"), "cvssVector", rs.getString("cvss_vector"),
            "cvssScore", rs.getBigDecimal("cvss_score"), "exploitationStatus", rs.getString("exploitation_status"),
            "exploitationStatusLabel", CaseLabels.label(CaseLabels.EXPLOITATION, rs.getString("exploitation_status")),
            "ssvcPriority", rs.getString("ssvc_priority"), "ssvcInputs", rs.getString("ssvc_inputs"),
            "exploitationReports", jdbc.query("SELECT * FROM vr_exploitation WHERE tracking_number = ? ORDER BY recorded_at",
                (r, j) -> map("status", r.getString("status"),
                    "statusLabel", CaseLabels.label(CaseLabels.EXPLOITATION, r.getString("status")),
                    "source", r.getString("source"), "evidence", r.getString("evidence"),
                    "observedAt", time(r, "observed_at"), "tlp", r.getString("tlp"),
                    "recordedBy", r.getString("recorded_by"), "recordedAt", time(r, "recorded_at")), tn)), tn);
  }

  /** The report as filed, whole (VR_CASE.report_json; the discoverer's data is kept elsewhere). */
  private JsonNode report(String tn) {
    String text = jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?", String.class, tn);
    try {
      JsonNode node = json.readTree(text);
      if (node instanceof ObjectNode o) {
        o.remove("reporter");
      }
      return node;
    } catch (Exception e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private Map<String, Object> reporter(String reporterId) {
    return jdbc.query("SELECT * FROM vr_reporter WHERE id = ?", (rs, i) -> {
      boolean erased = rs.getTimestamp("erased_at") != null;
      return map("erased", erased, "erasedAt", time(rs, "erased_at"),
          "name", rs.getString("name"), "organization", rs.getString("organization"),
          "email", rs.getString("email"), "phone", rs.getString("phone"),
          "creditWanted", rs.getBoolean("credit_wanted"), "creditDisplayName", rs.getString("credit_display_name"),
          "shareContactWithDeveloper", rs.getBoolean("share_contact_with_developer"),
          "creditLabel", rs.getBoolean("credit_wanted") ? "謝辞への掲載を希望" : "謝辞への掲載を希望しない",
          "shareContactLabel", rs.getBoolean("share_contact_with_developer")
              ? "製品開発者への連絡先の開示に同意" : "製品開発者への連絡先の開示に同意しない");
    }, reporterId).stream().findFirst().orElse(null);
  }

  private List<Map<String, Object>> mails(String tn, Collection<String> groups) {
    boolean all = groups.contains(Groups.ADMIN) || groups.contains(Groups.MANAGER);
    return jdbc.query("SELECT * FROM vr_mail_record WHERE tracking_number = ? ORDER BY sent_at, id", (rs, i) -> {
      String role = rs.getString("recipient_role");
      boolean readable = all || groups.contains(MAIL_READERS.get(role));
      return map("template", rs.getString("template"),
          "templateLabel", CaseLabels.label(CaseLabels.MAIL_TEMPLATES, rs.getString("template")),
          "recipientKind", role, "recipientKindLabel", CaseLabels.label(CaseLabels.RECIPIENTS, role),
          "sentAt", time(rs, "sent_at"), "messageId", rs.getString("message_id"),
          "subject", readable ? rs.getString("subject") : null,
          "content", readable ? "本文は保存されていません（送信の記録と件名だけが残ります）" : "表示できません（担当外）");
    }, tn);
  }

  private List<Map<String, Object>> developers(String tn) {
    return jdbc.query("SELECT c.*, d.name AS developer_name FROM vr_coordination c JOIN vr_developer d "
        + "ON d.id = c.developer_id WHERE c.tracking_number = ? ORDER BY c.developer_id", (rs, i) -> map(
            "developerId", rs.getString("developer_id"), "name", rs.getString("developer_name"),
            "role", rs.getString("role"), "roleLabel", CaseLabels.label(CaseLabels.COORDINATION, rs.getString("role")),
            "stage", rs.getString("stage"), "stageLabel", CaseLabels.label(CaseLabels.COORDINATION, rs.getString("stage")),
            "status", rs.getString("status"), "statusLabel", CaseLabels.label(CaseLabels.COORDINATION, rs.getString("status")),
            "fixAvailability", rs.getString("fix_availability"),
            "fixAvailabilityLabel", CaseLabels.label(CaseLabels.COORDINATION, rs.getString("fix_availability")),
            "fixedVersions", rs.getString("fixed_versions"), "firstContactAt", time(rs, "first_contact_at"),
            "contactPointName", rs.getString("contact_point_name"), "contactPointEmail", rs.getString("contact_point_email"),
            "detailsSentAt", time(rs, "details_sent_at"), "respondedAt", time(rs, "responded_at"),
            "proposedPublicationDate", rs.getDate("proposed_publication_date") == null ? null
                : rs.getDate("proposed_publication_date").toLocalDate().toString(),
            "statement", rs.getString("statement"), "listedAt", time(rs, "listed_at"),
            "unlistedAt", time(rs, "unlisted_at"), "committeeDecision", rs.getString("committee_decision"),
            "committeeDecisionLabel", CaseLabels.label(CaseLabels.COORDINATION, rs.getString("committee_decision")),
            "outcome", rs.getString("outcome"), "listingConfirmedBy", rs.getString("listing_confirmed_by"),
            "listingConfirmedAt", time(rs, "listing_confirmed_at"),
            "contactAttempts", contactAttempts(tn, rs.getString("developer_id"))), tn);
  }

  /** The contact attempts by other channels recorded before an unreachable listing (with Japanese labels). */
  private List<Map<String, Object>> contactAttempts(String tn, String developerId) {
    return jdbc.query("SELECT * FROM vr_contact_attempt WHERE tracking_number = ? AND developer_id = ? ORDER BY id",
        (rs, i) -> map("channel", rs.getString("channel"),
            "channelLabel", CaseLabels.label(CaseLabels.CONTACT_CHANNELS, rs.getString("channel")),
            "attemptedOn", rs.getDate("attempted_on").toLocalDate().toString(), "result", rs.getString("result"),
            "recordedBy", rs.getString("recorded_by"), "recordedAt", time(rs, "recorded_at")), tn, developerId);
  }

  private Map<String, Object> governmentNotice(String tn) {
    return jdbc.query("SELECT * FROM vr_government_notification WHERE tracking_number = ?", (rs, i) -> {
      Long late = (Long) rs.getObject("late_by_seconds", Long.class);
      OffsetDateTime deadline = odt(rs, "deadline_at");
      OffsetDateTime sent = odt(rs, "sent_at");
      Map<String, Object> m = map("status", rs.getString("status"),
          "statusLabel", jp.vulnreport.government.GovernmentNotification.statusLabel(rs.getString("status")),
          "openedOn", rs.getString("opened_on"),
          "openedOnLabel", CaseLabels.label(CaseLabels.GOVERNMENT_OPENED_ON, rs.getString("opened_on")),
          "openedAt", time(rs, "opened_at"), "criteriaNotifiable", rs.getObject("criteria_notifiable"),
          "criteriaGrounds", rs.getString("criteria_grounds"), "criteriaUrgency", rs.getString("criteria_urgency"),
          "recognisedAt", time(rs, "recognised_at"), "recognisedBy", rs.getString("recognised_by"),
          "notifiable", rs.getObject("notifiable"), "grounds", rs.getString("grounds"),
          "overrideReason", rs.getString("override_reason"), "deadlineAt", jst(deadline),
          "policyVersion", rs.getObject("policy_version"), "draftedBy", rs.getString("drafted_by"),
          "approvedBy", rs.getString("approved_by"), "tlp", rs.getString("tlp"),
          "overdueFlaggedAt", time(rs, "overdue_flagged_at"),
          "sentAt", jst(sent), "lateBySeconds", late,
          "late", late != null && late > 0 ? CaseLabels.duration(Duration.ofSeconds(late)) + " 遅延" : null,
          "vendorInformedAt", time(rs, "vendor_informed_at"), "vendorDecision", rs.getString("vendor_decision"),
          "vendorDecisionLabel", CaseLabels.label(CaseLabels.VENDOR_DECISIONS, rs.getString("vendor_decision")),
          "acknowledgedAt", time(rs, "acknowledged_at"), "acknowledgedVia", rs.getString("acknowledged_via"),
          "updatesSent", rs.getInt("updates_sent"));
      if (deadline != null && sent == null) {
        Duration left = Duration.between(now(), deadline);
        m.put("overdue", left.isNegative());
        m.put("timeLeft", CaseLabels.timeLeft(left));
      }
      m.put("vendorTold", vendorTold(tn));
      m.put("zeroDayRequests", zeroDayRequests(tn));
      m.put("text", noticeText(m));
      return m;
    }, tn).stream().findFirst().orElse(null);
  }

  /** Who was told of the notice, when and how (vr_vendor_notice), with Japanese labels. */
  private List<Map<String, Object>> vendorTold(String tn) {
    return jdbc.query("SELECT * FROM vr_vendor_notice WHERE tracking_number = ? ORDER BY informed_at, id", (rs, i) -> map(
        "developerId", rs.getString("developer_id"),
        "developerName", rs.getString("developer_name") == null ? "（開発者未特定）" : rs.getString("developer_name"),
        "channel", rs.getString("channel"), "channelLabel", CaseLabels.label(CaseLabels.VENDOR_CHANNELS, rs.getString("channel")),
        "address", rs.getString("address"), "informedAt", time(rs, "informed_at"), "late", rs.getBoolean("late"),
        "howLabel", "メール（" + CaseLabels.label(CaseLabels.VENDOR_CHANNELS, rs.getString("channel"))
            + (rs.getBoolean("late") ? "、通知後に特定" : "") + "）"), tn);
  }

  /** The case's zero-day handling requests and liaison's decisions, with Japanese labels. */
  private List<Map<String, Object>> zeroDayRequests(String tn) {
    return jdbc.query("SELECT * FROM vr_zero_day_request WHERE tracking_number = ? ORDER BY requested_at, id", (rs, i) -> map(
        "developerName", rs.getString("developer_name"), "reason", rs.getString("reason"),
        "source", rs.getString("source"), "sourceLabel", CaseLabels.label(CaseLabels.ZERO_DAY, rs.getString("source")),
        "requestedAt", time(rs, "requested_at"), "requestedBy", rs.getString("requested_by"),
        "decision", rs.getString("decision"),
        "decisionLabel", rs.getString("decision") == null ? "判断待ち" : CaseLabels.label(CaseLabels.ZERO_DAY, rs.getString("decision")),
        "decisionReason", rs.getString("decision_reason"), "decidedAt", time(rs, "decided_at"),
        "decidedBy", rs.getString("decided_by"), "afterNotice", rs.getBoolean("after_notice")), tn);
  }

  /**
   * Every evaluation of the government criteria (on which path, when, with what result and what it led
   * to), and for a duplicate the notice it was linked to; also the duplicates linked to this case's notice.
   */
  private List<Map<String, Object>> governmentEvaluations(String tn) {
    List<Map<String, Object>> rows = jdbc.query("SELECT * FROM vr_government_evaluation WHERE tracking_number = ? "
        + "ORDER BY evaluated_at, id", (rs, i) -> {
          String path = rs.getString("path");
          String detail = rs.getString("path_detail");
          String outcome = rs.getString("outcome");
          boolean notifiable = rs.getBoolean("criteria_notifiable");
          boolean sufficient = rs.getBoolean("facts_sufficient");
          return map("evaluatedAt", time(rs, "evaluated_at"), "path", path,
              "pathLabel", CaseLabels.label(jp.vulnreport.government.GovernmentEvaluations.PATHS, path)
                  + (detail == null ? "" : "（" + evaluationDetail(path, detail) + "）"),
              "criteriaNotifiable", notifiable,
              "resultLabel", notifiable ? "基準に該当（通知対象）" : sufficient ? "基準に該当せず" : "判断材料なし",
              "grounds", rs.getString("grounds"), "facts", rs.getString("facts"), "outcome", outcome,
              "outcomeLabel", jp.vulnreport.government.GovernmentEvaluations.Outcome.valueOf(outcome).ja(),
              "linkedTrackingNumber", rs.getString("linked_tracking_number"), "actor", rs.getString("actor"));
        }, tn);
    rows = new java.util.ArrayList<>(rows);
    rows.addAll(jdbc.query("SELECT * FROM vr_government_evaluation WHERE linked_tracking_number = ? ORDER BY evaluated_at, id",
        (rs, i) -> map("evaluatedAt", time(rs, "evaluated_at"), "path", "DUPLICATE",
            "pathLabel", "重複する届出 " + rs.getString("tracking_number"), "criteriaNotifiable", rs.getBoolean("criteria_notifiable"),
            "resultLabel", "—", "grounds", null, "facts", null, "outcome", rs.getString("outcome"),
            "outcomeLabel", "この通知に紐づけ（二重には通知しない）", "linkedTrackingNumber", rs.getString("tracking_number"),
            "actor", rs.getString("actor")), tn));
    return rows;
  }

  private static String evaluationDetail(String path, String detail) {
    try {
      return switch (path) {
        case "NOT_ACCEPTED" -> CaseLabels.label(CaseLabels.NON_ACCEPTANCE, detail);
        case "CLOSED" -> CaseState.valueOf(detail).ja();
        case "BREADTH" -> detail.replace("developers ", "製品開発者 ") + " 者";
        default -> detail;
      };
    } catch (IllegalArgumentException e) {
      return detail;
    }
  }

  /** The notice in the words the Cabinet Office gets (the structured CSAF goes with the mail). */
  private static String noticeText(Map<String, Object> n) {
    if (n.get("recognisedAt") == null) {
      return "（認知前のため通知文はまだありません）";
    }
    if (Boolean.FALSE.equals(n.get("notifiable"))) {
      return "通知不要と判断されました。理由: " + nz(n.get("overrideReason"), nz(n.get("grounds"), "—"));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> told = (List<Map<String, Object>>) n.getOrDefault("vendorTold", List.of());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requests = (List<Map<String, Object>>) n.getOrDefault("zeroDayRequests", List.of());
    boolean granted = requests.stream().anyMatch(r -> "GRANTED".equals(r.get("decision")));
    StringBuilder sb = new StringBuilder("通知の根拠: " + nz(n.get("grounds"), "—") + "\nTLP: "
        + (granted ? "RED（ゼロデイ取扱い要望を認めたため）" : nz(n.get("tlp"), "未設定"))
        + "\n製品開発者への連絡: " + nz(n.get("vendorDecisionLabel"), "未定"));
    for (Map<String, Object> t : told) {
      sb.append("\n  ").append(t.get("developerName")).append(": ").append(t.get("informedAt")).append(" ")
          .append(t.get("howLabel")).append(" ").append(t.get("address"));
    }
    for (Map<String, Object> r : requests) {
      sb.append("\nゼロデイ取扱い要望（").append(r.get("developerName")).append("、").append(r.get("sourceLabel"))
          .append("）: ").append(r.get("reason")).append(" → ").append(r.get("decisionLabel"))
          .append(r.get("decisionReason") == null ? "" : "（" + r.get("decisionReason") + "）");
    }
    return sb.toString();
  }

  /**
   * The case's advisory (公表（JVN）), null before one is drafted: the JVN number, draft or published
   * (labels), the planned and publication dates (YYYY-MM-DD), the public page once published, each CVE
   * ID with the download of its CVE record and each released CSAF version with its download (the
   * advisory API's addresses, for coordination and managers).
   */
  private Map<String, Object> advisory(String tn) {
    return jdbc.query("SELECT advisory_id, planned_date, published_at, cve_ids, overseas_coordinator "
        + "FROM vr_publication WHERE tracking_number = ? AND advisory_id IS NOT NULL", (rs, i) -> {
          String id = rs.getString("advisory_id");
          OffsetDateTime published = odt(rs, "published_at");
          String api = "/api/cases/" + tn + "/advisory";
          String cveText = rs.getString("cve_ids");
          List<Map<String, Object>> cves = cveText == null || cveText.isBlank() ? List.of()
              : Arrays.stream(cveText.strip().split("\\s+")).map(cve -> map("cveId", cve,
                  "recordUrl", api + "/cve/" + cve + ".json", "recordFileName", cve + ".json")).toList();
          String slug = id.replace("#", "");
          return map("advisoryId", id, "status", published == null ? "DRAFT" : "PUBLISHED",
              "statusLabel", published == null ? "下書き" : "公表済み",
              "plannedDate", rs.getDate("planned_date") == null ? null : rs.getDate("planned_date").toLocalDate().toString(),
              "publishedOn", published == null ? null : published.toLocalDate().toString(),
              "publicUrl", published == null ? null : linkProperties.publicUrl("/advisories/" + slug),
              "overseasCoordinator", rs.getString("overseas_coordinator"), "cves", cves,
              "csafVersions", jdbc.query("SELECT version, released_at, summary FROM vr_csaf_revision "
                  + "WHERE tracking_number = ? ORDER BY version", (r, j) -> map("version", r.getInt("version"),
                      "releasedOn", odt(r, "released_at").toLocalDate().toString(), "summary", r.getString("summary"),
                      "downloadUrl", api + "/csaf/" + r.getInt("version") + ".json",
                      "fileName", slug.toLowerCase() + "_v" + r.getInt("version") + ".json"), tn));
        }, tn).stream().findFirst().orElse(null);
  }

  private List<Map<String, Object>> links(String tn) {
    return jdbc.query("SELECT * FROM vr_private_link WHERE tracking_number = ? ORDER BY id", (rs, i) -> {
      long id = rs.getLong("id");
      OffsetDateTime expires = odt(rs, "expires_at");
      boolean revoked = rs.getTimestamp("revoked_at") != null;
      return map("id", id, "audience", rs.getString("audience"),
          "audienceLabel", CaseLabels.label(CaseLabels.LINKS, rs.getString("audience")),
          "createdAt", time(rs, "created_at"), "createdBy", rs.getString("created_by"), "expiresAt", jst(expires),
          "revokedAt", time(rs, "revoked_at"), "revokedBy", rs.getString("revoked_by"),
          "revocationReason", rs.getString("revocation_reason"),
          "stateLabel", revoked ? "無効化済み" : expires.isBefore(now()) ? "期限切れ" : "有効",
          "uses", jdbc.query("SELECT * FROM vr_private_link_use WHERE link_id = ? ORDER BY used_at, id", (u, j) -> map(
              "usedAt", time(u, "used_at"), "action", u.getString("action"),
              "actionLabel", CaseLabels.label(CaseLabels.LINKS, u.getString("action")),
              "outcome", u.getString("outcome"), "outcomeLabel", CaseLabels.label(CaseLabels.LINKS, u.getString("outcome")),
              "client", u.getString("client")), id));
    }, tn);
  }

  /** Every deadline of the case, newest computation per kind marked current, with the time left. */
  private List<Map<String, Object>> deadlines(String tn, String state) {
    boolean closed = CaseState.valueOf(state).isFinal();
    List<Map<String, Object>> rows = jdbc.query("SELECT * FROM vr_deadline WHERE tracking_number = ? "
        + "ORDER BY due_at, id", (rs, i) -> deadlineRow(rs), tn);
    return rows.stream().peek(r -> r.put("caseClosed", closed)).toList();
  }

  private Map<String, Object> deadlineRow(ResultSet rs) throws SQLException {
    OffsetDateTime due = odt(rs, "due_at");
    Duration left = Duration.between(now(), due);
    String kind = rs.getString("kind");
    String unit = rs.getString("unit");
    return map("trackingNumber", rs.getString("tracking_number"), "kind", kind,
        "kindLabel", CaseLabels.label(CaseLabels.DEADLINE_KINDS, kind), "startsAt", time(rs, "starts_at"),
        "dueAt", jst(due), "amount", rs.getInt("amount"), "unit", unit,
        "period", rs.getInt("amount") + CaseLabels.label(CaseLabels.UNITS, unit), "rule", rs.getString("basis"),
        "policyDecisionId", rs.getString("policy_decision_id"), "policyVersion", rs.getInt("policy_version"),
        "computedAt", time(rs, "computed_at"), "overdue", left.isNegative(), "secondsLeft", left.toSeconds(),
        "timeLeft", CaseLabels.timeLeft(left));
  }

  // ---------------------------------------------------------------------------------------------
  // the case list

  /** A page of the case list. */
  public record Page(int page, int size, long total, List<Map<String, Object>> items,
      List<Map<String, String>> states) {}

  /**
   * Cases matching {@code q} (tracking number, product, developer — as filed or in coordination —,
   * site, summary), {@code state} ("open", "closed" or a state code), received between {@code from}
   * and {@code to} (dates in Japan time, inclusive); newest first; {@code page} from 1.
   */
  public Page search(String q, String state, LocalDate from, LocalDate to, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q != null && !q.isBlank()) {
      String like = "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" AND (LOWER(c.tracking_number) LIKE ? ESCAPE '\\' OR LOWER(c.product_name) LIKE ? ESCAPE '\\'"
          + " OR LOWER(c.product_developer) LIKE ? ESCAPE '\\' OR LOWER(c.website_url) LIKE ? ESCAPE '\\'"
          + " OR LOWER(c.summary) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM vr_coordination k JOIN vr_developer d"
          + " ON d.id = k.developer_id WHERE k.tracking_number = c.tracking_number AND LOWER(d.name) LIKE ? ESCAPE '\\'))");
      for (int i = 0; i < 6; i++) {
        args.add(like);
      }
    }
    List<String> finals = Arrays.stream(CaseState.values()).filter(CaseState::isFinal).map(Enum::name).toList();
    String inFinals = " IN (" + String.join(", ", finals.stream().map(s -> "'" + s + "'").toList()) + ")";
    if (state != null && !state.isBlank()) {
      switch (state.strip().toLowerCase()) {
        case "open" -> where.append(" AND c.state NOT").append(inFinals);
        case "closed" -> where.append(" AND c.state").append(inFinals);
        default -> {
          where.append(" AND c.state = ?");
          args.add(CaseState.valueOf(state.strip().toUpperCase()).name());
        }
      }
    }
    if (from != null) {
      where.append(" AND c.received_at >= ?");
      args.add(Timestamp.from(from.atStartOfDay(JST).toInstant()));
    }
    if (to != null) {
      where.append(" AND c.received_at < ?");
      args.add(Timestamp.from(to.plusDays(1).atStartOfDay(JST).toInstant()));
    }
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case c" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add((long) (page - 1) * size);
    pageArgs.add(size);
    List<Map<String, Object>> items = jdbc.query("SELECT * FROM vr_case c" + where
        + " ORDER BY c.received_at DESC, c.tracking_number DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (rs, i) -> {
          Map<String, Object> m = caseRow(rs, i);
          m.remove("reporterId");
          m.remove("discontinuationReason");
          m.put("dossierUrl", "/api/cases/" + rs.getString("tracking_number"));
          return m;
        }, pageArgs.toArray());
    return new Page(page, size, total, items, states());
  }

  /** Every state with its label, for the case list's choice. */
  public static List<Map<String, String>> states() {
    return Arrays.stream(CaseState.values()).map(s -> Map.of("code", s.name(), "label", s.ja())).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // the deadline board

  /**
   * Every open deadline across open cases, most urgent first: the government notices (open ones with
   * their time left or overdue, and sent ones that were late, by how much), the verification
   * time-box until verified, the publication target until published, and the stages waiting in
   * the processes ({@code waiting}: "trackingNumber|KIND" of the tasks and timers that wait on a
   * deadline of that kind, see {@link WaitingDeadlines}), with counts
   * of cases by state.
   */
  public Map<String, Object> openDeadlines(java.util.Set<String> waiting) {
    List<Map<String, Object>> items = new ArrayList<>();
    // government notices: from their own register (the deadline runs from recognition)
    items.addAll(jdbc.query("SELECT n.*, c.summary, c.state FROM vr_government_notification n JOIN vr_case c "
        + "ON c.tracking_number = n.tracking_number WHERE n.deadline_at IS NOT NULL AND (n.sent_at IS NULL "
        + "OR n.late_by_seconds > 0) AND (n.notifiable IS NULL OR n.notifiable = TRUE)", (rs, i) -> {
          OffsetDateTime due = odt(rs, "deadline_at");
          boolean sent = rs.getTimestamp("sent_at") != null;
          Duration left = Duration.between(now(), due);
          Long late = (Long) rs.getObject("late_by_seconds", Long.class);
          Map<String, Object> m = boardItem(rs, "GOVERNMENT_NOTICE", due);
          m.put("group", "政府通知");
          m.put("sent", sent);
          m.put("sentAt", time(rs, "sent_at"));
          m.put("overdue", !sent && left.isNegative());
          m.put("secondsLeft", sent ? null : left.toSeconds());
          m.put("timeLeft", sent ? "通知済み（" + CaseLabels.duration(Duration.ofSeconds(late)) + " 遅延）"
              : CaseLabels.timeLeft(left));
          m.put("lateBySeconds", late);
          m.put("rule", "速やかに（認知から。期限方針 版" + rs.getObject("policy_version") + "）");
          return m;
        }));
    // the register's deadlines of open cases: the newest computation of each kind
    List<String> finals = Arrays.stream(CaseState.values()).filter(CaseState::isFinal).map(s -> "'" + s + "'").toList();
    List<Map<String, Object>> rows = jdbc.query("SELECT d.*, c.summary, c.state, c.verified_at, c.published_at "
        + "FROM vr_deadline d JOIN vr_case c ON c.tracking_number = d.tracking_number "
        + "WHERE c.state NOT IN (" + String.join(", ", finals) + ") AND d.kind <> 'GOVERNMENT_NOTICE' "
        + "AND d.computed_at = (SELECT MAX(e.computed_at) FROM vr_deadline e WHERE e.tracking_number = d.tracking_number "
        + "AND e.kind = d.kind)", (rs, i) -> {
          String kind = rs.getString("kind");
          String tn = rs.getString("tracking_number");
          OffsetDateTime due = odt(rs, "due_at");
          boolean open = switch (kind) {
            case "VERIFICATION" -> rs.getTimestamp("verified_at") == null;
            case "PUBLICATION_TARGET" -> rs.getTimestamp("published_at") == null;
            default -> waiting.contains(tn + "|" + kind);
          };
          if (!open) {
            return null;
          }
          Map<String, Object> m = boardItem(rs, kind, due);
          Duration left = Duration.between(now(), due);
          m.put("group", kind.startsWith("WEBSITE") ? "運営者への連絡"
              : kind.startsWith("DEVELOPER") || kind.equals("PRODUCT_LISTING") || kind.equals("COMMITTEE_REFERRAL")
                  ? "製品開発者との調整" : kind.startsWith("PUBLICATION") ? "公表" : kind.equals("VERIFICATION") ? "検証"
                  : "受付・その他");
          m.put("overdue", left.isNegative());
          m.put("secondsLeft", left.toSeconds());
          m.put("timeLeft", CaseLabels.timeLeft(left));
          m.put("rule", rs.getInt("amount") + CaseLabels.label(CaseLabels.UNITS, rs.getString("unit"))
              + (rs.getString("basis") == null ? "" : "（" + rs.getString("basis") + "）"));
          m.put("policyVersion", rs.getInt("policy_version"));
          return m;
        });
    rows.stream().filter(java.util.Objects::nonNull).forEach(items::add);
    // most urgent first: overdue and open by how late, then the least time left; late notices already sent last
    items.sort(Comparator.<Map<String, Object>, Boolean>comparing(m -> Boolean.TRUE.equals(m.get("sent")))
        .thenComparing(m -> (String) m.get("dueAt")));
    Map<String, Object> board = new LinkedHashMap<>();
    board.put("now", jst(now()));
    board.put("deadlines", items);
    board.put("overdueCount", items.stream().filter(m -> Boolean.TRUE.equals(m.get("overdue"))).count());
    board.put("countsByState", jdbc.query("SELECT state, COUNT(*) AS n FROM vr_case GROUP BY state ORDER BY state",
        (rs, i) -> {
          CaseState s = CaseState.valueOf(rs.getString("state"));
          return map("state", s.name(), "stateLabel", s.ja(), "closed", s.isFinal(), "count", rs.getLong("n"));
        }));
    return board;
  }

  private Map<String, Object> boardItem(ResultSet rs, String kind, OffsetDateTime due) throws SQLException {
    CaseState s = CaseState.valueOf(rs.getString("state"));
    return map("trackingNumber", rs.getString("tracking_number"), "summary", rs.getString("summary"),
        "state", s.name(), "stateLabel", s.ja(), "kind", kind,
        "kindLabel", CaseLabels.label(CaseLabels.DEADLINE_KINDS, kind), "dueAt", jst(due),
        "dossierUrl", "/api/cases/" + rs.getString("tracking_number"));
  }

  /** The open cases' process instances to look at for waiting tasks and timers. */
  public List<String> openTrackingNumbers() {
    List<String> finals = Arrays.stream(CaseState.values()).filter(CaseState::isFinal).map(s -> "'" + s + "'").toList();
    return jdbc.queryForList("SELECT tracking_number FROM vr_case WHERE state NOT IN (" + String.join(", ", finals)
        + ")", String.class);
  }

  public Optional<String> exists(String tn) {
    return jdbc.queryForList("SELECT tracking_number FROM vr_case WHERE tracking_number = ?", String.class, tn)
        .stream().findFirst();
  }

  // ---------------------------------------------------------------------------------------------

  private static String eventLabel(String type) {
    if (type.startsWith("STATE_")) {
      try {
        return "状態の変更: " + CaseState.valueOf(type.substring(6)).ja();
      } catch (IllegalArgumentException e) {
        return type;
      }
    }
    if (type.startsWith("VENDOR_")) {
      return "製品開発者への連絡の判断: " + CaseLabels.label(CaseLabels.VENDOR_DECISIONS, type.substring(7));
    }
    return CaseLabels.label(CaseLabels.EVENTS, type);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).atZoneSameInstant(JST).toOffsetDateTime();
  }

  private static OffsetDateTime odt(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atZone(JST).toOffsetDateTime();
  }

  private static String time(ResultSet rs, String column) throws SQLException {
    return jst(odt(rs, column));
  }

  /** ISO-8601 in Japan time (e.g. 2026-11-26T09:00:00+09:00). */
  static String jst(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(JST).toOffsetDateTime().withNano(0).toString();
  }

  private static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024));
  }

  private static String nz(Object value, String otherwise) {
    return value == null ? otherwise : value.toString();
  }

  /** An ordered map from key, value pairs (values may be null). */
  /** The Japanese name of a recorded kind (null when not recorded). */
  private static String kindLabel(Map<String, String[]> kinds, String code) {
    return code == null ? null : kinds.containsKey(code) ? kinds.get(code)[0] : code;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
