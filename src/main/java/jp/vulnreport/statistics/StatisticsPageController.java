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
    if (all) {
      model.addAttribute("receivedChart", StatisticsCharts.receivedPerQuarter(r.quarters()));
      model.addAttribute("publicationChart", StatisticsCharts.distribution(
          "受理から公表までの日数 / days from acceptance to publication", r.software().acceptanceToPublication().buckets()));
      model.addAttribute("websiteChart", StatisticsCharts.distribution(
          "連絡から修正完了までの日数 / days from notification to fix", r.websites().notificationToFix().buckets()));
    }
    model.addAttribute("sharesChart", StatisticsCharts.sharesPerQuarter(r.quarters(), all));
    model.addAttribute("latenessChart", StatisticsCharts.distribution("期限超過の程度 / lateness of late notices",
        r.government().lateness()));
    return "statistics/staff";
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
      model.addAttribute("quarterLabel", r.quarters().get(r.quarters().size() - 1).label());
      model.addAttribute("previous", r.quarters().get(r.quarters().size() - 2).label());
      model.addAttribute("next", from.isBefore(last[0]) ? from.plusMonths(3).getYear() + "Q"
          + ((from.plusMonths(3).getMonthValue() - 1) / 3 + 1) : null);
      model.addAttribute("receivedChart", StatisticsCharts.receivedPerQuarter(r.quarters()));
      model.addAttribute("sharesChart", StatisticsCharts.sharesPerQuarter(
          r.quarters().stream().map(q -> new StatisticsReport.Quarter(q.label(), q.from(), q.to(), q.software(),
              q.website(), q.selfReport(), q.advisories(), q.within45Share(), q.websitesFixed(), 0, null)).toList(),
          true));
      return "public/statistics";
    }
  }
}
