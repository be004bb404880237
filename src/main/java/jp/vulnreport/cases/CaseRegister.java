package jp.vulnreport.cases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case register: one row per report with its state and key dates, the discoverer's personal
 * data (kept here only), and a timeline of who did what.
 */
@Service
@Transactional
public class CaseRegister {

  public static final String SYSTEM = "system";

  private static final String CASE_COLUMNS = "tracking_number, category, state, channel, reporter_id, "
      + "product_developer, product_name, website_url, summary, process_instance_id, received_at, accepted_at, "
      + "not_accepted_at, non_acceptance_reason, verified_at, cvss_vector, cvss_score, exploitation_status, "
      + "handed_off_at, discontinued_at, discontinuation_reason, closed_at, start_date_at, details_sent_at, published_at";

  /** Published when a case is closed (not accepted, discontinued, ...), in the closing transaction. */
  public record CaseClosed(String trackingNumber) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public CaseRegister(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** Now, to the millisecond (the engine's precision, so register and engine times compare equal). */
  public OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  public String createReporter(ReporterData r) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO vr_reporter (id, name, organization, email, phone, share_contact_with_developer, "
            + "credit_wanted, credit_display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, r.name(), r.organization(), r.email(), r.phone(), r.shareContactWithDeveloper(),
        r.creditWanted(), r.creditDisplayName());
    return id;
  }

  public Optional<ReporterData> reporter(String reporterId) {
    return jdbc.query("SELECT * FROM vr_reporter WHERE id = ?", (rs, i) -> new ReporterData(
        rs.getString("name"), rs.getString("organization"), rs.getString("email"), rs.getString("phone"),
        rs.getBoolean("share_contact_with_developer"), rs.getBoolean("credit_wanted"),
        rs.getString("credit_display_name")), reporterId).stream().findFirst();
  }

  public void create(NewCase c) {
    OffsetDateTime now = now();
    jdbc.update("INSERT INTO vr_case (tracking_number, category, state, channel, reporter_id, product_developer, "
            + "product_name, website_url, summary, report_json, received_at, consented_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.trackingNumber(), c.category(), CaseState.RECEIVED.name(), c.channel(), c.reporterId(),
        c.productDeveloper(), c.productName(), c.websiteUrl(), c.summary(),
        c.reportJson(), now, now);
    event(c.trackingNumber(), SYSTEM, "RECEIVED", "channel " + c.channel());
  }

  public void linkProcessInstance(String trackingNumber, String processInstanceId) {
    jdbc.update("UPDATE vr_case SET process_instance_id = ? WHERE tracking_number = ?",
        processInstanceId, trackingNumber);
  }

  @Transactional(readOnly = true)
  public Optional<CaseRecord> find(String trackingNumber) {
    return jdbc.query("SELECT " + CASE_COLUMNS + " FROM vr_case WHERE tracking_number = ?", CASE_ROW,
        trackingNumber).stream().findFirst();
  }

  public CaseRecord get(String trackingNumber) {
    return find(trackingNumber).orElseThrow(() -> new CaseNotFoundException(trackingNumber));
  }

  /** Earlier cases about the same product or developer: candidates for "known or duplicate". */
  @Transactional(readOnly = true)
  public List<CaseRecord> similarTo(CaseRecord c, int limit) {
    return jdbc.query("SELECT " + CASE_COLUMNS + " FROM vr_case WHERE tracking_number <> ? AND ("
            + "(product_name IS NOT NULL AND LOWER(product_name) = LOWER(?)) "
            + "OR (product_developer IS NOT NULL AND LOWER(product_developer) = LOWER(?)) "
            + "OR (website_url IS NOT NULL AND website_url = ?)) ORDER BY received_at DESC FETCH FIRST "
            + limit + " ROWS ONLY",
        CASE_ROW, c.trackingNumber(), c.productName(), c.productDeveloper(), c.websiteUrl());
  }

  public void transition(String trackingNumber, CaseState to, String actor) {
    int n = jdbc.update("UPDATE vr_case SET state = ? WHERE tracking_number = ?", to.name(), trackingNumber);
    if (n == 0) {
      throw new CaseNotFoundException(trackingNumber);
    }
    event(trackingNumber, actor, "STATE_" + to.name(), to.ja());
  }

  public void markAccepted(String trackingNumber, String actor) {
    jdbc.update("UPDATE vr_case SET accepted_at = ? WHERE tracking_number = ?", now(), trackingNumber);
    transition(trackingNumber, CaseState.ACCEPTED, actor);
  }

  public void markNotAccepted(String trackingNumber, NonAcceptanceReason reason, String actor) {
    OffsetDateTime now = now();
    jdbc.update("UPDATE vr_case SET not_accepted_at = ?, closed_at = ?, non_acceptance_reason = ? "
        + "WHERE tracking_number = ?", now, now, reason.name(), trackingNumber);
    transition(trackingNumber, CaseState.NOT_ACCEPTED, actor);
    event(trackingNumber, actor, "NOT_ACCEPTED", reason.name());
    events.publishEvent(new CaseClosed(trackingNumber));
  }

  public void markVerified(String trackingNumber, String cvssVector, BigDecimal score,
      String exploitationStatus, String actor) {
    jdbc.update("UPDATE vr_case SET verified_at = ?, cvss_vector = ?, cvss_score = ?, exploitation_status = ? "
        + "WHERE tracking_number = ?", now(), cvssVector, score, exploitationStatus, trackingNumber);
    event(trackingNumber, actor, "VERIFIED", "CVSS " + cvssVector + " (" + score + "), exploitation "
        + exploitationStatus);
  }

  /** A website's facts for the government criteria, recorded at substantive check (it has no verification). */
  public void recordWebsiteFacts(String trackingNumber, String exploitationStatus, String detail, String actor) {
    jdbc.update("UPDATE vr_case SET exploitation_status = ? WHERE tracking_number = ?", exploitationStatus,
        trackingNumber);
    event(trackingNumber, actor, "WEBSITE_FACTS", detail);
  }

  public void markHandedOff(String trackingNumber, String actor) {
    jdbc.update("UPDATE vr_case SET handed_off_at = ? WHERE tracking_number = ?", now(), trackingNumber);
    transition(trackingNumber, CaseState.HANDED_OFF, actor);
  }

  public void markDiscontinued(String trackingNumber, String reason, String actor) {
    OffsetDateTime now = now();
    jdbc.update("UPDATE vr_case SET discontinued_at = ?, closed_at = ?, discontinuation_reason = ? "
        + "WHERE tracking_number = ?", now, now, reason, trackingNumber);
    transition(trackingNumber, CaseState.DISCONTINUED, actor);
    events.publishEvent(new CaseClosed(trackingNumber));
  }

  /**
   * A case ends with an outcome of website handling (fixed, unresponsive, disputed) or of
   * coordination (published, closed after notice, closed without publication).
   */
  public void close(String trackingNumber, CaseState outcome, String actor) {
    if (!outcome.isFinal() || outcome == CaseState.DISCONTINUED || outcome == CaseState.NOT_ACCEPTED) {
      throw new IllegalArgumentException(outcome + " is not an outcome of handling");
    }
    jdbc.update("UPDATE vr_case SET closed_at = ? WHERE tracking_number = ?", now(), trackingNumber);
    transition(trackingNumber, outcome, actor);
    events.publishEvent(new CaseClosed(trackingNumber));
  }

  /** The details went to a developer (詳細情報連絡日); the first time counts for the case. Kept once set. */
  public void recordDetailsSent(String trackingNumber, OffsetDateTime at, String actor) {
    if (jdbc.update("UPDATE vr_case SET details_sent_at = ? WHERE tracking_number = ? AND details_sent_at IS NULL",
        at, trackingNumber) > 0) {
      event(trackingNumber, actor, "DETAILS_SENT", at.toString());
    }
  }

  /** Receipt staff file a report under the right category (and the site's address, for a website). */
  public void recategorise(String trackingNumber, String category, String websiteUrl, String actor) {
    CaseRecord c = get(trackingNumber);
    if (c.category().equals(category) && (websiteUrl == null || websiteUrl.equals(c.websiteUrl()))) {
      return;
    }
    jdbc.update("UPDATE vr_case SET category = ?, website_url = COALESCE(?, website_url) WHERE tracking_number = ?",
        category, websiteUrl, trackingNumber);
    event(trackingNumber, actor, "RECATEGORISED", c.category() + " -> " + category
        + (websiteUrl == null ? "" : " (" + websiteUrl + ")"));
  }

  /**
   * Erases the discoverer's personal data from the register (name, organisation, mail, phone,
   * credit name); false when it was erased before. The row stays, with the time of erasure.
   */
  public boolean eraseReporter(String reporterId) {
    return jdbc.update("UPDATE vr_reporter SET name = NULL, organization = NULL, email = NULL, phone = NULL, "
        + "credit_display_name = NULL, erased_at = ? WHERE id = ? AND erased_at IS NULL", now(), reporterId) > 0;
  }

  /** The start date (起算日): when the developer was first contacted. Kept once set. */
  public void recordStartDate(String trackingNumber, OffsetDateTime at, String actor) {
    if (jdbc.update("UPDATE vr_case SET start_date_at = ? WHERE tracking_number = ? AND start_date_at IS NULL",
        at, trackingNumber) > 0) {
      event(trackingNumber, actor, "START_DATE", at.toString());
    }
  }

  /**
   * One of the kinds IPA's quarterly report counts by (column website_fix_kind, operator_kind or
   * product_kind; codes of {@link CaseKinds}), as the staff chose it; a change is on the timeline.
   */
  public void recordKind(String trackingNumber, String column, String code, String actor) {
    java.util.Map<String, String[]> kinds = switch (column) {
      case "website_fix_kind" -> CaseKinds.WEBSITE_FIX;
      case "operator_kind" -> CaseKinds.OPERATOR;
      case "product_kind" -> CaseKinds.PRODUCT;
      default -> throw new IllegalArgumentException("no kind column " + column);
    };
    if (!kinds.containsKey(code)) {
      throw new IllegalArgumentException(code + " is not a " + column);
    }
    if (jdbc.update("UPDATE vr_case SET " + column + " = ? WHERE tracking_number = ? AND (" + column
        + " IS NULL OR " + column + " <> ?)", code, trackingNumber, code) > 0) {
      event(trackingNumber, actor, "KIND_RECORDED", column + " " + code);
    }
  }

  /** The code recorded in a kind column (website_fix_kind, operator_kind, product_kind), or null. */
  public String kind(String trackingNumber, String column) {
    if (!java.util.Set.of("website_fix_kind", "operator_kind", "product_kind").contains(column)) {
      throw new IllegalArgumentException("no kind column " + column);
    }
    return jdbc.query("SELECT " + column + " FROM vr_case WHERE tracking_number = ?", (rs, i) -> rs.getString(1),
        trackingNumber).stream().findFirst().orElse(null);
  }

  /** The advisory was published: from now on the publication date is public. */
  public void recordPublished(String trackingNumber, OffsetDateTime at, String actor) {
    jdbc.update("UPDATE vr_case SET published_at = ? WHERE tracking_number = ?", at, trackingNumber);
    event(trackingNumber, actor, "PUBLISHED", at.toString());
  }

  public void event(String trackingNumber, String actor, String type, String detail) {
    jdbc.update("INSERT INTO vr_case_event (tracking_number, occurred_at, actor, event_type, detail) "
            + "VALUES (?, ?, ?, ?, ?)", trackingNumber, now(), actor == null ? SYSTEM : actor, type,
        detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail);
  }

  @Transactional(readOnly = true)
  public List<CaseEvent> timeline(String trackingNumber) {
    return jdbc.query("SELECT occurred_at, actor, event_type, detail FROM vr_case_event "
            + "WHERE tracking_number = ? ORDER BY id",
        (rs, i) -> new CaseEvent(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
            rs.getString("event_type"), rs.getString("detail")), trackingNumber);
  }

  private static final RowMapper<CaseRecord> CASE_ROW = (ResultSet rs, int i) -> new CaseRecord(
      rs.getString("tracking_number"), rs.getString("category"), CaseState.valueOf(rs.getString("state")),
      rs.getString("channel"), rs.getString("reporter_id"), rs.getString("product_developer"),
      rs.getString("product_name"), rs.getString("website_url"), rs.getString("summary"),
      rs.getString("process_instance_id"), ts(rs, "received_at"), ts(rs, "accepted_at"),
      ts(rs, "not_accepted_at"), reason(rs.getString("non_acceptance_reason")), ts(rs, "verified_at"),
      rs.getString("cvss_vector"), rs.getBigDecimal("cvss_score"), rs.getString("exploitation_status"),
      ts(rs, "handed_off_at"), ts(rs, "discontinued_at"), rs.getString("discontinuation_reason"),
      ts(rs, "closed_at"), ts(rs, "start_date_at"), ts(rs, "details_sent_at"), ts(rs, "published_at"));

  private static OffsetDateTime ts(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  private static NonAcceptanceReason reason(String s) {
    return s == null ? null : NonAcceptanceReason.valueOf(s);
  }
}
