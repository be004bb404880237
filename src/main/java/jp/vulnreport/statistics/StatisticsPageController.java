package jp.vulnreport.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.vulnreport.intake.PublicPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff statistics page (HTTP Basic like the staff APIs). */
@Controller
public class StatisticsPageController {

  private final StatisticsService statistics;

  public StatisticsPageController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/statistics/staff")
  String staff(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    LocalDate[] period;
    try {
      period = StatisticsController.period(statistics, from, to);
    } catch (StatisticsController.InvalidPeriodException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", "期間が正しくありません（YYYY-MM-DD、開始日 ≤ 終了日） / the period is invalid");
      period = statistics.lastClosedQuarter();
    }
    StatisticsReport full = statistics.report(period[0], period[1]);
    boolean all = StatisticsController.seesAll(request);
    StatisticsReport r = all ? full : full.governmentOnly();
    model.addAttribute("r", r);
    model.addAttribute("all", all);
    model.addAttribute("tables", StatisticsTables.of(r));
    model.addAttribute("query", "?from=" + r.from() + "&to=" + r.to());
    model.addAttribute("charts", (all ? STAFF_CHARTS : LIAISON_CHARTS).stream()
        .map(c -> "/statistics/staff/charts/" + c + ".png?from=" + r.from() + "&to=" + r.to()).toList());
    return "statistics/staff";
  }

  static final java.util.List<String> STAFF_CHARTS = java.util.List.of("received", "shares", "publication", "website",
      "lateness");
  static final java.util.List<String> LIAISON_CHARTS = java.util.List.of("shares", "lateness");

  /** The staff page's charts as PNG (JFreeChart), for the same people and period as the page. */
  @GetMapping(value = "/statistics/staff/charts/{name}.png", produces = "image/png")
  org.springframework.http.ResponseEntity<byte[]> staffChart(@org.springframework.web.bind.annotation.PathVariable String name,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      HttpServletRequest request) {
    boolean all = StatisticsController.seesAll(request);
    if (!(all ? STAFF_CHARTS : LIAISON_CHARTS).contains(name)) {
      return org.springframework.http.ResponseEntity.notFound().build();
    }
    LocalDate[] period;
    try {
      period = StatisticsController.period(statistics, from, to);
    } catch (StatisticsController.InvalidPeriodException e) {
      return org.springframework.http.ResponseEntity.badRequest().build();
    }
    StatisticsReport full = statistics.report(period[0], period[1]);
    StatisticsReport r = all ? full : full.governmentOnly();
    byte[] png = switch (name) {
      case "received" -> StatisticsChartImages.receivedPerQuarter(r.quarters());
      case "shares" -> StatisticsChartImages.sharesPerQuarter(r.quarters(), all, true);
      case "publication" -> StatisticsChartImages.distribution(
          "受理から公表までの日数 / days from acceptance to publication", r.software().acceptanceToPublication().buckets());
      case "website" -> StatisticsChartImages.distribution(
          "連絡から修正完了までの日数 / days from notification to fix", r.websites().notificationToFix().buckets());
      default -> StatisticsChartImages.distribution("期限超過の程度 / lateness of late notices",
          r.government().lateness());
    };
    return png(png);
  }

  static org.springframework.http.ResponseEntity<byte[]> png(byte[] png) {
    return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_PNG)
        .header("Cache-Control", "no-store").body(png);
  }

  /** The public page: IPA's quarterly figures for a closed quarter, counts and shares only. */
  @Controller
  @PublicPage
  static class PublicStatistics {

    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)Q([1-4])");
    private final StatisticsService statistics;

    PublicStatistics(StatisticsService statistics) {
      this.statistics = statistics;
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String quarter, Model model) {
      LocalDate[] last = statistics.lastClosedQuarter();
      LocalDate from = last[0];
      Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
      if (m != null && m.matches()) {
        LocalDate asked = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        if (!asked.isAfter(last[0])) {
          from = asked; // only quarters that have ended
        }
      }
      StatisticsReport r = statistics.report(from, from.plusMonths(3).minusDays(1));
      model.addAttribute("r", r);
      model.addAttribute("quarterParam", r.quarters().get(r.quarters().size() - 1).label());
      model.addAttribute("quarterLabel", r.quarters().get(r.quarters().size() - 1).label());
      model.addAttribute("previous", r.quarters().get(r.quarters().size() - 2).label());
      model.addAttribute("next", from.isBefore(last[0]) ? from.plusMonths(3).getYear() + "Q"
          + ((from.plusMonths(3).getMonthValue() - 1) / 3 + 1) : null);
      return "public/statistics";
    }

    /** The public page's charts (counts per quarter, the 45-day share), for a quarter that has ended. */
    @GetMapping(value = "/statistics/charts/{name}.png", produces = "image/png")
    org.springframework.http.ResponseEntity<byte[]> chart(@org.springframework.web.bind.annotation.PathVariable String name,
        @RequestParam(required = false) String quarter) {
      LocalDate[] last = statistics.lastClosedQuarter();
      LocalDate from = last[0];
      Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
      if (m != null && m.matches()) {
        LocalDate asked = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        if (!asked.isAfter(last[0])) {
          from = asked;
        }
      }
      java.util.List<StatisticsReport.Quarter> quarters = statistics.report(from, from.plusMonths(3).minusDays(1))
          .quarters();
      return switch (name) {
        case "received" -> png(StatisticsChartImages.receivedPerQuarter(quarters));
        case "shares" -> png(StatisticsChartImages.sharesPerQuarter(quarters, true, false));
        default -> org.springframework.http.ResponseEntity.notFound().build();
      };
    }
  }
}
