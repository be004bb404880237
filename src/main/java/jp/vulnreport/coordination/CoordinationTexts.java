package jp.vulnreport.coordination;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.vulnreport.AppProperties;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Texts of the discoverer's coordination mails that depend on the case ({@code mailValues} in the
 * diagrams): one developer's dates, the next step, what was done.
 */
@Component("coordinationTexts")
public class CoordinationTexts {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private final Coordinations coordinations;
  private final Publications publications;
  private final ZoneId zone;

  public CoordinationTexts(Coordinations coordinations, Publications publications, AppProperties properties) {
    this.coordinations = coordinations;
    this.publications = publications;
    this.zone = properties.timeZone();
  }

  /** This developer's first contact (the case's start date is the earliest of them). */
  @jp.vulnreport.ProcessExpression
  public String firstContact(VariableScope scope) {
    return jst(developer(scope).firstContactAt());
  }

  /** When this developer's contact point got the details (詳細情報連絡日). */
  @jp.vulnreport.ProcessExpression
  public String detailsSent(VariableScope scope) {
    return jst(developer(scope).detailsSentAt());
  }

  @jp.vulnreport.ProcessExpression
  public String nextStepJa(VariableScope scope) {
    return lowImpact(scope)
        ? "影響が限定的な脆弱性と判断されたため、製品開発者への通知をもって取扱いを終了します（JVN での公表は行いません）。"
        : "公表目標日は " + publications.targetDate(tn(scope)) + " です。公表日が決まりましたらお知らせします。";
  }

  @jp.vulnreport.ProcessExpression
  public String nextStepEn(VariableScope scope) {
    return lowImpact(scope)
        ? "The vulnerability was judged to have limited impact: the handling ends once the developer is notified,"
            + " without publication on JVN."
        : "The publication target is " + publications.targetDate(tn(scope)) + "; we will tell you the date once it is agreed.";
  }

  /** What was done, for the completion notice: coordinated, or published by the committee's decision. */
  @jp.vulnreport.ProcessExpression
  public String doneJa(VariableScope scope) {
    return committeePublished(scope)
        ? "届出の受付と確認、製品開発者の特定と連絡（連絡が取れなかった開発者は連絡不能開発者一覧に掲載）、"
            + "公表判定委員会による公表の判断、公表文（日本語・英語）と CSAF 文書の公表。"
        : "届出の受付と確認、製品開発者の特定と連絡、開発者による確認と対策の準備、公表日の調整、"
            + "公表文（日本語・英語）と CSAF 文書の公表。";
  }

  @jp.vulnreport.ProcessExpression
  public String doneEn(VariableScope scope) {
    return committeePublished(scope)
        ? "your report was received and checked, the product developer identified and contacted (developers that"
            + " could not be reached were listed publicly), the publication judgement committee decided to publish,"
            + " and the advisory (Japanese and English, with a CSAF document) was published."
        : "your report was received and checked, the product developer identified and contacted, the developer"
            + " checked the vulnerability and prepared countermeasures, the publication date was agreed, and the"
            + " advisory (Japanese and English, with a CSAF document) was published.";
  }

  private boolean committeePublished(VariableScope scope) {
    return coordinations.forCase(tn(scope)).stream()
        .anyMatch(c -> c.outcome() == Coordinations.Outcome.COMMITTEE_PUBLISH);
  }

  private Coordinations.Coordination developer(VariableScope scope) {
    return coordinations.get(tn(scope), String.valueOf(scope.getVariable("developerId")));
  }

  private static boolean lowImpact(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable("lowImpact"));
  }

  private static String tn(VariableScope scope) {
    return jp.vulnreport.cases.CaseIdentity.trackingNumber(scope);
  }

  /** A moment as staff read it: Japan time to the minute, "-" when there is none. */
  public String jst(OffsetDateTime t) {
    return t == null ? "-" : t.atZoneSameInstant(zone).format(MINUTE) + " (JST)";
  }
}
