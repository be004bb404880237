package jp.vulnreport.government;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.intake.StoredReports;
import jp.vulnreport.notification.Attachment;
import jp.vulnreport.notification.MailRecords;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The government-notification track of a case (サイバー対処能力強化法): criteria, recognition (認知)
 * and its "promptly" clock, the four-eyes notice with its CSAF attachment, the vendor, the Cabinet
 * Office's acknowledgement and follow-up updates. Every step is recorded in
 * VR_GOVERNMENT_NOTIFICATION, the evidence that the notice went out in time.
 */
@Service
@Transactional
public class GovernmentNotices {

  public static final String NOTICE_DEADLINE = "GOVERNMENT_NOTICE";

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final GovernmentCriteria criteria;
  private final Deadlines deadlines;
  private final CsafNoticeBuilder csaf;
  private final CsafValidator validator;
  private final MailService mail;
  private final ObjectMapper mapper;
  private final StoredReports reports;
  private final VendorRequests vendor;

  public GovernmentNotices(JdbcTemplate jdbc, CaseRegister register, GovernmentCriteria criteria,
      Deadlines deadlines, CsafNoticeBuilder csaf, CsafValidator validator, MailService mail, ObjectMapper mapper,
      StoredReports reports, VendorRequests vendor) {
    this.vendor = vendor;
    this.reports = reports;
    this.jdbc = jdbc;
    this.register = register;
    this.criteria = criteria;
    this.deadlines = deadlines;
    this.csaf = csaf;
    this.validator = validator;
    this.mail = mail;
    this.mapper = mapper;
  }

  /** Opens (or re-opens) the track for a case and evaluates the criteria on what is known now. */
  public GovernmentNotification open(String trackingNumber, String openedOn, GovernmentCriteria.Facts facts) {
    GovernmentCriteria.Result r = criteria.evaluate(facts);
    Optional<GovernmentNotification> existing = find(trackingNumber);
    if (existing.isEmpty()) {
      jdbc.update("INSERT INTO vr_government_notification (tracking_number, opened_at, opened_on, status) "
          + "VALUES (?, ?, ?, 'RECOGNITION_PENDING')", trackingNumber, register.now(), openedOn);
      register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_TRACK_OPENED", openedOn);
    }
    if (existing.isPresent() && ("REEVALUATION".equals(openedOn) || r.notifiable() && !"ACCEPTED".equals(openedOn))
        && Boolean.FALSE.equals(existing.get().notifiable())) {
      // judged not notifiable before; the new facts (asked for, or the criteria now met on a later path:
      // the case's end, the developers identified) get a new recognition (the old one stays in the timeline)
      jdbc.update("UPDATE vr_government_notification SET recognised_at = NULL, recognised_by = NULL, notifiable = NULL, "
          + "grounds = NULL, override_reason = NULL, status = 'RECOGNITION_PENDING' WHERE tracking_number = ?",
          trackingNumber);
      register.event(trackingNumber, CaseRegister.SYSTEM, "RECOGNITION_REOPENED", "previously not notifiable, "
          + "recognised by " + existing.get().recognisedBy() + " at " + existing.get().recognisedAt());
      existing = find(trackingNumber);
    }
    if (existing.isEmpty() || existing.get().recognisedAt() == null) {
      jdbc.update("UPDATE vr_government_notification SET criteria_notifiable = ?, criteria_grounds = ?, "
              + "criteria_urgency = ? WHERE tracking_number = ?",
          r.notifiable(), String.join(",", r.grounds()), r.urgency(), trackingNumber);
    }
    return get(trackingNumber);
  }

  public GovernmentCriteria.Result criteria(GovernmentCriteria.Facts facts) {
    return criteria.evaluate(facts);
  }

  /**
   * Recognition (認知): the analyst confirms or overrides the criteria. Who and when are recorded and,
   * when notifiable, the "promptly" clock starts: the GOVERNMENT_NOTICE deadline from the policy, for
   * the case's exploitation status and priority (SSVC outcome; urgent criteria count as ACT).
   */
  public GovernmentNotification recognise(String trackingNumber, boolean notifiable, String grounds,
      String overrideReason, String actor, String exploitation, String urgency, String priority) {
    GovernmentNotification n = get(trackingNumber);
    if (n.recognisedAt() != null) {
      throw new IllegalStateException(trackingNumber + " was already recognised at " + n.recognisedAt());
    }
    boolean overrides = n.criteriaNotifiable() != null && n.criteriaNotifiable() != notifiable;
    if (overrides && (overrideReason == null || overrideReason.isBlank())) {
      throw new IllegalArgumentException("基準の判定と異なる判断には理由が必要です"
          + " / a decision that differs from the criteria needs a reason");
    }
    OffsetDateTime now = register.now();
    Deadlines.Deadline deadline = notifiable
        ? deadlines.compute(trackingNumber, NOTICE_DEADLINE, now, exploitation, "URGENT".equals(urgency) ? "ACT" : priority)
        : null;
    jdbc.update("UPDATE vr_government_notification SET recognised_at = ?, recognised_by = ?, notifiable = ?, "
            + "grounds = ?, override_reason = ?, deadline_at = ?, policy_version = ?, status = ? "
            + "WHERE tracking_number = ?",
        now, actor, notifiable, grounds, overrides ? overrideReason.strip() : null,
        deadline == null ? null : deadline.dueAt(), deadline == null ? null : deadline.policyVersion(),
        notifiable ? "NOTIFY_DUE" : "NOT_REQUIRED", trackingNumber);
    register.event(trackingNumber, actor, "RECOGNISED", (notifiable ? "notifiable" : "not notifiable")
        + (overrides ? " (overrides the criteria)" : "") + (deadline == null ? "" : ", notice due " + deadline.dueAt()));
    return get(trackingNumber);
  }

  /** Exploitation information shortened the notice's deadline (only while the notice is not sent). */
  public void deadlineShortened(String trackingNumber, OffsetDateTime due, int policyVersion) {
    if (jdbc.update("UPDATE vr_government_notification SET deadline_at = ?, policy_version = ? "
        + "WHERE tracking_number = ? AND sent_at IS NULL AND deadline_at IS NOT NULL AND deadline_at > ?",
        due, policyVersion, trackingNumber, due) > 0) {
      register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_DEADLINE_SHORTENED", "notice due " + due);
    }
  }

  /**
   * The draft: who drafted it and the TLP chosen (a granted zero-day handling request makes the notice
   * TLP:RED whatever is chosen here; requests are recorded and weighed in ZeroDayRequest, not here).
   */
  public void drafted(String trackingNumber, String actor, String tlp) {
    if (!"AMBER".equals(tlp) && !"RED".equals(tlp)) {
      throw new IllegalArgumentException("TLP must be AMBER or RED, not " + tlp);
    }
    jdbc.update("UPDATE vr_government_notification SET drafted_by = ?, approved_by = NULL, tlp = ? "
        + "WHERE tracking_number = ?", actor, tlp, trackingNumber);
    register.event(trackingNumber, actor, "NOTICE_DRAFTED", "TLP:" + tlp);
  }

  /** The second person's approval; the drafter cannot approve (four eyes). */
  public void approved(String trackingNumber, String actor) {
    approved(trackingNumber, actor, null);
  }

  /** The approval of exactly the notice whose {@link #approvalHash} is {@code hash} (recorded in the timeline). */
  public void approved(String trackingNumber, String actor, String hash) {
    GovernmentNotification n = get(trackingNumber);
    if (n.draftedBy() == null) {
      throw new IllegalStateException("the notice of " + trackingNumber + " has not been drafted");
    }
    if (n.draftedBy().equals(actor)) {
      throw new FourEyesViolationException(actor);
    }
    jdbc.update("UPDATE vr_government_notification SET approved_by = ? WHERE tracking_number = ?", actor,
        trackingNumber);
    register.event(trackingNumber, actor, "NOTICE_APPROVED", "drafted by " + n.draftedBy()
        + (hash == null ? "" : ", notice and CSAF sha256 " + hash));
  }

  public void rejected(String trackingNumber, String actor, String comment) {
    GovernmentNotification n = get(trackingNumber);
    if (actor.equals(n.draftedBy())) {
      throw new FourEyesViolationException(actor);
    }
    register.event(trackingNumber, actor, "NOTICE_RETURNED", comment);
  }

  /** The deadline passed before the notice went out: flag the case (the notice can still go, late). */
  public void flagOverdue(String trackingNumber) {
    jdbc.update("UPDATE vr_government_notification SET overdue_flagged_at = ? WHERE tracking_number = ? "
        + "AND sent_at IS NULL AND overdue_flagged_at IS NULL", register.now(), trackingNumber);
    register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_NOTICE_OVERDUE", "deadline "
        + get(trackingNumber).deadlineAt());
  }

  /** The CSAF document's time in the approval hash: its release dates are the time of sending. */
  static final OffsetDateTime HASH_TIME = OffsetDateTime.parse("2000-01-01T00:00:00Z");

  /** The notice mail's text as the template gives it (the liaison may edit it before approval). */
  public String defaultNoticeText(String trackingNumber) {
    return mail.preview(trackingNumber, "government-notice-text", Recipient.CABINET_OFFICE, null, java.util.Map.of())
        .body();
  }

  /** The CSAF document the notice would carry if sent now, as JSON text (pretty when it fits a form field). */
  public String csafPreview(String trackingNumber) {
    JsonNode doc = csafDocument(register.get(trackingNumber), get(trackingNumber));
    try {
      String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
      if (pretty.length() <= 4000) {
        return pretty;
      }
      String compact = mapper.writeValueAsString(doc);
      // a form field (and a Camunda text variable) holds 4,000 characters; the approval's hash covers it all
      return compact.length() <= 4000 ? compact
          : compact.substring(0, 3900) + "\n…（長いため以下を省略しました。全 " + compact.length() + " 文字）";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What an approval covers: the notice text and the CSAF document as they will be sent (the
   * document's release dates, set when it is sent, excepted). A change after approval changes it.
   */
  public String approvalHash(String trackingNumber, String noticeText) {
    CaseRecord c = register.get(trackingNumber);
    GovernmentNotification n = get(trackingNumber);
    JsonNode doc = csaf.build(c, reports.get(trackingNumber), n, n.effectiveTlp(), HASH_TIME);
    try {
      return jp.vulnreport.Sha256.hex((noticeText == null ? "" : noticeText) + "\n" + mapper.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The approved notice changed before it went out: the approval no longer holds. */
  public void approvalVoided(String trackingNumber, String reason) {
    jdbc.update("UPDATE vr_government_notification SET approved_by = NULL WHERE tracking_number = ? AND sent_at IS NULL",
        trackingNumber);
    register.event(trackingNumber, CaseRegister.SYSTEM, "NOTICE_APPROVAL_VOIDED", reason);
  }

  /**
   * Locks the case's notice row until the transaction ends. The notice-send job and a zero-day
   * decision both take it first, so that either the notice is built after the decision committed
   * (and carries a grant) or the decision sees the notice as sent (and sends the grant as an update).
   */
  public void lock(String trackingNumber) {
    jdbc.query("SELECT tracking_number FROM vr_government_notification WHERE tracking_number = ? FOR UPDATE",
        rs -> { }, trackingNumber);
  }

  /** Sends the approved notice with its CSAF attachment to the Cabinet Office and records its timeliness. */
  public GovernmentNotification send(String trackingNumber, String idempotencyKey) {
    return send(trackingNumber, idempotencyKey, defaultNoticeText(trackingNumber));
  }

  /** Sends the approved notice, with the text the liaison drafted, and its CSAF attachment. */
  public GovernmentNotification send(String trackingNumber, String idempotencyKey, String noticeText) {
    lock(trackingNumber);
    GovernmentNotification n = get(trackingNumber);
    if (n.approvedBy() == null) {
      throw new IllegalStateException("the notice of " + trackingNumber + " is not approved");
    }
    CaseRecord c = register.get(trackingNumber);
    JsonNode document = csafDocument(c, n);
    validator.check(document);
    byte[] json;
    try {
      json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    MailRecords.MailRecord sent = mail.send(idempotencyKey, trackingNumber, "government-notice",
        Recipient.CABINET_OFFICE, null, java.util.Map.of("noticeText", noticeText),
        List.of(new Attachment(trackingNumber + ".csaf.json", "application/json", json)));
    long late = Math.max(0, Duration.between(n.deadlineAt(), sent.sentAt()).getSeconds());
    jdbc.update("UPDATE vr_government_notification SET sent_at = ?, message_id = ?, late_by_seconds = ?, "
        + "status = 'NOTIFIED' WHERE tracking_number = ? AND sent_at IS NULL", sent.sentAt(), sent.messageId(), late,
        trackingNumber);
    register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_NOTIFIED",
        late == 0 ? "on time" : "late by " + Duration.ofSeconds(late));
    return get(trackingNumber);
  }

  /** The CSAF document the notice carries (also for review before sending). */
  public JsonNode csafDocument(CaseRecord c, GovernmentNotification n) {
    return csaf.build(c, reports.get(c.trackingNumber()), n, n.effectiveTlp(), register.now());
  }

  public void vendorDecision(String trackingNumber, String decision, boolean informed, String actor) {
    jdbc.update("UPDATE vr_government_notification SET vendor_decision = ?, vendor_informed_at = ? "
        + "WHERE tracking_number = ?", decision, informed ? register.now() : null, trackingNumber);
    register.event(trackingNumber, actor, "VENDOR_" + decision, null);
  }

  public void acknowledged(String trackingNumber, String via, String actor) {
    jdbc.update("UPDATE vr_government_notification SET acknowledged_at = ?, acknowledged_via = ?, "
        + "status = 'ACKNOWLEDGED' WHERE tracking_number = ?", register.now(), via, trackingNumber);
    register.event(trackingNumber, actor, "GOVERNMENT_ACKNOWLEDGED", via);
  }

  public void updateSent(String trackingNumber, String update) {
    jdbc.update("UPDATE vr_government_notification SET updates_sent = updates_sent + 1 WHERE tracking_number = ?",
        trackingNumber);
    register.event(trackingNumber, CaseRegister.SYSTEM, "GOVERNMENT_UPDATE_SENT", update);
  }

  @Transactional(readOnly = true)
  public Optional<GovernmentNotification> find(String trackingNumber) {
    // the zero-day handling that travels with the notice: the granted requests (VendorRequests), not a typed text
    return jdbc.query("SELECT * FROM vr_government_notification WHERE tracking_number = ?", GovernmentNotices::row,
        trackingNumber).stream().findFirst()
        .map(n -> n.withZeroDayRequest(vendor.grantedText(trackingNumber).orElse(null)));
  }

  public GovernmentNotification get(String trackingNumber) {
    return find(trackingNumber).orElseThrow(() -> new IllegalStateException(
        "no government-notification track for " + trackingNumber));
  }

  /** Recognised notifications whose recognition lies in [from, to), oldest first. */
  @Transactional(readOnly = true)
  public List<GovernmentNotification> recognisedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.query("SELECT * FROM vr_government_notification WHERE recognised_at >= ? AND recognised_at < ? "
        + "ORDER BY recognised_at", GovernmentNotices::row, from, to);
  }

  private static GovernmentNotification row(ResultSet rs, int i) throws SQLException {
    return new GovernmentNotification(rs.getString("tracking_number"), ts(rs, "opened_at"), rs.getString("opened_on"),
        rs.getString("status"), bool(rs, "criteria_notifiable"), rs.getString("criteria_grounds"),
        rs.getString("criteria_urgency"), ts(rs, "recognised_at"), rs.getString("recognised_by"),
        bool(rs, "notifiable"), rs.getString("grounds"), rs.getString("override_reason"), ts(rs, "deadline_at"),
        (Integer) rs.getObject("policy_version", Integer.class), rs.getString("drafted_by"),
        rs.getString("approved_by"), rs.getString("tlp"), ts(rs, "overdue_flagged_at"), ts(rs, "sent_at"),
        rs.getString("message_id"), rs.getObject("late_by_seconds", Long.class), ts(rs, "vendor_informed_at"),
        rs.getString("vendor_decision"), rs.getString("zero_day_request"), ts(rs, "acknowledged_at"),
        rs.getString("acknowledged_via"), rs.getInt("updates_sent"));
  }

  private static OffsetDateTime ts(ResultSet rs, String c) throws SQLException {
    return rs.getObject(c, OffsetDateTime.class);
  }

  private static Boolean bool(ResultSet rs, String c) throws SQLException {
    return rs.getObject(c, Boolean.class);
  }
}
