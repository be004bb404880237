package jp.vulnreport.coordination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseIdentity;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publication date agreed with the developers (公表日の合意). The coordinator proposes a date
 * ({@link #propose}); each developer whose part ended ready to publish confirms it or objects with a
 * reason and, if it likes, a date of its own ({@link #answer}), on its private page or through a
 * coordinator who enters an answer received by mail or phone. When all have confirmed, the case's
 * coordination continues and the date is fixed ({@link #fix}); an objection sends the case back to
 * the coordinator with the reason. After agreement a developer (or the coordinator) may ask for a
 * change ({@link #reopen}): the date is proposed and confirmed again.
 *
 * <p>Messages to the case's Coordination instance: {@link #MSG_ANSWERED} (variable
 * {@code publicationDateAgreed}) while it waits at 公表日の確認待ち, {@link #MSG_REOPENED} after
 * agreement, until the publication day. Diagrams use {@code ${publicationDates.awaiting(execution)}}
 * and {@code ${publicationDates.round(execution)}}.
 */
@Component("publicationDates")
public class PublicationDates {

  public static final String MSG_ANSWERED = "Msg_PublicationDateAnswered";
  public static final String MSG_REOPENED = "Msg_PublicationDateReopened";
  static final String PROCESS = "Coordination";

  /** Where a proposal stands. */
  public enum State { OPEN, AGREED, OBJECTED, REPLACED, REOPENED }

  /** A proposal of the case's publication date. */
  public record Proposal(long id, String trackingNumber, int round, LocalDate date, String proposedBy, State state) {}

  /** One developer's answer to a proposal (answer null: not yet). */
  public record Answer(String developerId, String developerName, String answer, String reason, LocalDate counterDate,
      OffsetDateTime answeredAt, String answeredBy) {

    public boolean confirmed() {
      return "CONFIRMED".equals(answer);
    }

    public boolean objected() {
      return "OBJECTED".equals(answer);
    }
  }

  /** What the developer's page shows: the proposal, its own answer, and what it may do now. */
  public record ForDeveloper(Proposal proposal, Answer answer, boolean mayAnswer, boolean mayAskChange) {}

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final Coordinations coordinations;
  private final Publications publications;
  private final RuntimeService runtime;
  private final ZoneId zone;

  public PublicationDates(JdbcTemplate jdbc, CaseRegister register, Coordinations coordinations,
      Publications publications, RuntimeService runtime, AppProperties properties) {
    this.jdbc = jdbc;
    this.register = register;
    this.coordinations = coordinations;
    this.publications = publications;
    this.runtime = runtime;
    this.zone = properties.timeZone();
  }

  /**
   * The developers asked to confirm: those whose part ended ready to publish (affected, with a date
   * of their own, or the developer that reported its own product). A developer that was unreachable
   * (the committee decided) or is not affected is told the date, not asked.
   */
  @Transactional(readOnly = true)
  public List<String> confirmers(String trackingNumber) {
    return coordinations.forCase(trackingNumber).stream()
        .filter(c -> c.outcome() == Coordinations.Outcome.READY && c.status() != Coordinations.Status.NOT_AFFECTED)
        .map(Coordinations.Coordination::developerId).toList();
  }

  /**
   * The coordinator proposes the case's one publication date: not in the past; after the target only
   * with a reason (the target is extended). Earlier open proposals are replaced. Returns whether a
   * developer has to confirm it (none: the date is fixed at once).
   */
  @Transactional
  public boolean propose(String trackingNumber, LocalDate date, String reason, String actor) {
    if (date == null) {
      throw new IllegalArgumentException("公表日を入力してください / the publication date is required");
    }
    LocalDate today = today();
    if (date.isBefore(today)) {
      throw new IllegalArgumentException("公表日は今日以降にしてください / the publication date cannot be in the past");
    }
    if (date.isAfter(publications.targetDate(trackingNumber))) {
      publications.extendTarget(trackingNumber, date, reason, actor);
    }
    jdbc.update("UPDATE vr_publication_date_proposal SET state = ?, closed_at = ? WHERE tracking_number = ? AND state = ?",
        State.REPLACED.name(), register.now(), trackingNumber, State.OPEN.name());
    int round = current(trackingNumber).map(p -> p.round() + 1).orElse(1);
    jdbc.update("INSERT INTO vr_publication_date_proposal (tracking_number, round, proposed_date, proposed_by, "
        + "proposed_at, state) VALUES (?, ?, ?, ?, ?, ?)", trackingNumber, round, date, actor, register.now(),
        State.OPEN.name());
    Proposal p = current(trackingNumber).orElseThrow();
    List<String> confirmers = confirmers(trackingNumber);
    for (String developerId : confirmers) {
      jdbc.update("INSERT INTO vr_publication_date_answer (proposal_id, developer_id) VALUES (?, ?)", p.id(),
          developerId);
    }
    register.event(trackingNumber, actor, "PUBLICATION_DATE_PROPOSED", date + " (第 " + round + " 回"
        + (confirmers.isEmpty() ? "、確認する開発者なし" : "、確認: " + String.join(", ", confirmers)) + ")");
    return !confirmers.isEmpty();
  }

  /**
   * A developer's answer to the open proposal: confirmed, or objected with a reason (and, optionally,
   * the date it proposes instead). An objection ends the round; the last confirmation agrees the date.
   * Field errors name the field ({@code dateAnswer}, {@code dateReason}, {@code counterDate}).
   */
  @Transactional
  public void answer(String trackingNumber, String developerId, boolean confirm, String reason, LocalDate counterDate,
      String actor) {
    if (!confirm) {
      objection(reason, counterDate);
    }
    lock(trackingNumber);
    Proposal p = current(trackingNumber).filter(x -> x.state() == State.OPEN)
        .orElseThrow(() -> new CaseConflictException("no publication date awaits confirmation in " + trackingNumber));
    if (!waitingForAnswers(trackingNumber)) {
      throw new CaseConflictException("the coordination of " + trackingNumber + " does not wait for answers");
    }
    int updated = jdbc.update("UPDATE vr_publication_date_answer SET answer = ?, reason = ?, counter_date = ?, "
        + "answered_at = ?, answered_by = ? WHERE proposal_id = ? AND developer_id = ? AND answer IS NULL",
        confirm ? "CONFIRMED" : "OBJECTED", blankToNull(reason), confirm ? null : counterDate, register.now(), actor,
        p.id(), developerId);
    if (updated == 0) {
      throw new CaseConflictException(developerId + " is not asked (or has answered) about " + trackingNumber);
    }
    register.event(trackingNumber, actor, confirm ? "PUBLICATION_DATE_CONFIRMED" : "PUBLICATION_DATE_OBJECTED",
        developerId + ": " + p.date() + (confirm ? "" : " — " + reason.strip()
            + (counterDate == null ? "" : "（希望する公表日 " + counterDate + "）")));
    if (!confirm) {
      close(p, State.OBJECTED);
      correlate(trackingNumber, MSG_ANSWERED, false);
    } else if (answers(p.id()).stream().allMatch(Answer::confirmed)) {
      close(p, State.AGREED);
      correlate(trackingNumber, MSG_ANSWERED, true);
    }
  }

  /**
   * After agreement, until the publication day: a developer (or the coordinator) asks for a change
   * with a reason; the case goes back to the coordinator, who proposes again.
   */
  @Transactional
  public void reopen(String trackingNumber, String developerId, String reason, LocalDate counterDate, String actor) {
    objection(reason, counterDate);
    lock(trackingNumber);
    Proposal p = current(trackingNumber).filter(x -> x.state() == State.AGREED)
        .orElseThrow(() -> new CaseConflictException("no agreed publication date in " + trackingNumber));
    if (!mayReopen(trackingNumber)) {
      throw new CaseConflictException("the publication of " + trackingNumber + " can no longer be changed");
    }
    if (developerId != null && answers(p.id()).stream().noneMatch(a -> a.developerId().equals(developerId))) {
      throw new CaseConflictException(developerId + " was not asked to confirm the publication date of "
          + trackingNumber + " and cannot ask for a change");
    }
    if (developerId != null) {
      jdbc.update("UPDATE vr_publication_date_answer SET answer = ?, reason = ?, counter_date = ?, answered_at = ?, "
          + "answered_by = ? WHERE proposal_id = ? AND developer_id = ?", "OBJECTED", reason.strip(), counterDate,
          register.now(), actor, p.id(), developerId);
    }
    close(p, State.REOPENED);
    register.event(trackingNumber, actor, "PUBLICATION_DATE_REOPENED", (developerId == null ? "" : developerId + ": ")
        + p.date() + " — " + reason.strip() + (counterDate == null ? "" : "（希望する公表日 " + counterDate + "）"));
    correlate(trackingNumber, MSG_REOPENED, false);
  }

  /** The agreed (or, when nobody had to confirm, the proposed) date becomes the case's publication date. */
  @Transactional
  public LocalDate fix(String trackingNumber, String actor) {
    Proposal p = current(trackingNumber).orElseThrow(() -> new IllegalStateException("no proposal in " + trackingNumber));
    if (p.state() == State.OPEN) {
      close(p, State.AGREED); // nobody had to confirm
    }
    publications.record(trackingNumber, p.date(), p.proposedBy());
    register.event(trackingNumber, CaseRegister.SYSTEM, "PUBLICATION_DATE_AGREED", p.date() + " (第 " + p.round() + " 回)");
    return p.date();
  }

  /** The developers that have not answered the open proposal (the reminder's recipients). */
  @jp.vulnreport.ProcessExpression
  public List<String> awaiting(VariableScope scope) {
    String tn = CaseIdentity.trackingNumber(scope);
    return current(tn).filter(p -> p.state() == State.OPEN).map(p -> answers(p.id()).stream()
        .filter(a -> a.answer() == null).map(Answer::developerId).toList()).orElse(List.of())
        .stream().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  /** The current proposal's round (mails of a new round are new mails, not retries). */
  @jp.vulnreport.ProcessExpression
  public int round(VariableScope scope) {
    return current(CaseIdentity.trackingNumber(scope)).map(Proposal::round).orElse(0);
  }

  /** The latest proposal of the case. */
  @Transactional(readOnly = true)
  public Optional<Proposal> current(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_publication_date_proposal WHERE tracking_number = ? ORDER BY round DESC",
        (rs, i) -> new Proposal(rs.getLong("id"), rs.getString("tracking_number"), rs.getInt("round"),
            rs.getObject("proposed_date", LocalDate.class), rs.getString("proposed_by"),
            State.valueOf(rs.getString("state"))), trackingNumber).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Answer> answers(long proposalId) {
    return jdbc.query("SELECT a.*, d.name AS developer_name FROM vr_publication_date_answer a "
        + "JOIN vr_developer d ON d.id = a.developer_id WHERE a.proposal_id = ? ORDER BY d.name",
        (rs, i) -> new Answer(rs.getString("developer_id"), rs.getString("developer_name"), rs.getString("answer"),
            rs.getString("reason"), rs.getObject("counter_date", LocalDate.class),
            rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by")), proposalId);
  }

  /** What a developer's page shows about the publication date. */
  @Transactional(readOnly = true)
  public Optional<ForDeveloper> forDeveloper(String trackingNumber, String developerId) {
    Optional<Proposal> p = current(trackingNumber);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Optional<Answer> mine = answers(p.get().id()).stream().filter(a -> a.developerId().equals(developerId)).findFirst();
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    boolean mayAnswer = p.get().state() == State.OPEN && mine.get().answer() == null && waitingForAnswers(trackingNumber);
    boolean mayAskChange = p.get().state() == State.AGREED && mayReopen(trackingNumber);
    return Optional.of(new ForDeveloper(p.get(), mine.get(), mayAnswer, mayAskChange));
  }

  /**
   * What the coordinator reads when proposing (again): the last round's answers, objections with
   * their reasons and dates, and who did not answer.
   */
  @Transactional(readOnly = true)
  public String summary(String trackingNumber) {
    Optional<Proposal> p = current(trackingNumber);
    if (p.isEmpty()) {
      return "（まだ提案していません）";
    }
    StringBuilder sb = new StringBuilder("第 " + p.get().round() + " 回の提案 " + p.get().date() + "（"
        + stateLabel(p.get().state()) + "）\n");
    for (Answer a : answers(p.get().id())) {
      sb.append(a.developerName()).append(": ");
      if (a.confirmed()) {
        sb.append("同意");
      } else if (a.objected()) {
        sb.append("異議 — ").append(a.reason() == null ? "-" : a.reason())
            .append(a.counterDate() == null ? "" : "（希望する公表日 " + a.counterDate() + "）");
      } else {
        sb.append("回答なし");
      }
      sb.append('\n');
    }
    return sb.toString().strip();
  }

  static String stateLabel(State s) {
    return switch (s) {
      case OPEN -> "確認待ち";
      case AGREED -> "合意済み";
      case OBJECTED -> "異議あり";
      case REPLACED -> "再提案により終了";
      case REOPENED -> "合意後に変更の申し出";
    };
  }

  private void objection(String reason, LocalDate counterDate) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("dateReason");
    }
    if (reason.strip().length() > 4000) {
      throw new IllegalArgumentException("dateReason");
    }
    if (counterDate != null && counterDate.isBefore(today())) {
      throw new IllegalArgumentException("counterDate");
    }
  }

  /**
   * Locks the case's proposals until the transaction ends, so that answers given at the same time
   * are taken one after the other and each sees the others' (the last confirmation agrees the date).
   */
  private void lock(String trackingNumber) {
    jdbc.queryForList("SELECT id FROM vr_publication_date_proposal WHERE tracking_number = ? FOR UPDATE", Long.class,
        trackingNumber);
  }

  private void close(Proposal p, State state) {
    jdbc.update("UPDATE vr_publication_date_proposal SET state = ?, closed_at = ? WHERE id = ?", state.name(),
        register.now(), p.id());
  }

  private boolean waitingForAnswers(String trackingNumber) {
    return subscribed(trackingNumber, MSG_ANSWERED);
  }

  private boolean mayReopen(String trackingNumber) {
    return subscribed(trackingNumber, MSG_REOPENED);
  }

  private boolean subscribed(String trackingNumber, String message) {
    return runtime.createExecutionQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(trackingNumber)
        .messageEventSubscriptionName(message).count() > 0;
  }

  private void correlate(String trackingNumber, String message, boolean agreed) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(trackingNumber)
        .setVariables(Map.of("publicationDateAgreed", agreed)).correlateWithResult();
  }

  private LocalDate today() {
    return register.now().atZoneSameInstant(zone).toLocalDate();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
