package jp.vulnreport.coordination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.deadline.Deadlines;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publication date of a coordinated case. The target is a deadline of the policy
 * (PUBLICATION_TARGET: 起算日 + 45 days by default), warned about PUBLICATION_WARNING before it and
 * extended only with a reason; the agreed date is one for the whole case, also when several
 * developers take part. Diagrams use {@code ${publications.warningAt(execution)}} and
 * {@code ${publications.publishAt(execution)}}.
 */
@Component("publications")
public class Publications {

  public static final String TARGET = "PUBLICATION_TARGET";
  public static final String WARNING = "PUBLICATION_WARNING";

  private final Deadlines deadlines;
  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final Coordinations coordinations;
  private final ZoneId zone;

  public Publications(Deadlines deadlines, JdbcTemplate jdbc, CaseRegister register, Coordinations coordinations,
      AppProperties properties) {
    this.coordinations = coordinations;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.register = register;
    this.zone = properties.timeZone();
  }

  /** Sets the target from the start date (the case's first contact); the same on a second call. */
  @Transactional
  public Deadlines.Deadline setTarget(VariableScope scope) {
    String tn = trackingNumber(scope);
    deadlines.due(scope, TARGET);
    Deadlines.Deadline d = deadlines.latest(tn, TARGET);
    register.event(tn, CaseRegister.SYSTEM, "PUBLICATION_TARGET", targetDate(tn) + " (" + d.basis() + ")");
    return d;
  }

  /** The current target date (Japan time), after any extension or shortening. */
  public LocalDate targetDate(String trackingNumber) {
    return deadlines.latest(trackingNumber, TARGET).dueAt().atZoneSameInstant(zone).toLocalDate();
  }

  /** When coordinators are asked to look at the target: the policy's warning period before it. */
  @jp.vulnreport.ProcessExpression
  public Date warningAt(VariableScope scope) {
    String tn = trackingNumber(scope);
    return Date.from(deadlines.before(tn, TARGET, WARNING, string(scope, "exploitationStatus"),
        string(scope, "priority")).toInstant());
  }

  /** An agreed extension of the target, with its reason. */
  @Transactional
  public void extendTarget(String trackingNumber, LocalDate newDate, String reason, String actor) {
    if (newDate == null) {
      throw new IllegalArgumentException("新しい公表目標日を入力してください / the new target date is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("延長の理由を入力してください / an extension needs a reason");
    }
    LocalDate before = targetDate(trackingNumber);
    if (!newDate.isAfter(before)) {
      throw new IllegalArgumentException("新しい公表目標日は現在の目標日 " + before + " より後にしてください / the new target must be after "
          + before);
    }
    OffsetDateTime due = deadlines.latest(trackingNumber, TARGET).dueAt().atZoneSameInstant(zone)
        .with(newDate).toOffsetDateTime();
    deadlines.extend(trackingNumber, TARGET, due, reason);
    register.event(trackingNumber, actor, "PUBLICATION_TARGET_EXTENDED", before + " -> " + newDate + ": " + reason.strip());
  }

  /**
   * The one publication date of the case. A date after the target extends the target and needs a
   * reason; a date in the past is refused.
   */
  @Transactional
  public void plan(String trackingNumber, LocalDate date, String reason, String actor) {
    if (date == null) {
      throw new IllegalArgumentException("公表日を入力してください / the publication date is required");
    }
    LocalDate today = register.now().atZoneSameInstant(zone).toLocalDate();
    if (date.isBefore(today)) {
      throw new IllegalArgumentException("公表日は今日以降にしてください / the publication date cannot be in the past");
    }
    if (date.isAfter(targetDate(trackingNumber))) {
      extendTarget(trackingNumber, date, reason, actor);
    }
    record(trackingNumber, date, actor);
    register.event(trackingNumber, actor, "PUBLICATION_DATE_SET", date.toString());
  }

  /** Stores the case's publication date (validated and agreed by the caller: {@link PublicationDates}). */
  @Transactional
  public void record(String trackingNumber, LocalDate date, String actor) {
    if (jdbc.update("UPDATE vr_publication SET planned_date = ?, planned_by = ? WHERE tracking_number = ?", date, actor,
        trackingNumber) == 0) {
      jdbc.update("INSERT INTO vr_publication (tracking_number, planned_date, planned_by) VALUES (?, ?, ?)",
          trackingNumber, date, actor);
    }
  }

  public Optional<LocalDate> plannedDate(String trackingNumber) {
    return jdbc.queryForList("SELECT planned_date FROM vr_publication WHERE tracking_number = ?", LocalDate.class,
        trackingNumber).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** The start of the agreed publication day, Japan time. */
  @jp.vulnreport.ProcessExpression
  public Date publishAt(VariableScope scope) {
    String tn = trackingNumber(scope);
    LocalDate d = plannedDate(tn).orElseThrow(() -> new IllegalStateException("no publication date set for " + tn));
    return Date.from(d.atStartOfDay(zone).toInstant());
  }

  /** What the coordinator sees when choosing the date: each developer's outcome, status and proposed date. */
  public String developerResults(String trackingNumber) {
    StringBuilder sb = new StringBuilder();
    for (Coordinations.Coordination c : coordinations.forCase(trackingNumber)) {
      sb.append(c.developerName()).append(": ").append(c.outcome()).append(c.status() == null ? "" : " / " + c.status())
          .append(c.proposedPublicationDate() == null ? "" : " / 提示された公表日 " + c.proposedPublicationDate())
          .append('\n');
    }
    return sb.toString().strip();
  }

  /** The date to propose: the latest date a developer asked for, else the target. */
  public LocalDate proposedDate(String trackingNumber) {
    return coordinations.forCase(trackingNumber).stream().map(Coordinations.Coordination::proposedPublicationDate)
        .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElseGet(() -> targetDate(trackingNumber));
  }

  private static String trackingNumber(VariableScope scope) {
    return jp.vulnreport.cases.CaseIdentity.trackingNumber(scope);
  }

  private static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
