package jp.vulnreport.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly report (ソフトウェア等の脆弱性関連情報に関する届出状況) and the notice-duty figures for one
 * period, as {@link StatisticsService} reads them from the register. The page, the JSON, the CSV and
 * the PDF all render this one object. A {@code null} section is one the caller may not see.
 */
public record StatisticsReport(LocalDate from, LocalDate to, LocalDate firstCase, Receipt receipt, List<Count> outcomes,
    List<Count> openAtEndByState, SoftwareProducts software, Websites websites, List<Count> byCwe,
    List<Count> byProductKind, List<Count> byOperatorKind, Government government, List<Quarter> quarters,
    List<String> notRecorded) {

  /** What the register does not record: shown as this, never guessed. */
  public static final String NOT_RECORDED = "未記録 / not recorded";

  /** One figure: in the period and (where it makes sense) since the first case up to the period's end. */
  public record Count(String key, String ja, String en, long period, Long cumulative) {}

  public record Receipt(List<Count> byCategory, long total, long totalCumulative, int businessDays,
      Double perBusinessDay) {}

  /**
   * Days between two dates (Japan calendar dates, end minus start) for the cases of the period:
   * buckets, how many, how many within 45 days and their share, median and longest.
   */
  public record Distribution(List<Count> buckets, long total, long within45, Double within45Share, Double median,
      Long max, long notRecorded) {}

  public record SoftwareProducts(Count advisories, Count selfReportAdvisories, Distribution acceptanceToPublication,
      Distribution startDateToPublication, Count developersListed, Count productsListed,
      List<Count> committeeDecisions) {}

  public record Websites(Count fixed, List<Count> fixedBy, Distribution notificationToFix, Count unresponsive,
      Count disputed) {}

  /**
   * The Cabinet Office duty for the cases recognised (認知) in the period: how many were evaluated,
   * found notifiable (by ground), notified, on time (sent at ≤ the deadline recorded for the notice)
   * or late, with the lateness, the times and the policy versions the deadlines came from.
   */
  public record Government(long evaluated, long notifiable, List<Count> byGround, long sent, long onTime, long late,
      long notSent, Double onTimeShare, List<Count> lateness, Double medianHoursToNotice, Double worstHoursToNotice,
      Double medianHoursReceiptToRecognition, Double worstHoursReceiptToRecognition, List<Count> policyVersions) {}

  /** One quarter of the series for the charts (the last twelve quarters up to the period's end). */
  public record Quarter(String label, LocalDate from, LocalDate to, Long software, Long website, Long selfReport,
      Long advisories, Double within45Share, Long websitesFixed, long noticesSent, Double onTimeShare) {}

  /** The same report without the receipt and coordination parts: what liaison may see. */
  public StatisticsReport governmentOnly() {
    return new StatisticsReport(from, to, firstCase, null, null, null, null, null, null, null, null, government,
        quarters.stream().map(q -> new Quarter(q.label(), q.from(), q.to(), null, null, null, null, null, null, q.noticesSent(),
            q.onTimeShare())).toList(), notRecorded);
  }
}
