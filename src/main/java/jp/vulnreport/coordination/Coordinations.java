package jp.vulnreport.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination of a case with each of its product developers (VR_COORDINATION): contact dates,
 * the developer's status and statement, the unreachable-developer listing and the committee's
 * decision. The case-level dates (起算日, 詳細情報連絡日) go to the case register.
 */
@Service
@Transactional
public class Coordinations {

  /** Where the developer's part stands. */
  public enum Stage { CONTACT_POINT, RESPONSE, DONE }

  /** The developer's answer about the vulnerability. */
  public enum Status { AFFECTED, NOT_AFFECTED, UNDER_INVESTIGATION }

  /** Whether a fix exists. */
  public enum FixAvailability { NONE, PLANNED, AVAILABLE }

  /** How a developer's part ended. */
  public enum Outcome { READY, NOT_AFFECTED, LOW_IMPACT_NOTIFIED, COMMITTEE_PUBLISH, COMMITTEE_NOT_PUBLISH }

  public record Coordination(String trackingNumber, String developerId, String developerName, String role,
      Stage stage, OffsetDateTime firstContactAt, String contactPointName, String contactPointEmail,
      OffsetDateTime detailsSentAt, Status status, FixAvailability fixAvailability, String fixedVersions,
      String countermeasure, LocalDate proposedPublicationDate, String statement, OffsetDateTime respondedAt,
      String respondedBy, OffsetDateTime listedAt, OffsetDateTime productsListedAt, OffsetDateTime unlistedAt,
      String committeeDecision, String committeeReason, Outcome outcome) {

    /** On the public unreachable-developers list now. */
    public boolean listed() {
      return listedAt != null && unlistedAt == null;
    }
  }

  /** A developer chosen for the case: directly affected, or downstream (the component is in its product). */
  public record Selected(String developerId, String role) {}

  /** What the developer (or a coordinator for it) reports. */
  public record Response(Status status, FixAvailability fixAvailability, String fixedVersions, String countermeasure,
      LocalDate proposedPublicationDate, String statement, String questionForDiscoverer) {

    /** Enough to publish: not affected, or affected with a proposed publication date. */
    public boolean ready() {
      return status == Status.NOT_AFFECTED || status == Status.AFFECTED && proposedPublicationDate != null;
    }
  }

  /** A value of {@code type} from a form's text; null when blank or not one of its values. */
  public static <E extends Enum<E>> E valueOrNull(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final jp.vulnreport.links.PrivateLinks links;

  public Coordinations(JdbcTemplate jdbc, CaseRegister register, jp.vulnreport.links.PrivateLinks links) {
    this.links = links;
    this.jdbc = jdbc;
    this.register = register;
  }

  /** The developers chosen for a case; choosing again keeps what was recorded for developers chosen before. */
  public void open(String trackingNumber, List<Selected> developers, String actor) {
    if (developers.isEmpty()) {
      throw new IllegalArgumentException("at least one developer is needed");
    }
    for (Selected s : developers) {
      if (find(trackingNumber, s.developerId()).isEmpty()) {
        jdbc.update("INSERT INTO vr_coordination (tracking_number, developer_id, role, stage) VALUES (?, ?, ?, ?)",
            trackingNumber, s.developerId(), s.role(), Stage.CONTACT_POINT.name());
        register.event(trackingNumber, actor, "DEVELOPER_IDENTIFIED", s.developerId() + " (" + s.role() + ")");
      }
    }
  }

  /** The cases whose developers were identified and that have not ended, oldest first. */
  @Transactional(readOnly = true)
  public List<String> openCases() {
    return jdbc.queryForList("SELECT DISTINCT c.tracking_number FROM vr_coordination c JOIN vr_case k "
        + "ON k.tracking_number = c.tracking_number WHERE k.closed_at IS NULL ORDER BY c.tracking_number", String.class);
  }

  @Transactional(readOnly = true)
  public List<Coordination> forCase(String trackingNumber) {
    return jdbc.query(SELECT + " WHERE c.tracking_number = ? ORDER BY c.role, d.name", ROW, trackingNumber);
  }

  @Transactional(readOnly = true)
  public Optional<Coordination> find(String trackingNumber, String developerId) {
    return jdbc.query(SELECT + " WHERE c.tracking_number = ? AND c.developer_id = ?", ROW, trackingNumber,
        developerId).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Coordination get(String trackingNumber, String developerId) {
    return find(trackingNumber, developerId).orElseThrow(() -> new CaseNotFoundException(trackingNumber));
  }

  public void stage(String trackingNumber, String developerId, Stage stage) {
    update(trackingNumber, developerId, "stage = ?", stage.name());
  }

  /** The first contact went out: its time is the start date (起算日) when it is the case's first. */
  public void firstContact(String trackingNumber, String developerId, OffsetDateTime at) {
    jdbc.update("UPDATE vr_coordination SET first_contact_at = ? WHERE tracking_number = ? AND developer_id = ? "
        + "AND first_contact_at IS NULL", at, trackingNumber, developerId);
    register.recordStartDate(trackingNumber, at, CaseRegister.SYSTEM);
  }

  public void contactPoint(String trackingNumber, String developerId, String name, String email, String actor) {
    update(trackingNumber, developerId, "contact_point_name = ?, contact_point_email = ?", name, email);
    register.event(trackingNumber, actor, "DEVELOPER_CONTACT_NAMED", developerId + ": " + name);
  }

  /**
   * Personal-data erasure of the case's discoverer: a contact point that is the reporter's own name or
   * mail address (a developer's self-report names its reporter as the contact point) is cleared, name
   * and address both. The developer registry's entry is not touched (the organisation's contact).
   * Returns how many contact points were cleared.
   */
  public int forgetReporterContact(String trackingNumber, String reporterName, String reporterEmail) {
    String name = reporterName == null || reporterName.isBlank() ? null : reporterName.strip();
    String email = reporterEmail == null || reporterEmail.isBlank() ? null : reporterEmail.strip().toLowerCase(java.util.Locale.ROOT);
    if (name == null && email == null) {
      return 0;
    }
    return jdbc.update("UPDATE vr_coordination SET contact_point_name = NULL, contact_point_email = NULL "
        + "WHERE tracking_number = ? AND (LOWER(TRIM(contact_point_email)) = ? OR TRIM(contact_point_name) = ?)",
        trackingNumber, email, name);
  }

  /** The details went to the developer's contact point (詳細情報連絡日). */
  public void detailsSent(String trackingNumber, String developerId, OffsetDateTime at) {
    jdbc.update("UPDATE vr_coordination SET details_sent_at = ? WHERE tracking_number = ? AND developer_id = ? "
        + "AND details_sent_at IS NULL", at, trackingNumber, developerId);
    register.recordDetailsSent(trackingNumber, at, CaseRegister.SYSTEM);
  }

  public void response(String trackingNumber, String developerId, Response r, String actor) {
    update(trackingNumber, developerId, "status = ?, fix_availability = ?, fixed_versions = ?, countermeasure = ?, "
            + "proposed_publication_date = ?, statement = ?, responded_at = ?, responded_by = ?",
        r.status().name(), r.fixAvailability() == null ? null : r.fixAvailability().name(), r.fixedVersions(),
        r.countermeasure(), r.proposedPublicationDate(), r.statement(), register.now(), actor);
    register.event(trackingNumber, actor, "DEVELOPER_RESPONSE", developerId + ": " + r.status()
        + (r.fixAvailability() == null ? "" : ", fix " + r.fixAvailability())
        + (r.proposedPublicationDate() == null ? "" : ", proposed publication " + r.proposedPublicationDate()));
  }

  /** A question for the discoverer, recorded whether or not it may be passed on. */
  public long question(String trackingNumber, String developerId, String question, boolean passedOn) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO vr_developer_question (tracking_number, developer_id, question, "
          + "asked_at, passed_on) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, trackingNumber);
      ps.setString(2, developerId);
      ps.setString(3, question);
      ps.setObject(4, register.now());
      ps.setBoolean(5, passedOn);
      return ps;
    }, keys);
    register.event(trackingNumber, "developer", "DEVELOPER_QUESTION", developerId
        + (passedOn ? ": passed on to the discoverer" : ": not passed on (the discoverer did not consent)"));
    return keys.getKey().longValue();
  }

  @Transactional(readOnly = true)
  public String questionText(long id) {
    return jdbc.queryForObject("SELECT question FROM vr_developer_question WHERE id = ?", String.class, id);
  }

  /**
   * The unreachable-developer listing: the name, then the products, or off the list again. Listing is
   * public and hurts a company: the name and the products are listed only after a coordinator
   * confirmed the listing (Task_ConfirmUnreachable, {@code listing_confirmed_at}); otherwise an
   * {@link IllegalStateException}, whatever the diagram does.
   */
  public void listing(String trackingNumber, String developerId, String step) {
    OffsetDateTime now = register.now();
    if (("DEVELOPER".equals(step) || "PRODUCTS".equals(step)) && !listingConfirmed(trackingNumber, developerId)) {
      throw new IllegalStateException("the listing of " + developerId + " in " + trackingNumber
          + " was not confirmed by a coordinator");
    }
    switch (step) {
      case "DEVELOPER" -> update(trackingNumber, developerId, "listed_at = ?, products_listed_at = NULL, unlisted_at = NULL", now);
      case "PRODUCTS" -> update(trackingNumber, developerId, "products_listed_at = ?", now);
      case "REMOVE" -> {
        // a developer that was never listed (an engaged developer that went silent) has nothing to remove
        if (jdbc.update("UPDATE vr_coordination SET unlisted_at = ? WHERE tracking_number = ? AND developer_id = ? "
            + "AND listed_at IS NOT NULL AND unlisted_at IS NULL", now, trackingNumber, developerId) == 0) {
          return;
        }
      }
      default -> throw new IllegalArgumentException("listing step " + step);
    }
    register.event(trackingNumber, CaseRegister.SYSTEM, "UNREACHABLE_" + step, developerId);
  }

  /** Whether a coordinator confirmed the developer's unreachable listing. */
  public boolean listingConfirmed(String trackingNumber, String developerId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vr_coordination WHERE tracking_number = ? AND developer_id = ? "
        + "AND listing_confirmed_at IS NOT NULL", Integer.class, trackingNumber, developerId);
    return n != null && n > 0;
  }

  public void committee(String trackingNumber, String developerId, String decision, String reason, String actor) {
    if (!"PUBLISH".equals(decision) && !"NOT_PUBLISH".equals(decision)) {
      throw new IllegalArgumentException("公表判定は「公表する」か「公表しない」を選んでください / choose PUBLISH or NOT_PUBLISH");
    }
    if (reason == null || reason.isBlank() || reason.length() > 4000) {
      throw new IllegalArgumentException("委員会の判断理由を記入してください（4000 文字まで） / the committee's reasons are required "
          + "(up to 4000 characters)");
    }
    update(trackingNumber, developerId, "committee_decision = ?, committee_reason = ?", decision, reason.strip());
    register.event(trackingNumber, actor, "COMMITTEE_DECISION", developerId + ": " + decision);
  }

  public void outcome(String trackingNumber, String developerId, Outcome outcome) {
    update(trackingNumber, developerId, "outcome = ?, stage = ?", outcome.name(), Stage.DONE.name());
    register.event(trackingNumber, CaseRegister.SYSTEM, "DEVELOPER_DONE", developerId + ": " + outcome);
  }

  /**
   * A case that ends (published, closed, discontinued) takes its developers off the public
   * unreachable-developers list (there is nothing left to reach them about) and revokes their links.
   */
  @org.springframework.context.event.EventListener
  public void caseClosed(CaseRegister.CaseClosed event) {
    for (String developerId : jdbc.queryForList("SELECT developer_id FROM vr_coordination WHERE tracking_number = ? "
        + "AND listed_at IS NOT NULL AND unlisted_at IS NULL", String.class, event.trackingNumber())) {
      listing(event.trackingNumber(), developerId, "REMOVE");
    }
    // the developers' links show the case's summary: not once it has ended
    links.revokeAll(event.trackingNumber(), jp.vulnreport.links.LinkAudience.DEVELOPER, null,
        "案件の終了 / the case has ended", CaseRegister.SYSTEM);
  }

  /** Every developer on the public unreachable-developers list now (all cases), longest listed first. */
  @Transactional(readOnly = true)
  public List<Coordination> listedNow() {
    return jdbc.query(SELECT + " WHERE c.listed_at IS NOT NULL AND c.unlisted_at IS NULL ORDER BY c.listed_at", ROW);
  }

  private void update(String trackingNumber, String developerId, String set, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = trackingNumber;
    args[values.length + 1] = developerId;
    if (jdbc.update("UPDATE vr_coordination SET " + set + " WHERE tracking_number = ? AND developer_id = ?", args) == 0) {
      throw new IllegalArgumentException("developer " + developerId + " is not in the coordination of " + trackingNumber);
    }
  }

  private static final String SELECT = "SELECT c.*, d.name AS developer_name FROM vr_coordination c "
      + "JOIN vr_developer d ON d.id = c.developer_id";

  private static final RowMapper<Coordination> ROW = (ResultSet rs, int i) -> new Coordination(
      rs.getString("tracking_number"), rs.getString("developer_id"), rs.getString("developer_name"),
      rs.getString("role"), Stage.valueOf(rs.getString("stage")), t(rs, "first_contact_at"),
      rs.getString("contact_point_name"), rs.getString("contact_point_email"), t(rs, "details_sent_at"),
      e(Status.class, rs.getString("status")), e(FixAvailability.class, rs.getString("fix_availability")),
      rs.getString("fixed_versions"), rs.getString("countermeasure"),
      rs.getObject("proposed_publication_date", LocalDate.class), rs.getString("statement"), t(rs, "responded_at"),
      rs.getString("responded_by"), t(rs, "listed_at"), t(rs, "products_listed_at"), t(rs, "unlisted_at"),
      rs.getString("committee_decision"), rs.getString("committee_reason"),
      e(Outcome.class, rs.getString("outcome")));

  private static OffsetDateTime t(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  private static <E extends Enum<E>> E e(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }
}
