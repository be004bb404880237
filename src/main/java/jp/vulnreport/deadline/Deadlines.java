package jp.vulnreport.deadline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.cases.Clarifications;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines as the diagrams use them: {@code ${deadlines.due(execution, 'FORMAL_CHECK')}} in timer
 * {@code timeDate}s and user-task due dates. The period comes from the deadline policy (DMN) for
 * the case's exploitation status and priority, is counted by the {@link DeadlineCalendar}, and is
 * stored on the case with the policy version. Computing the same kind from the same start twice
 * gives the stored deadline (the clarification mail and its timers agree on the same moment).
 */
@Component("deadlines")
public class Deadlines {

  /** A deadline stored on a case. */
  public record Deadline(String trackingNumber, String kind, OffsetDateTime startsAt, OffsetDateTime dueAt,
      int amount, DeadlineUnit unit, String basis, String policyDecisionId, int policyVersion) {}

  private final DeadlinePolicy policy;
  private final DeadlineCalendar calendar;
  private final Clarifications clarifications;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Deadlines(DeadlinePolicy policy, DeadlineCalendar calendar, Clarifications clarifications,
      JdbcTemplate jdbc, Clock clock) {
    this.policy = policy;
    this.calendar = calendar;
    this.clarifications = clarifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The deadline of {@code kind} for the process's case, starting now (clarifications: when asked). */
  @jp.vulnreport.ProcessExpression
  public Date due(VariableScope scope, String kind) {
    String trackingNumber = trackingNumber(scope);
    OffsetDateTime start = start(trackingNumber, kind);
    Deadline d = compute(trackingNumber, kind, start, string(scope, "exploitationStatus"), string(scope, "priority"));
    return Date.from(d.dueAt().toInstant());
  }

  /**
   * Where a period starts: a clarification when its question was asked, verification when the case
   * was accepted (so the task's due date and its time-box timer are one deadline), the retention of
   * personal data and the completion notice to the discoverer when the case was closed (the notice's
   * mail task records it; a retried mail job finds the same deadline), anything else now.
   */
  private OffsetDateTime start(String trackingNumber, String kind) {
    if (kind.startsWith("CLARIFICATION_")) {
      return clarifications.open(trackingNumber).map(Clarifications.Clarification::askedAt).orElseGet(this::now);
    }
    if (kind.equals("VERIFICATION")) {
      return caseTime(trackingNumber, "accepted_at");
    }
    if (kind.equals("PERSONAL_DATA_RETENTION") || kind.equals("COMPLETION_NOTICE")) {
      return caseTime(trackingNumber, "closed_at");
    }
    if (kind.equals("PUBLICATION_TARGET") || kind.equals("COMMITTEE_REFERRAL")) {
      return caseTime(trackingNumber, "start_date_at");
    }
    return now();
  }

  /**
   * The later of two deadlines: {@code kind} from its own start (the committee referral counts from
   * the 起算日) and {@code minimumKind} from now ("a year from the 起算日, but at least three months
   * with the product listed").
   */
  @jp.vulnreport.ProcessExpression
  public Date notBefore(VariableScope scope, String kind, String minimumKind) {
    Date due = due(scope, kind);
    Date minimum = due(scope, minimumKind);
    return due.after(minimum) ? due : minimum;
  }

  /** A time column of the case, or now when it is not set. */
  private OffsetDateTime caseTime(String trackingNumber, String column) {
    OffsetDateTime t = jdbc.query("SELECT " + column + " FROM vr_case WHERE tracking_number = ?",
        (rs, i) -> rs.getObject(1, OffsetDateTime.class), trackingNumber).stream().findFirst().orElse(null);
    return t != null ? t : now();
  }

  /** The last deadline of {@code kind} stored for the process's case (for timers that share a clock). */
  @jp.vulnreport.ProcessExpression
  public Date recorded(VariableScope scope, String kind) {
    return Date.from(latest(trackingNumber(scope), kind).dueAt().toInstant());
  }

  /** The moment {@code percent} % of the way from the start to the last stored deadline of {@code kind}. */
  @jp.vulnreport.ProcessExpression
  public Date fraction(VariableScope scope, String kind, int percent) {
    Deadline d = latest(trackingNumber(scope), kind);
    long start = d.startsAt().toInstant().toEpochMilli();
    long due = d.dueAt().toInstant().toEpochMilli();
    return new Date(start + (due - start) * percent / 100);
  }

  /** The last deadline of a kind stored for a case. */
  public Deadline latest(String trackingNumber, String kind) {
    return jdbc.query("SELECT * FROM vr_deadline WHERE tracking_number = ? AND kind = ? ORDER BY id DESC",
        this::row, trackingNumber, kind).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " deadline was set for " + trackingNumber));
  }

  /** Computes and stores the deadline, or returns the one stored for the same case, kind and start. */
  @Transactional
  public Deadline compute(String trackingNumber, String kind, OffsetDateTime start, String exploitation,
      String priority) {
    Optional<Deadline> stored = find(trackingNumber, kind, start);
    if (stored.isPresent()) {
      return stored.get();
    }
    DeadlinePolicy.Period p = policy.period(kind, exploitation, priority);
    ZonedDateTime due = calendar.plus(start.toZonedDateTime(), p.amount(), p.unit());
    jdbc.update("INSERT INTO vr_deadline (tracking_number, kind, starts_at, due_at, amount, unit, basis, "
            + "policy_decision_id, policy_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        trackingNumber, kind, start, due.toOffsetDateTime(), p.amount(), p.unit().name(), p.basis(),
        p.decisionId(), p.decisionVersion(), now());
    return new Deadline(trackingNumber, kind, start, due.toOffsetDateTime(), p.amount(), p.unit(), p.basis(),
        p.decisionId(), p.decisionVersion());
  }

  /** The deadlines computed for a case, oldest first. */
  public List<Deadline> forCase(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_deadline WHERE tracking_number = ? ORDER BY id", this::row, trackingNumber);
  }

  /** The deadline stored for this start (the latest, when it was shortened). */
  private Optional<Deadline> find(String trackingNumber, String kind, OffsetDateTime start) {
    return jdbc.query("SELECT * FROM vr_deadline WHERE tracking_number = ? AND kind = ? AND starts_at = ? "
        + "ORDER BY id DESC", this::row, trackingNumber, kind, start).stream().findFirst();
  }

  /**
   * New facts (exploitation information) may make the policy's period for a running deadline
   * shorter: the deadline of {@code kind} is computed again from its start with the new inputs and
   * stored when it is earlier. Never lengthened. Timers and tasks read the stored deadline; the
   * caller recalculates them.
   */
  @Transactional
  public Optional<Deadline> shorten(String trackingNumber, String kind, String exploitation, String priority) {
    Optional<Deadline> current = jdbc.query("SELECT * FROM vr_deadline WHERE tracking_number = ? AND kind = ? "
        + "ORDER BY id DESC", this::row, trackingNumber, kind).stream().findFirst();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Deadline d = current.get();
    DeadlinePolicy.Period p = policy.period(kind, exploitation, priority);
    OffsetDateTime due = calendar.plus(d.startsAt().toZonedDateTime(), p.amount(), p.unit()).toOffsetDateTime();
    if (!due.isBefore(d.dueAt())) {
      return Optional.empty();
    }
    jdbc.update("INSERT INTO vr_deadline (tracking_number, kind, starts_at, due_at, amount, unit, basis, "
            + "policy_decision_id, policy_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        trackingNumber, kind, d.startsAt(), due, p.amount(), p.unit().name(), p.basis(), p.decisionId(),
        p.decisionVersion(), now());
    return Optional.of(new Deadline(trackingNumber, kind, d.startsAt(), due, p.amount(), p.unit(), p.basis(),
        p.decisionId(), p.decisionVersion()));
  }

  /**
   * The moment the policy's period of {@code leadKind} before the last stored deadline of
   * {@code kind} ("warn 15 days before the publication target").
   */
  public OffsetDateTime before(String trackingNumber, String kind, String leadKind, String exploitation,
      String priority) {
    DeadlinePolicy.Period lead = policy.period(leadKind, exploitation, priority);
    return calendar.minus(latest(trackingNumber, kind).dueAt().toZonedDateTime(), lead.amount(), lead.unit())
        .toOffsetDateTime();
  }

  /**
   * An agreed extension: the deadline of {@code kind} moves to {@code newDue}, later than the one
   * stored, with the reason as its basis. The same start, so the policy's original stays on record.
   */
  @Transactional
  public Deadline extend(String trackingNumber, String kind, OffsetDateTime newDue, String reason) {
    Deadline d = latest(trackingNumber, kind);
    if (!newDue.isAfter(d.dueAt())) {
      throw new IllegalArgumentException("the new " + kind + " must be later than " + d.dueAt());
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an extension needs a reason");
    }
    int days = (int) java.time.Duration.between(d.startsAt(), newDue).toDays();
    String basis = "延長 / extended: " + reason.strip();
    jdbc.update("INSERT INTO vr_deadline (tracking_number, kind, starts_at, due_at, amount, unit, basis, "
            + "policy_decision_id, policy_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        trackingNumber, kind, d.startsAt(), newDue, days, DeadlineUnit.CALENDAR_DAYS.name(),
        basis.length() > 500 ? basis.substring(0, 500) : basis, d.policyDecisionId(), d.policyVersion(), now());
    return new Deadline(trackingNumber, kind, d.startsAt(), newDue, days, DeadlineUnit.CALENDAR_DAYS, basis,
        d.policyDecisionId(), d.policyVersion());
  }

  /** The kinds of deadline stored for a case. */
  public List<String> kinds(String trackingNumber) {
    return jdbc.queryForList("SELECT DISTINCT kind FROM vr_deadline WHERE tracking_number = ?", String.class,
        trackingNumber);
  }

  private Deadline row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Deadline(rs.getString("tracking_number"), rs.getString("kind"),
        rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
        rs.getInt("amount"), DeadlineUnit.valueOf(rs.getString("unit")), rs.getString("basis"),
        rs.getString("policy_decision_id"), rs.getInt("policy_version"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private static String trackingNumber(VariableScope scope) {
    return jp.vulnreport.cases.CaseIdentity.trackingNumber(scope);
  }

  private static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
