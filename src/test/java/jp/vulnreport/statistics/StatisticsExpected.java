package jp.vulnreport.statistics;

import static jp.vulnreport.statistics.StatisticsFixture.JST;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jp.vulnreport.statistics.StatisticsFixture.Case;
import jp.vulnreport.statistics.StatisticsFixture.StateChange;

/**
 * The report's figures worked out from the fixture's own objects: loops and the definitions in
 * README ("Statistics"), written apart from the query layer. Keys as {@link StatisticsTest#flatten}.
 */
final class StatisticsExpected {

  private final List<Case> cases;
  private final OffsetDateTime start;
  private final OffsetDateTime end;
  final Map<String, Object> figures = new TreeMap<>();

  StatisticsExpected(StatisticsFixture fixture, LocalDate from, LocalDate to, int businessDays) {
    this.cases = fixture.cases;
    this.start = from.atStartOfDay(JST).toOffsetDateTime();
    this.end = to.plusDays(1).atStartOfDay(JST).toOffsetDateTime();
    receipt(businessDays);
    outcomes();
    openAtEnd();
    software();
    websites();
    kinds();
    government();
    quarters(to);
  }

  private boolean in(OffsetDateTime t) {
    return t != null && !t.isBefore(start) && t.isBefore(end);
  }

  private boolean upTo(OffsetDateTime t) {
    return t != null && t.isBefore(end);
  }

  private long count(Predicate<Case> p) {
    return cases.stream().filter(p).count();
  }

  private void put(String key, long period, Long cumulative) {
    figures.put(key + ".period", period);
    figures.put(key + ".cumulative", cumulative);
  }

  private void receipt(int businessDays) {
    long total = 0;
    long cumulative = 0;
    for (String c : List.of("SOFTWARE_PRODUCT", "WEBSITE", "DEVELOPER_SELF_REPORT")) {
      long p = count(x -> x.category.equals(c) && in(x.received));
      long k = count(x -> x.category.equals(c) && upTo(x.received));
      put("receipt.byCategory." + c, p, k);
      total += p;
      cumulative += k;
    }
    figures.put("receipt.total", total);
    figures.put("receipt.totalCumulative", cumulative);
    figures.put("receipt.businessDays", (long) businessDays);
    figures.put("receipt.perBusinessDay", businessDays == 0 ? null : Math.round(100.0 * total / businessDays) / 100.0);
  }

  private void outcomes() {
    put("outcomes.ACCEPTED", count(c -> in(c.accepted)), count(c -> upTo(c.accepted)));
    put("outcomes.DISCONTINUED", count(c -> in(c.discontinued)), count(c -> upTo(c.discontinued)));
    long p = 0;
    long k = 0;
    for (String r : StatisticsFixture.REASONS) {
      long rp = count(c -> r.equals(c.reason) && in(c.notAccepted));
      long rk = count(c -> r.equals(c.reason) && upTo(c.notAccepted));
      if (r.equals("WITHDRAWN")) {
        put("outcomes.WITHDRAWN", rp, rk);
      } else {
        put("outcomes.NOT_ACCEPTED:" + r, rp, rk);
        p += rp;
        k += rk;
      }
    }
    put("outcomes.NOT_ACCEPTED", p, k);
  }

  private void openAtEnd() {
    for (String s : List.of("RECEIVED", "FORMAL_CHECK", "AWAITING_DISCOVERER", "SUBSTANTIVE_CHECK", "ACCEPTED",
        "VERIFICATION", "HANDED_OFF", "AWAITING_WEBSITE_HANDLING", "WEBSITE_CONTACTING", "WEBSITE_AWAITING_FIX",
        "WEBSITE_REVIEW", "DEVELOPER_IDENTIFICATION", "DEVELOPER_CONTACTING", "DEVELOPER_COORDINATING",
        "PUBLICATION_SCHEDULED")) {
      put("openAtEndByState." + s, 0, null);
    }
    for (Case c : cases) {
      if (upTo(c.received) && (c.closed == null || !c.closed.isBefore(end))) {
        String state = "RECEIVED";
        for (StateChange s : c.states) {
          if (s.at().isBefore(end)) {
            state = s.state();
          }
        }
        figures.merge("openAtEndByState." + state + ".period", 1L, (a, b) -> (Long) a + (Long) b);
      }
    }
  }

  private static long days(OffsetDateTime a, OffsetDateTime b) {
    return ChronoUnit.DAYS.between(StatisticsFixture.date(a), StatisticsFixture.date(b));
  }

  private void software() {
    Predicate<Case> sw = c -> !c.category.equals("WEBSITE");
    put("software.advisories", count(c -> sw.test(c) && in(c.published)), count(c -> sw.test(c) && upTo(c.published)));
    put("software.selfReportAdvisories", count(c -> c.category.equals("DEVELOPER_SELF_REPORT") && in(c.published)),
        count(c -> c.category.equals("DEVELOPER_SELF_REPORT") && upTo(c.published)));
    List<Long> fromAcceptance = new ArrayList<>();
    List<Long> fromStart = new ArrayList<>();
    long noStart = 0;
    for (Case c : cases) {
      if (sw.test(c) && in(c.published)) {
        fromAcceptance.add(days(c.accepted, c.published));
        if (c.startDate == null) {
          noStart++;
        } else {
          fromStart.add(days(c.startDate, c.published));
        }
      }
    }
    distribution("software.acceptanceToPublication", fromAcceptance, new int[] {45, 90, 180, 365}, 0);
    distribution("software.startDateToPublication", fromStart, new int[] {45, 90, 180, 365}, noStart);
    put("software.developersListed", count(c -> c.coordination != null && in(c.coordination.listed())),
        count(c -> c.coordination != null && upTo(c.coordination.listed())));
    put("software.productsListed", count(c -> c.coordination != null && in(c.coordination.productsListed())),
        count(c -> c.coordination != null && upTo(c.coordination.productsListed())));
    for (String d : List.of("PUBLISH", "NOT_PUBLISH")) {
      put("software.committeeDecisions." + d,
          count(c -> c.coordination != null && d.equals(c.coordination.committee()) && in(c.coordination.committeeAt())),
          count(c -> c.coordination != null && d.equals(c.coordination.committee())
              && upTo(c.coordination.committeeAt())));
    }
  }

  private void distribution(String key, List<Long> days, int[] bounds, long notRecorded) {
    long[] buckets = new long[bounds.length + 1];
    for (long d : days) {
      int b = 0;
      while (b < bounds.length && d > bounds[b]) {
        b++;
      }
      buckets[b]++;
    }
    for (int i = 0; i < buckets.length; i++) {
      put(key + ".buckets.DAYS_" + (i == 0 ? 0 : bounds[i - 1] + 1), buckets[i], null);
    }
    long within = days.stream().filter(d -> d <= 45).count();
    figures.put(key + ".total", (long) days.size());
    figures.put(key + ".within45", within);
    figures.put(key + ".within45Share", days.isEmpty() ? null : Math.round(1000.0 * within / days.size()) / 1000.0);
    List<Long> sorted = new ArrayList<>(days);
    Collections.sort(sorted);
    figures.put(key + ".median", median(sorted.stream().map(Long::doubleValue).toList()));
    figures.put(key + ".max", sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    figures.put(key + ".notRecorded", notRecorded);
  }

  private static Double median(List<Double> sorted) {
    List<Double> s = new ArrayList<>(sorted);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? null : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private void websites() {
    for (String[] s : new String[][] {{"fixed", "WEBSITE_FIXED"}, {"unresponsive", "WEBSITE_UNRESPONSIVE"},
        {"disputed", "WEBSITE_DISPUTED"}}) {
      put("websites." + s[0], count(c -> c.state.equals(s[1]) && in(c.closed)),
          count(c -> c.state.equals(s[1]) && upTo(c.closed)));
    }
    Predicate<Case> closed = c -> c.state.startsWith("WEBSITE_") && List.of("WEBSITE_FIXED", "WEBSITE_UNRESPONSIVE",
        "WEBSITE_DISPUTED").contains(c.state);
    for (String k : List.of("APPLICATION_FIXED", "PAGE_REMOVED", "OPERATOR_HANDLING", "CLOSED_AFTER_REMINDER")) {
      put("websites.fixedBy." + k, count(c -> closed.test(c) && k.equals(c.websiteFixKind) && in(c.closed)),
          count(c -> closed.test(c) && k.equals(c.websiteFixKind) && upTo(c.closed)));
    }
    long unrecorded = count(c -> closed.test(c) && c.websiteFixKind == null && upTo(c.closed));
    if (unrecorded > 0) {
      put("websites.fixedBy.NOT_RECORDED", count(c -> closed.test(c) && c.websiteFixKind == null && in(c.closed)),
          unrecorded);
    }
    List<Long> days = new ArrayList<>();
    for (Case c : cases) {
      if (c.state.equals("WEBSITE_FIXED") && in(c.closed)) {
        OffsetDateTime contacted = c.states.stream().filter(s -> s.state().equals("WEBSITE_CONTACTING"))
            .map(StateChange::at).findFirst().orElseThrow();
        days.add(days(contacted, c.closed));
      }
    }
    distribution("websites.notificationToFix", days, new int[] {30, 90, 180, 365}, 0);
  }

  private void kinds() {
    Map<String, Long> cwe = new TreeMap<>();
    for (Case c : cases) {
      if (in(c.received)) {
        cwe.merge(c.cwe == null ? "NOT_RECORDED" : c.cwe, 1L, Long::sum);
      }
    }
    cwe.forEach((k, v) -> put("byCwe." + k, v, null));
    kinds("byProductKind", c -> !c.category.equals("WEBSITE"), c -> c.productKind, StatisticsFixture.PRODUCT_KINDS);
    kinds("byOperatorKind", c -> c.category.equals("WEBSITE"), c -> c.operatorKind, StatisticsFixture.OPERATOR_KINDS);
  }

  private void kinds(String key, Predicate<Case> of, java.util.function.Function<Case, String> kind, String[] codes) {
    for (String k : codes) {
      if (k != null) {
        put(key + "." + k, count(c -> of.test(c) && k.equals(kind.apply(c)) && in(c.received)), null);
      }
    }
    long unrecorded = count(c -> of.test(c) && kind.apply(c) == null && in(c.received));
    if (unrecorded > 0) {
      put(key + ".NOT_RECORDED", unrecorded, null);
    }
  }

  private void government() {
    List<Case> evaluated = cases.stream().filter(c -> c.notice != null && in(c.notice.recognised())).toList();
    List<Case> notifiable = evaluated.stream().filter(c -> c.notice.notifiable()).toList();
    figures.put("government.evaluated", (long) evaluated.size());
    figures.put("government.notifiable", (long) notifiable.size());
    Map<String, Long> grounds = new TreeMap<>();
    // every ground of the criteria table (ZERO_DAY_SEVERE: recorded under the former table), then overrides
    for (String g : List.of("EXPLOITED", "EXPLOITATION_SUSPECTED", "ZERO_DAY_ATTACK", "SEVERE_CRITICAL_INFRASTRUCTURE",
        "SEVERE_WIDE_IMPACT", "SEVERE_SPECIFICATION_FLAW", "SEVERE_PERSONAL_DATA", "SEVERE_CRITICAL_SERVICE",
        "ZERO_DAY_SEVERE", "OVERRIDE")) {
      grounds.put(g, 0L);
    }
    Map<String, Long> versions = new TreeMap<>();
    long sent = 0;
    long onTime = 0;
    long[] lateness = new long[4];
    List<Double> toNotice = new ArrayList<>();
    List<Double> toRecognition = new ArrayList<>();
    for (Case c : notifiable) {
      var n = c.notice;
      for (String g : (n.grounds().isEmpty() ? "OVERRIDE" : n.grounds()).split(",")) {
        grounds.merge(g, 1L, Long::sum);
      }
      versions.merge("v" + n.policy(), 1L, Long::sum);
      toRecognition.add(Duration.between(c.received, n.recognised()).getSeconds() / 3600.0);
      if (n.sent() != null) {
        sent++;
        toNotice.add(Duration.between(n.recognised(), n.sent()).getSeconds() / 3600.0);
        long late = Duration.between(n.deadline(), n.sent()).getSeconds();
        if (late <= 0) {
          onTime++;
        } else {
          lateness[late <= 3600 ? 0 : late <= 86400 ? 1 : late <= 3 * 86400 ? 2 : 3]++;
        }
      }
    }
    grounds.forEach((k, v) -> put("government.byGround." + k, v, null));
    versions.forEach((k, v) -> put("government.policyVersions." + k, v, null));
    for (int i = 0; i < 4; i++) {
      put("government.lateness.LATE_" + i, lateness[i], null);
    }
    figures.put("government.sent", sent);
    figures.put("government.onTime", onTime);
    figures.put("government.late", sent - onTime);
    figures.put("government.notSent", notifiable.size() - sent);
    figures.put("government.onTimeShare", sent == 0 ? null : Math.round(1000.0 * onTime / sent) / 1000.0);
    figures.put("government.medianHoursToNotice", round1(median(toNotice)));
    figures.put("government.worstHoursToNotice", round1(toNotice.stream().max(Double::compare).orElse(null)));
    figures.put("government.medianHoursReceiptToRecognition", round1(median(toRecognition)));
    figures.put("government.worstHoursReceiptToRecognition",
        round1(toRecognition.stream().max(Double::compare).orElse(null)));
  }

  private static Double round1(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }

  private void quarters(LocalDate to) {
    LocalDate last = LocalDate.of(to.getYear(), ((to.getMonthValue() - 1) / 3) * 3 + 1, 1);
    for (int i = 11; i >= 0; i--) {
      LocalDate q = last.minusMonths(3L * i);
      OffsetDateTime s = q.atStartOfDay(JST).toOffsetDateTime();
      OffsetDateTime e = q.plusMonths(3).atStartOfDay(JST).toOffsetDateTime();
      Predicate<OffsetDateTime> inQ = t -> t != null && !t.isBefore(s) && t.isBefore(e);
      String key = "quarters." + q.getYear() + "Q" + ((q.getMonthValue() - 1) / 3 + 1) + ".";
      figures.put(key + "software", count(c -> c.category.equals("SOFTWARE_PRODUCT") && inQ.test(c.received)));
      figures.put(key + "website", count(c -> c.category.equals("WEBSITE") && inQ.test(c.received)));
      figures.put(key + "selfReport", count(c -> c.category.equals("DEVELOPER_SELF_REPORT") && inQ.test(c.received)));
      List<Case> published = cases.stream().filter(c -> !c.category.equals("WEBSITE") && inQ.test(c.published)).toList();
      long within = published.stream().filter(c -> days(c.accepted, c.published) <= 45).count();
      figures.put(key + "advisories", (long) published.size());
      figures.put(key + "within45Share", published.isEmpty() ? null
          : Math.round(1000.0 * within / published.size()) / 1000.0);
      figures.put(key + "websitesFixed", count(c -> c.state.equals("WEBSITE_FIXED") && inQ.test(c.closed)));
      List<Case> sent = cases.stream().filter(c -> c.notice != null && c.notice.notifiable() && c.notice.sent() != null
          && inQ.test(c.notice.recognised())).toList();
      long onTime = sent.stream().filter(c -> !c.notice.sent().isAfter(c.notice.deadline())).count();
      figures.put(key + "noticesSent", (long) sent.size());
      figures.put(key + "onTimeShare", sent.isEmpty() ? null : Math.round(1000.0 * onTime / sent.size()) / 1000.0);
    }
  }
}
