package jp.vulnreport.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseKinds;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.cases.NonAcceptanceReason;
import jp.vulnreport.deadline.DeadlineCalendar;
import jp.vulnreport.statistics.StatisticsReport.Count;
import jp.vulnreport.statistics.StatisticsReport.Distribution;
import jp.vulnreport.statistics.StatisticsReport.Government;
import jp.vulnreport.statistics.StatisticsReport.Quarter;
import jp.vulnreport.statistics.StatisticsReport.Receipt;
import jp.vulnreport.statistics.StatisticsReport.SoftwareProducts;
import jp.vulnreport.statistics.StatisticsReport.Websites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The one query layer over the case register for the quarterly report and the notice-duty figures.
 * Plain SQL (H2 and PostgreSQL alike: conditional sums, no date functions); dates are Japan dates, a
 * period [from, to] is the instants from {@code from} 00:00 JST up to {@code to + 1} 00:00 JST.
 */
@Service
public class StatisticsService {

  public static final String SOFTWARE = "SOFTWARE_PRODUCT";
  public static final String WEBSITE = "WEBSITE";
  public static final String SELF_REPORT = "DEVELOPER_SELF_REPORT";

  /**
   * IPA's quarterly report counts advisories published within 45 days (the guideline's target for
   * agreeing a publication date, which the deadline policy's PUBLICATION_TARGET also holds for cases
   * without exploitation). The report keeps IPA's figure even when the policy's target changes, so that
   * quarters stay comparable; StatisticsTest checks that the two agree today.
   */
  static final int IPA_REPORT_TARGET_DAYS = 45;
  static final int[] PUBLICATION_BUCKETS = {IPA_REPORT_TARGET_DAYS, 90, 180, 365};
  static final int[] WEBSITE_BUCKETS = {30, 90, 180, 365};
  static final long[] LATENESS_BUCKETS_SECONDS = {3600, 86400, 3 * 86400};
  static final int QUARTERS = 12;

  private final JdbcTemplate jdbc;
  private final DeadlineCalendar calendar;
  private final ZoneId zone;
  private final Clock clock;
  private final ObjectMapper json;

  private final ExecutorService sections = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "statistics");
    t.setDaemon(true);
    return t;
  });

  public StatisticsService(JdbcTemplate jdbc, DeadlineCalendar calendar, AppProperties properties, Clock clock,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.zone = properties.timeZone();
    this.clock = clock;
    this.json = json;
  }

  @PreDestroy
  void stop() {
    sections.shutdownNow();
  }

  /** The last quarter that has ended (Japan time): the default period. */
  public LocalDate[] lastClosedQuarter() {
    LocalDate start = quarterStart(LocalDate.now(clock.withZone(zone))).minusMonths(3);
    return new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
  }

  static LocalDate quarterStart(LocalDate d) {
    return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  /**
   * The whole report for [from, to] (inclusive Japan dates). The sections are independent reads; the
   * long ones run beside the others on two threads of their own (each query reads committed data, as
   * one read-only transaction at READ COMMITTED would too).
   */
  public StatisticsReport report(LocalDate from, LocalDate to) {
    OffsetDateTime start = at(from);
    OffsetDateTime end = at(to.plusDays(1));
    OffsetDateTime first = jdbc.queryForObject("SELECT MIN(received_at) FROM vr_case",
        (rs, i) -> rs.getObject(1, OffsetDateTime.class));
    List<String> notRecorded = List.of();
    CompletableFuture<List<Quarter>> quarters = CompletableFuture.supplyAsync(() -> quarters(to), sections);
    CompletableFuture<List<Count>> open = CompletableFuture.supplyAsync(() -> openAtEnd(end), sections);
    CompletableFuture<SoftwareProducts> software = CompletableFuture.supplyAsync(() -> software(start, end), sections);
    List<Count> cwe = cwe(start, end);
    List<Count> productKinds = kinds("product_kind", "category <> '" + WEBSITE + "'", CaseKinds.PRODUCT, start, end);
    List<Count> operatorKinds = kinds("operator_kind", "category = '" + WEBSITE + "'", CaseKinds.OPERATOR, start, end);
    Receipt receipt = receipt(from, to, start, end);
    List<Count> outcomes = outcomes(start, end);
    Websites websites = websites(start, end);
    Government government = government(start, end);
    return new StatisticsReport(from, to, first == null ? null : date(first), receipt, outcomes, open.join(),
        software.join(), websites, cwe, productKinds, operatorKinds, government, quarters.join(),
        notRecorded);
  }

  // --- receipt ---

  private Receipt receipt(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {
    Map<String, long[]> byCategory = new LinkedHashMap<>();
    for (String c : List.of(SOFTWARE, WEBSITE, SELF_REPORT)) {
      byCategory.put(c, new long[2]);
    }
    jdbc.query("SELECT category, SUM(CASE WHEN received_at >= ? THEN 1 ELSE 0 END) p, COUNT(*) c FROM vr_case "
        + "WHERE received_at < ? GROUP BY category", rs -> {
          byCategory.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, start, end);
    List<Count> rows = new ArrayList<>();
    long total = 0;
    long cumulative = 0;
    for (var e : byCategory.entrySet()) {
      rows.add(new Count(e.getKey(), Labels.categoryJa(e.getKey()), Labels.categoryEn(e.getKey()), e.getValue()[0],
          e.getValue()[1]));
      total += e.getValue()[0];
      cumulative += e.getValue()[1];
    }
    int businessDays = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isBusinessDay(d)) {
        businessDays++;
      }
    }
    return new Receipt(rows, total, cumulative, businessDays,
        businessDays == 0 ? null : Math.round(100.0 * total / businessDays) / 100.0);
  }

  private List<Count> outcomes(OffsetDateTime start, OffsetDateTime end) {
    long[] n = new long[4];
    Map<String, long[]> reasons = new LinkedHashMap<>();
    for (NonAcceptanceReason r : NonAcceptanceReason.values()) {
      reasons.put(r.name(), new long[2]);
    }
    jdbc.query("SELECT non_acceptance_reason, SUM(CASE WHEN accepted_at >= ? AND accepted_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN accepted_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN discontinued_at >= ? AND discontinued_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN discontinued_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN not_accepted_at >= ? AND not_accepted_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN not_accepted_at < ? THEN 1 ELSE 0 END) FROM vr_case GROUP BY non_acceptance_reason", rs -> {
          for (int i = 0; i < 4; i++) {
            n[i] += rs.getLong(i + 2);
          }
          if (rs.getLong(7) > 0) {
            String reason = rs.getString(1) == null ? "UNRECORDED" : rs.getString(1);
            reasons.put(reason, new long[] {rs.getLong(6), rs.getLong(7)});
          }
        }, start, end, end, start, end, end, start, end, end);
    long[] withdrawn = reasons.remove(NonAcceptanceReason.WITHDRAWN.name());
    long period = 0;
    long cumulative = 0;
    List<Count> notAccepted = new ArrayList<>();
    for (var e : reasons.entrySet()) {
      period += e.getValue()[0];
      cumulative += e.getValue()[1];
      notAccepted.add(new Count("NOT_ACCEPTED:" + e.getKey(), "不受理（" + Labels.reasonJa(e.getKey()) + "）",
          "Not accepted (" + Labels.reasonEn(e.getKey()) + ")", e.getValue()[0], e.getValue()[1]));
    }
    List<Count> rows = new ArrayList<>();
    rows.add(new Count("ACCEPTED", "受理", "Accepted", n[0], n[1]));
    rows.add(new Count("NOT_ACCEPTED", "不受理（計、取り下げを除く）", "Not accepted (total, without withdrawals)",
        period, cumulative));
    rows.addAll(notAccepted);
    rows.add(new Count("WITHDRAWN", "取り下げ", "Withdrawn by the reporter", withdrawn[0], withdrawn[1]));
    rows.add(new Count("DISCONTINUED", "取りやめ", "Discontinued", n[2], n[3]));
    return rows;
  }

  /**
   * Cases received before the period's end and not closed by then, by the state they were in at the
   * end (their last state change before it, from the timeline; "received" if none yet).
   */
  private List<Count> openAtEnd(OffsetDateTime end) {
    Map<String, Long> byState = new LinkedHashMap<>();
    for (CaseState s : CaseState.values()) {
      if (!s.isFinal()) {
        byState.put(s.name(), 0L);
      }
    }
    jdbc.query("SELECT (SELECT e.event_type FROM vr_case_event e WHERE e.tracking_number = c.tracking_number "
        + "AND e.event_type LIKE 'STATE_%' AND e.occurred_at < ? ORDER BY e.occurred_at DESC, e.id DESC "
        + "FETCH FIRST 1 ROW ONLY) FROM vr_case c WHERE c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)",
        rs -> {
          String event = rs.getString(1);
          String state = event == null ? CaseState.RECEIVED.name() : event.substring("STATE_".length());
          byState.merge(state, 1L, Long::sum);
        }, end, end, end);
    List<Count> rows = new ArrayList<>();
    byState.forEach((s, n) -> rows.add(new Count(s, Labels.stateJa(s), Labels.stateEn(s), n, null)));
    return rows;
  }

  // --- software products ---

  private SoftwareProducts software(OffsetDateTime start, OffsetDateTime end) {
    long[] adv = new long[4];
    jdbc.query("SELECT SUM(CASE WHEN published_at >= ? THEN 1 ELSE 0 END), COUNT(*), "
        + "SUM(CASE WHEN published_at >= ? AND category = ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN category = ? THEN 1 ELSE 0 END) FROM vr_case "
        + "WHERE published_at < ? AND category IN (?, ?)", rs -> {
          for (int i = 0; i < 4; i++) {
            adv[i] = rs.getLong(i + 1);
          }
        }, start, start, SELF_REPORT, SELF_REPORT, end, SOFTWARE, SELF_REPORT);
    List<long[]> fromAcceptance = new ArrayList<>();
    List<long[]> fromStart = new ArrayList<>();
    int[] missing = new int[2];
    jdbc.query("SELECT accepted_at, start_date_at, published_at FROM vr_case WHERE published_at >= ? "
        + "AND published_at < ? AND category IN (?, ?)", rs -> {
          OffsetDateTime published = ts(rs, 3);
          OffsetDateTime accepted = ts(rs, 1);
          OffsetDateTime startDate = ts(rs, 2);
          if (accepted == null) {
            missing[0]++;
          } else {
            fromAcceptance.add(new long[] {days(accepted, published)});
          }
          if (startDate == null) {
            missing[1]++;
          } else {
            fromStart.add(new long[] {days(startDate, published)});
          }
        }, start, end, SOFTWARE, SELF_REPORT);
    long[] listed = new long[4];
    jdbc.query("SELECT SUM(CASE WHEN listed_at >= ? AND listed_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN listed_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN products_listed_at >= ? AND products_listed_at < ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN products_listed_at < ? THEN 1 ELSE 0 END) FROM vr_coordination", rs -> {
          for (int i = 0; i < 4; i++) {
            listed[i] = rs.getLong(i + 1);
          }
        }, start, end, end, start, end, end);
    Map<String, long[]> decisions = new LinkedHashMap<>();
    decisions.put("PUBLISH", new long[2]);
    decisions.put("NOT_PUBLISH", new long[2]);
    // each decision is an event of the case (developer: decision); only coordinations with a decision have one
    jdbc.query("SELECT e.detail, e.occurred_at FROM vr_coordination k JOIN vr_case_event e "
        + "ON e.tracking_number = k.tracking_number AND e.detail LIKE k.developer_id || ':%' "
        + "WHERE k.committee_decision IS NOT NULL AND e.event_type = 'COMMITTEE_DECISION' AND e.occurred_at < ?", rs -> {
          String detail = rs.getString(1);
          String decision = detail == null ? "?" : detail.substring(detail.lastIndexOf(':') + 1).strip();
          long[] n = decisions.computeIfAbsent(decision, k -> new long[2]);
          n[1]++;
          if (!ts(rs, 2).isBefore(start)) {
            n[0]++;
          }
        }, end);
    List<Count> committee = new ArrayList<>();
    decisions.forEach((k, n) -> committee.add(new Count(k, k.equals("PUBLISH") ? "公表" : k.equals("NOT_PUBLISH")
        ? "非公表" : k, k.equals("PUBLISH") ? "Publish" : k.equals("NOT_PUBLISH") ? "Do not publish" : k, n[0], n[1])));
    return new SoftwareProducts(
        new Count("ADVISORIES", "公表（脆弱性対策情報）", "Advisories published", adv[0], adv[1]),
        new Count("SELF_REPORT_ADVISORIES", "うち製品開発者自身からの届出", "of which developers' self-reports", adv[2], adv[3]),
        distribution(fromAcceptance.stream().map(a -> a[0]).toList(), PUBLICATION_BUCKETS, missing[0]),
        distribution(fromStart.stream().map(a -> a[0]).toList(), PUBLICATION_BUCKETS, missing[1]),
        new Count("DEVELOPERS_LISTED", "連絡不能開発者として公表", "Developers listed as unreachable", listed[0], listed[1]),
        new Count("PRODUCTS_LISTED", "製品情報まで公表", "Products listed too", listed[2], listed[3]), committee);
  }

  // --- websites ---

  private Websites websites(OffsetDateTime start, OffsetDateTime end) {
    long[] n = new long[6];
    jdbc.query("SELECT "
        + "SUM(CASE WHEN state = 'WEBSITE_FIXED' AND closed_at >= ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN state = 'WEBSITE_FIXED' THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN state = 'WEBSITE_UNRESPONSIVE' AND closed_at >= ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN state = 'WEBSITE_UNRESPONSIVE' THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN state = 'WEBSITE_DISPUTED' AND closed_at >= ? THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN state = 'WEBSITE_DISPUTED' THEN 1 ELSE 0 END) "
        + "FROM vr_case WHERE closed_at < ? AND state IN ('WEBSITE_FIXED', 'WEBSITE_UNRESPONSIVE', 'WEBSITE_DISPUTED')",
        rs -> {
          for (int i = 0; i < 6; i++) {
            n[i] = rs.getLong(i + 1);
          }
        }, start, start, start, end);
    List<Long> days = new ArrayList<>();
    int[] missing = new int[1];
    jdbc.query("SELECT (SELECT MIN(e.occurred_at) FROM vr_case_event e WHERE e.tracking_number = c.tracking_number "
        + "AND e.event_type = 'STATE_WEBSITE_CONTACTING'), c.closed_at FROM vr_case c "
        + "WHERE c.state = 'WEBSITE_FIXED' AND c.closed_at >= ? AND c.closed_at < ?", rs -> {
          OffsetDateTime contacted = ts(rs, 1);
          if (contacted == null) {
            missing[0]++;
          } else {
            days.add(days(contacted, ts(rs, 2)));
          }
        }, start, end);
    return new Websites(new Count("FIXED", "修正完了", "Fixed", n[0], n[1]),
        fixedBy(start, end),
        distribution(days, WEBSITE_BUCKETS, missing[0]),
        new Count("UNRESPONSIVE", "運営者の応答なしで完了", "Closed: operator unresponsive", n[2], n[3]),
        new Count("DISPUTED", "運営者と見解相違で完了", "Closed: disputed by the operator", n[4], n[5]));
  }

  // --- kinds ---

  /**
   * Reports received in the period by CWE, from the report as filed ({@code vulnerability.cwe}).
   */
  private List<Count> cwe(OffsetDateTime start, OffsetDateTime end) {
    Map<String, long[]> byCwe = new TreeMap<>();
    jdbc.query("SELECT category, report_json FROM vr_case WHERE received_at >= ? AND received_at < ?", rs -> {
      String cwe = null;
      try {
        JsonNode node = json.readTree(rs.getString(2)).path("vulnerability").path("cwe");
        cwe = node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        cwe = null;
      }
      byCwe.computeIfAbsent(cwe == null ? "~" : cwe, k -> new long[1])[0]++;
    }, start, end);
    List<Count> rows = new ArrayList<>();
    byCwe.forEach((k, n) -> rows.add(k.equals("~")
        ? new Count("NOT_RECORDED", StatisticsReport.NOT_RECORDED, StatisticsReport.NOT_RECORDED, n[0], null)
        : new Count(k, k, k, n[0], null)));
    return rows;
  }

  /**
   * Reports received in the period (of the categories {@code where} selects) by the kind recorded in
   * {@code column}: every kind (0 included), then 「未記録」 for those without one, if any.
   */
  private List<Count> kinds(String column, String where, Map<String, String[]> kinds, OffsetDateTime start,
      OffsetDateTime end) {
    Map<String, Long> n = new LinkedHashMap<>();
    jdbc.query("SELECT " + column + ", COUNT(*) FROM vr_case WHERE " + where
        + " AND received_at >= ? AND received_at < ? GROUP BY " + column,
        rs -> {
          n.put(rs.getString(1) == null ? "~" : rs.getString(1), rs.getLong(2));
        }, start, end);
    List<Count> rows = new ArrayList<>();
    kinds.forEach((code, l) -> rows.add(new Count(code, l[0], l[1], n.getOrDefault(code, 0L), null)));
    n.forEach((code, v) -> {
      if (!kinds.containsKey(code)) {
        rows.add(new Count("NOT_RECORDED", StatisticsReport.NOT_RECORDED, StatisticsReport.NOT_RECORDED, v, null));
      }
    });
    return rows;
  }

  /**
   * Website cases closed (fixed, unresponsive, disputed) in the period and up to its end, by how they
   * ended as IPA counts it ({@code website_fix_kind}); 「未記録」 for those closed without one, if any.
   */
  private List<Count> fixedBy(OffsetDateTime start, OffsetDateTime end) {
    Map<String, long[]> n = new LinkedHashMap<>();
    jdbc.query("SELECT website_fix_kind, SUM(CASE WHEN closed_at >= ? THEN 1 ELSE 0 END), COUNT(*) FROM vr_case "
        + "WHERE closed_at < ? AND state IN ('WEBSITE_FIXED', 'WEBSITE_UNRESPONSIVE', 'WEBSITE_DISPUTED') "
        + "GROUP BY website_fix_kind", rs -> {
          n.put(rs.getString(1) == null ? "~" : rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, start, end);
    List<Count> rows = new ArrayList<>();
    CaseKinds.WEBSITE_FIX.forEach((code, l) -> {
      long[] v = n.getOrDefault(code, new long[2]);
      rows.add(new Count(code, l[0], l[1], v[0], v[1]));
    });
    n.forEach((code, v) -> {
      if (!CaseKinds.WEBSITE_FIX.containsKey(code)) {
        rows.add(new Count("NOT_RECORDED", StatisticsReport.NOT_RECORDED, StatisticsReport.NOT_RECORDED, v[0], v[1]));
      }
    });
    return rows;
  }

  // --- the Cabinet Office duty ---

  private record Notice(OffsetDateTime received, OffsetDateTime recognised, Boolean notifiable, String grounds,
      OffsetDateTime deadline, Integer policyVersion, OffsetDateTime sent) {}

  private List<Notice> notices(OffsetDateTime start, OffsetDateTime end) {
    return jdbc.query("SELECT c.received_at, g.recognised_at, g.notifiable, g.criteria_grounds, g.deadline_at, "
        + "g.policy_version, g.sent_at FROM vr_government_notification g JOIN vr_case c "
        + "ON c.tracking_number = g.tracking_number WHERE g.recognised_at >= ? AND g.recognised_at < ?",
        (rs, i) -> new Notice(ts(rs, 1), ts(rs, 2), (Boolean) rs.getObject(3), rs.getString(4), ts(rs, 5),
            rs.getObject(6) == null ? null : rs.getInt(6), ts(rs, 7)), start, end);
  }

  static boolean onTime(OffsetDateTime sent, OffsetDateTime deadline) {
    return deadline != null && !sent.isAfter(deadline);
  }

  private Government government(OffsetDateTime start, OffsetDateTime end) {
    List<Notice> all = notices(start, end);
    List<Notice> notifiable = all.stream().filter(n -> Boolean.TRUE.equals(n.notifiable())).toList();
    Map<String, long[]> grounds = new LinkedHashMap<>();
    for (String g : Labels.GROUNDS.keySet()) {
      grounds.put(g, new long[1]);
    }
    Map<String, long[]> versions = new TreeMap<>();
    long[] lateness = new long[LATENESS_BUCKETS_SECONDS.length + 1];
    List<Double> toNotice = new ArrayList<>();
    List<Double> toRecognition = new ArrayList<>();
    long sent = 0;
    long onTime = 0;
    for (Notice n : notifiable) {
      String codes = n.grounds() == null || n.grounds().isBlank() ? "OVERRIDE" : n.grounds();
      for (String code : codes.split(",")) {
        grounds.computeIfAbsent(code.strip(), k -> new long[1])[0]++;
      }
      versions.computeIfAbsent(n.policyVersion() == null ? "~" : "v" + n.policyVersion(), k -> new long[1])[0]++;
      toRecognition.add(hours(n.received(), n.recognised()));
      if (n.sent() != null) {
        sent++;
        toNotice.add(hours(n.recognised(), n.sent()));
        if (onTime(n.sent(), n.deadline())) {
          onTime++;
        } else if (n.deadline() != null) {
          long late = ChronoUnit.SECONDS.between(n.deadline(), n.sent());
          int b = 0;
          while (b < LATENESS_BUCKETS_SECONDS.length && late > LATENESS_BUCKETS_SECONDS[b]) {
            b++;
          }
          lateness[b]++;
        }
      }
    }
    long late = sent - onTime;
    List<Count> byGround = new ArrayList<>();
    grounds.forEach((k, v) -> byGround.add(new Count(k, Labels.groundJa(k), Labels.groundEn(k), v[0], null)));
    List<Count> latenessRows = new ArrayList<>();
    String[][] lateLabels = {{"1時間以内", "up to 1 hour"}, {"1時間超〜24時間", "1 to 24 hours"},
        {"24時間超〜72時間", "24 to 72 hours"}, {"72時間超", "over 72 hours"}};
    for (int i = 0; i < lateness.length; i++) {
      latenessRows.add(new Count("LATE_" + i, lateLabels[i][0], lateLabels[i][1], lateness[i], null));
    }
    List<Count> versionRows = new ArrayList<>();
    versions.forEach((k, v) -> versionRows.add(k.equals("~")
        ? new Count("NOT_RECORDED", StatisticsReport.NOT_RECORDED, StatisticsReport.NOT_RECORDED, v[0], null)
        : new Count(k, "期限ポリシー " + k, "deadline policy " + k, v[0], null)));
    return new Government(all.size(), notifiable.size(), byGround, sent, onTime, late, notifiable.size() - sent,
        share(onTime, sent), latenessRows, round1(median(toNotice)), round1(max(toNotice)),
        round1(median(toRecognition)), round1(max(toRecognition)), versionRows);
  }

  // --- the series for the charts ---

  /** The last twelve quarters up to the one holding {@code to}: received, published, fixed, notices. */
  private List<Quarter> quarters(LocalDate to) {
    LocalDate last = quarterStart(to);
    List<LocalDate> starts = new ArrayList<>();
    for (int i = QUARTERS - 1; i >= 0; i--) {
      starts.add(last.minusMonths(3L * i));
    }
    OffsetDateTime windowStart = at(starts.get(0));
    OffsetDateTime windowEnd = at(last.plusMonths(3));
    StringBuilder sql = new StringBuilder("SELECT category");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < QUARTERS; i++) {
      sql.append(", SUM(CASE WHEN received_at >= ? AND received_at < ? THEN 1 ELSE 0 END)");
      args.add(at(starts.get(i)));
      args.add(at(starts.get(i).plusMonths(3)));
    }
    sql.append(" FROM vr_case WHERE received_at >= ? AND received_at < ? GROUP BY category");
    args.add(windowStart);
    args.add(windowEnd);
    long[][] received = new long[3][QUARTERS];
    jdbc.query(sql.toString(), rs -> {
      int c = switch (rs.getString(1)) {
        case SOFTWARE -> 0;
        case WEBSITE -> 1;
        case SELF_REPORT -> 2;
        default -> -1;
      };
      for (int i = 0; c >= 0 && i < QUARTERS; i++) {
        received[c][i] = rs.getLong(i + 2);
      }
    }, args.toArray());
    long[] advisories = new long[QUARTERS];
    long[] within45 = new long[QUARTERS];
    long[] withAcceptance = new long[QUARTERS];
    jdbc.query("SELECT accepted_at, published_at FROM vr_case WHERE published_at >= ? AND published_at < ? "
        + "AND category IN (?, ?)", rs -> {
          OffsetDateTime published = ts(rs, 2);
          OffsetDateTime accepted = ts(rs, 1);
          int i = quarterIndex(date(published), starts);
          advisories[i]++;
          if (accepted != null) {
            withAcceptance[i]++;
            if (days(accepted, published) <= IPA_REPORT_TARGET_DAYS) {
              within45[i]++;
            }
          }
        }, windowStart, windowEnd, SOFTWARE, SELF_REPORT);
    long[] fixed = new long[QUARTERS];
    jdbc.query("SELECT closed_at FROM vr_case WHERE state = 'WEBSITE_FIXED' AND closed_at >= ? AND closed_at < ?",
        rs -> {
          fixed[quarterIndex(date(ts(rs, 1)), starts)]++;
        }, windowStart, windowEnd);
    long[] sent = new long[QUARTERS];
    long[] onTime = new long[QUARTERS];
    jdbc.query("SELECT recognised_at, sent_at, deadline_at FROM vr_government_notification WHERE recognised_at >= ? "
        + "AND recognised_at < ? AND notifiable = TRUE AND sent_at IS NOT NULL", rs -> {
          int i = quarterIndex(date(ts(rs, 1)), starts);
          sent[i]++;
          if (onTime(ts(rs, 2), ts(rs, 3))) {
            onTime[i]++;
          }
        }, windowStart, windowEnd);
    List<Quarter> rows = new ArrayList<>();
    for (int i = 0; i < QUARTERS; i++) {
      LocalDate s = starts.get(i);
      rows.add(new Quarter(s.getYear() + "Q" + ((s.getMonthValue() - 1) / 3 + 1), s, s.plusMonths(3).minusDays(1),
          received[0][i], received[1][i], received[2][i], advisories[i], share(within45[i], withAcceptance[i]),
          fixed[i], sent[i], share(onTime[i], sent[i])));
    }
    return rows;
  }

  private static int quarterIndex(LocalDate d, List<LocalDate> starts) {
    for (int i = starts.size() - 1; i >= 0; i--) {
      if (!d.isBefore(starts.get(i))) {
        return i;
      }
    }
    return 0;
  }

  // --- helpers ---

  static Distribution distribution(List<Long> days, int[] bounds, long notRecorded) {
    long[] buckets = new long[bounds.length + 1];
    long within45 = 0;
    for (long d : days) {
      int b = 0;
      while (b < bounds.length && d > bounds[b]) {
        b++;
      }
      buckets[b]++;
      if (d <= IPA_REPORT_TARGET_DAYS) {
        within45++;
      }
    }
    List<Count> rows = new ArrayList<>();
    for (int i = 0; i < buckets.length; i++) {
      String lower = i == 0 ? "0" : String.valueOf(bounds[i - 1] + 1);
      String ja = i < bounds.length ? lower + "〜" + bounds[i] + "日" : lower + "日以上";
      String en = i < bounds.length ? lower + " to " + bounds[i] + " days" : lower + " days or more";
      rows.add(new Count("DAYS_" + lower, ja, en, buckets[i], null));
    }
    List<Double> values = days.stream().map(Long::doubleValue).toList();
    Double max = max(values);
    return new Distribution(rows, days.size(), within45, share(within45, days.size()), median(values),
        max == null ? null : max.longValue(), notRecorded);
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static Double max(List<Double> values) {
    return values.stream().max(Double::compare).orElse(null);
  }

  static Double round1(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }

  static double hours(OffsetDateTime from, OffsetDateTime to) {
    return ChronoUnit.SECONDS.between(from, to) / 3600.0;
  }

  /** Calendar days between the Japan dates of two instants. */
  long days(OffsetDateTime from, OffsetDateTime to) {
    return ChronoUnit.DAYS.between(date(from), date(to));
  }

  LocalDate date(OffsetDateTime t) {
    return t.atZoneSameInstant(zone).toLocalDate();
  }

  OffsetDateTime at(LocalDate d) {
    return d.atStartOfDay(zone).toOffsetDateTime();
  }

  private static OffsetDateTime ts(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
