package jp.vulnreport.cases;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Questions put to the discoverer during the formal check, and their answers. */
@Service
@Transactional
public class Clarifications {

  public enum Channel { STATUS_TOKEN, STAFF }

  public record Clarification(int round, String questions, String answer, java.time.OffsetDateTime askedAt) {}

  private final JdbcTemplate jdbc;
  private final CaseRegister register;

  public Clarifications(JdbcTemplate jdbc, CaseRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /** Opens the next round of questions and returns its number (1, 2, ...). */
  public int ask(String trackingNumber, String questions, String actor) {
    Integer last = jdbc.queryForObject(
        "SELECT COALESCE(MAX(round), 0) FROM vr_clarification WHERE tracking_number = ?", Integer.class,
        trackingNumber);
    int round = last + 1;
    jdbc.update("INSERT INTO vr_clarification (tracking_number, round, questions, asked_at, asked_by) "
        + "VALUES (?, ?, ?, ?, ?)", trackingNumber, round, questions, register.now(), actor);
    register.event(trackingNumber, actor, "CLARIFICATION_REQUESTED", "round " + round);
    return round;
  }

  /** The open (unanswered) round, if any. */
  @Transactional(readOnly = true)
  public Optional<Clarification> open(String trackingNumber) {
    return jdbc.query("SELECT round, questions, answer, asked_at FROM vr_clarification WHERE tracking_number = ? "
            + "AND answered_at IS NULL ORDER BY round DESC",
        (rs, i) -> new Clarification(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, java.time.OffsetDateTime.class)), trackingNumber)
        .stream().findFirst();
  }

  /** Every round, oldest first. */
  @Transactional(readOnly = true)
  public java.util.List<Clarification> all(String trackingNumber) {
    return jdbc.query("SELECT round, questions, answer, asked_at FROM vr_clarification WHERE tracking_number = ? "
            + "ORDER BY round",
        (rs, i) -> new Clarification(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, java.time.OffsetDateTime.class)), trackingNumber);
  }

  @Transactional(readOnly = true)
  public Optional<Clarification> latest(String trackingNumber) {
    return jdbc.query("SELECT round, questions, answer, asked_at FROM vr_clarification WHERE tracking_number = ? "
            + "ORDER BY round DESC",
        (rs, i) -> new Clarification(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, java.time.OffsetDateTime.class)), trackingNumber)
        .stream().findFirst();
  }

  /** Records the answer to the open round; false when no question is open. */
  public boolean answer(String trackingNumber, String answer, Channel via, String actor) {
    Optional<Clarification> open = open(trackingNumber);
    if (open.isEmpty()) {
      return false;
    }
    jdbc.update("UPDATE vr_clarification SET answer = ?, answered_at = ?, answered_via = ? "
        + "WHERE tracking_number = ? AND round = ?", answer, register.now(), via.name(), trackingNumber,
        open.get().round());
    register.event(trackingNumber, actor, "CLARIFICATION_ANSWERED", "round " + open.get().round() + " via " + via);
    return true;
  }
}
