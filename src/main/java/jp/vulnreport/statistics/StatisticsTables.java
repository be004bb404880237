package jp.vulnreport.statistics;

import java.util.ArrayList;
import java.util.List;
import jp.vulnreport.statistics.StatisticsReport.Count;
import jp.vulnreport.statistics.StatisticsReport.Distribution;
import jp.vulnreport.statistics.StatisticsReport.Government;
import jp.vulnreport.statistics.StatisticsReport.Quarter;

/**
 * The report as tables, in IPA's order: what the staff page, the CSV and the PDF show. Every cell is
 * text; a figure the register does not hold is {@value StatisticsReport#NOT_RECORDED}, one that has no
 * value (a share of nothing) is "-".
 */
public final class StatisticsTables {

  /** One table: an id (the CSV's section), a title in Japanese and English, columns, rows. */
  public record Table(String id, String titleJa, String titleEn, List<String> columns, List<List<String>> rows) {}

  private static final List<String> COUNT_COLUMNS = List.of("区分 / item", "期間内 / in period", "累計 / cumulative");
  private static final List<String> PERIOD_COLUMNS = List.of("区分 / item", "期間内 / in period");

  private StatisticsTables() {}

  public static List<Table> of(StatisticsReport r) {
    List<Table> t = new ArrayList<>();
    if (r.receipt() != null) {
      List<List<String>> rows = new ArrayList<>(counts(r.receipt().byCategory()));
      rows.add(List.of("合計 / total", n(r.receipt().total()), n(r.receipt().totalCumulative())));
      t.add(new Table("receipt", "1. 届出受付件数", "Reports received", COUNT_COLUMNS, rows));
      t.add(new Table("receipt_per_business_day", "1-1. 営業日あたりの届出件数", "Reports per business day",
          List.of("営業日数 / business days", "届出件数 / reports", "1営業日あたり / per business day"),
          List.of(List.of(n(r.receipt().businessDays()), n(r.receipt().total()), d(r.receipt().perBusinessDay())))));
      t.add(new Table("outcomes", "2. 受理・不受理・取り下げ・取りやめ", "Accepted, not accepted, withdrawn, discontinued",
          COUNT_COLUMNS, counts(r.outcomes())));
      t.add(new Table("open_at_end", "3. 期間末に処理中の届出（段階別）", "Cases open at the end of the period, by stage",
          PERIOD_COLUMNS, periodOnly(r.openAtEndByState())));
      var s = r.software();
      t.add(new Table("software_advisories", "4. ソフトウエア製品: 公表件数", "Software products: advisories published",
          COUNT_COLUMNS, counts(List.of(s.advisories(), s.selfReportAdvisories()))));
      t.add(distribution("software_days_from_acceptance", "4-1. 受理から公表までの日数",
          "Days from acceptance to publication", s.acceptanceToPublication(), true));
      t.add(distribution("software_days_from_start_date", "4-2. 起算日から公表までの日数",
          "Days from the start date (起算日) to publication", s.startDateToPublication(), true));
      List<List<String>> dev = new ArrayList<>(counts(List.of(s.developersListed(), s.productsListed())));
      for (Count c : s.committeeDecisions()) {
        dev.add(List.of("公表判定委員会: " + c.ja() + " / committee: " + c.en(), n(c.period()), n(c.cumulative())));
      }
      t.add(new Table("software_unreachable", "4-3. 連絡不能開発者・公表判定", "Unreachable developers, committee decisions",
          COUNT_COLUMNS, dev));
      var w = r.websites();
      List<List<String>> web = new ArrayList<>(counts(List.of(w.fixed(), w.unresponsive(), w.disputed())));
      t.add(new Table("websites", "5. ウェブサイト: 修正・完了件数", "Websites: fixes and closures", COUNT_COLUMNS, web));
      t.add(new Table("websites_fixed_by", "5-1. 完了の区分（修正・削除・運営者の個別対応・督促後に終了）",
          "How the website cases ended (fixed, page removed, operator's own handling, closed after reminders)", COUNT_COLUMNS,
          counts(w.fixedBy())));
      t.add(distribution("websites_days_to_fix", "5-2. 運営者への連絡から修正完了までの日数",
          "Days from notifying the operator to the fix", w.notificationToFix(), false));
      t.add(new Table("by_cwe", "6. 脆弱性の種類（CWE、期間内の届出）", "Vulnerability type (CWE, reports in the period)",
          PERIOD_COLUMNS, periodOnly(r.byCwe())));
      t.add(new Table("by_product_kind", "6-1. 製品の種類", "Product kind", PERIOD_COLUMNS, periodOnly(r.byProductKind())));
      t.add(new Table("by_operator_kind", "6-2. ウェブサイト運営者の種類", "Kind of site operator", PERIOD_COLUMNS,
          periodOnly(r.byOperatorKind())));
    }
    Government g = r.government();
    t.add(new Table("government", "7. 内閣府への通知（期間内に認知した案件）",
        "Cabinet Office notices (cases recognised in the period)", List.of("項目 / item", "値 / value"), List.of(
            List.of("認知（評価）した件数 / cases evaluated", n(g.evaluated())),
            List.of("通知対象と認知 / recognised notifiable", n(g.notifiable())),
            List.of("通知済み / notices sent", n(g.sent())),
            List.of("期限内 / on time", n(g.onTime())),
            List.of("期限超過 / late", n(g.late())),
            List.of("未通知 / not yet sent", n(g.notSent())),
            List.of("期限内の割合 / on-time share", pct(g.onTimeShare())),
            List.of("認知から通知まで 中央値（時間） / recognition to notice, median (hours)", d(g.medianHoursToNotice())),
            List.of("認知から通知まで 最長（時間） / recognition to notice, worst (hours)", d(g.worstHoursToNotice())),
            List.of("受付から認知まで 中央値（時間） / receipt to recognition, median (hours)",
                d(g.medianHoursReceiptToRecognition())),
            List.of("受付から認知まで 最長（時間） / receipt to recognition, worst (hours)",
                d(g.worstHoursReceiptToRecognition())))));
    t.add(new Table("government_grounds", "7-1. 通知対象の根拠", "Grounds of the notifiable", PERIOD_COLUMNS,
        periodOnly(g.byGround())));
    t.add(new Table("government_lateness", "7-2. 期限超過の程度", "How late the late notices were", PERIOD_COLUMNS,
        periodOnly(g.lateness())));
    t.add(new Table("government_policy_versions", "7-3. 期限の根拠となったポリシーの版", "Deadline policy version in force",
        PERIOD_COLUMNS, periodOnly(g.policyVersions())));
    List<List<String>> q = new ArrayList<>();
    for (Quarter x : r.quarters()) {
      q.add(List.of(x.label(), n(x.software()), n(x.website()), n(x.selfReport()), n(x.advisories()),
          pct(x.within45Share()), n(x.websitesFixed()), n(x.noticesSent()), pct(x.onTimeShare())));
    }
    t.add(new Table("quarters", "8. 四半期ごとの推移（直近3年）", "Quarter by quarter (last three years)", List.of(
        "四半期 / quarter", "製品 / software", "ウェブ / websites", "自己届出 / self", "公表 / advisories",
        "45日以内 / within 45 days", "サイト修正 / sites fixed", "通知 / notices", "期限内 / on time"), q));
    return t;
  }

  private static Table distribution(String id, String ja, String en, Distribution dist, boolean fortyFive) {
    List<List<String>> rows = new ArrayList<>(periodOnly(dist.buckets()));
    rows.add(List.of("件数 / cases", n(dist.total())));
    if (fortyFive) {
      rows.add(List.of("45日以内 / within 45 days", n(dist.within45())));
      rows.add(List.of("45日以内の割合 / share within 45 days", pct(dist.within45Share())));
    }
    rows.add(List.of("中央値（日） / median (days)", d(dist.median())));
    rows.add(List.of("最長（日） / longest (days)", dist.max() == null ? "-" : n(dist.max())));
    rows.add(List.of("日付未記録 / date " + "not recorded", n(dist.notRecorded())));
    return new Table(id, ja, en, PERIOD_COLUMNS, rows);
  }

  private static List<List<String>> counts(List<Count> counts) {
    return counts.stream().map(c -> List.of(label(c), n(c.period()), c.cumulative() == null ? "-" : n(c.cumulative())))
        .toList();
  }

  private static List<List<String>> periodOnly(List<Count> counts) {
    return counts.stream().map(c -> List.of(label(c), n(c.period()))).toList();
  }

  private static String label(Count c) {
    return c.ja().equals(c.en()) ? c.ja() : c.ja() + " / " + c.en();
  }

  static String n(Number v) {
    return v == null ? "-" : String.valueOf(v);
  }

  static String d(Double v) {
    return v == null ? "-" : String.valueOf(v);
  }

  static String pct(Double share) {
    return share == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }
}
