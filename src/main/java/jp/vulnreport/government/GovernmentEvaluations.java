package jp.vulnreport.government;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record that the government-notification criteria were evaluated on a path of a case (issue 15,
 * "on every path"): non-acceptance for any reason, discontinuation, the end of website handling or of
 * coordination, the developers identified. One row per evaluation in VR_GOVERNMENT_EVALUATION.
 */
@Service
@Transactional
public class GovernmentEvaluations {

  /** What the evaluation led to. */
  public enum Outcome {
    TRACK_STARTED("通知要否の判断（認知）を開始"),
    TRACK_RUNNING("進行中の政府通知の手続で判断"),
    NOT_NOTIFIABLE("基準に該当せず（通知不要）"),
    INSUFFICIENT_FACTS("判断材料なし（基準に該当せず、通知不要として記録）"),
    LINKED_TO_NOTICE("重複先の通知に紐づけ（二重には通知しない）"),
    UPDATE_SENT("通知済みのため内閣府へ続報");

    private final String ja;

    Outcome(String ja) {
      this.ja = ja;
    }

    public String ja() {
      return ja;
    }
  }

  /** One evaluation as recorded. */
  public record Evaluation(String trackingNumber, OffsetDateTime evaluatedAt, String path, String pathDetail,
      boolean criteriaNotifiable, boolean factsSufficient, String grounds, String facts, Outcome outcome,
      String linkedTrackingNumber, String actor) {}

  /** The paths on which the criteria are evaluated, as staff read them. */
  public static final Map<String, String> PATHS = Map.of(
      "ACCEPTED", "受理・検証後", "NOT_ACCEPTED", "不受理", "DISCONTINUED", "取りやめ", "CLOSED", "案件の終了",
      "DEVELOPERS_IDENTIFIED", "製品開発者の特定（影響範囲の再評価）", "REEVALUATION", "再評価");

  private final JdbcTemplate jdbc;
  private final CaseRegister register;

  public GovernmentEvaluations(JdbcTemplate jdbc, CaseRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /** Records an evaluation and puts it on the case's timeline. */
  public void record(String trackingNumber, String path, String pathDetail, GovernmentCriteria.Result result,
      boolean factsSufficient, String facts, Outcome outcome, String linkedTrackingNumber, String actor) {
    String who = actor == null ? CaseRegister.SYSTEM : actor;
    jdbc.update("INSERT INTO vr_government_evaluation (tracking_number, evaluated_at, path, path_detail, "
            + "criteria_notifiable, facts_sufficient, grounds, facts, outcome, linked_tracking_number, actor) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        trackingNumber, register.now(), path, cut(pathDetail, 100), result.notifiable(), factsSufficient,
        cut(result.groundsText(), 1000), cut(facts, 2000), outcome.name(), linkedTrackingNumber, who);
    register.event(trackingNumber, who, "GOVERNMENT_CRITERIA_EVALUATED", path + (pathDetail == null ? "" : " " + pathDetail)
        + ": " + (result.notifiable() ? "notifiable" : "not notifiable") + ", " + outcome.name()
        + (linkedTrackingNumber == null ? "" : " " + linkedTrackingNumber));
  }

  @Transactional(readOnly = true)
  public List<Evaluation> forCase(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_government_evaluation WHERE tracking_number = ? ORDER BY evaluated_at, id",
        (rs, i) -> new Evaluation(rs.getString("tracking_number"), rs.getObject("evaluated_at", OffsetDateTime.class),
            rs.getString("path"), rs.getString("path_detail"), rs.getBoolean("criteria_notifiable"),
            rs.getBoolean("facts_sufficient"), rs.getString("grounds"), rs.getString("facts"),
            Outcome.valueOf(rs.getString("outcome")), rs.getString("linked_tracking_number"), rs.getString("actor")),
        trackingNumber);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
