package jp.vulnreport.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import jp.vulnreport.statistics.StatisticsTables.Table;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics as JSON, CSV and PDF (HTTP Basic; managers see everything, liaison the
 * government-notification part only).
 */
@RestController
public class StatisticsController {

  /** A period that cannot be read: {@code 400} with a message per field. */
  public static class InvalidPeriodException extends RuntimeException {
    private final List<Map<String, String>> errors;

    InvalidPeriodException(List<Map<String, String>> errors) {
      super("invalid period");
      this.errors = errors;
    }
  }

  private final StatisticsService statistics;

  public StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GetMapping(path = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  public StatisticsReport json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      HttpServletRequest request) {
    return report(from, to, request);
  }

  @GetMapping(path = "/api/statistics.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<String> csv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, HttpServletRequest request) {
    StatisticsReport r = report(from, to, request);
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"statistics-" + r.from() + "-" + r.to() + ".csv\"").body(csv(r));
  }

  @GetMapping(path = "/api/statistics.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, HttpServletRequest request) {
    StatisticsReport r = report(from, to, request);
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"statistics-" + r.from() + "-" + r.to() + ".pdf\"").body(StatisticsPdf.render(r));
  }

  @ExceptionHandler(InvalidPeriodException.class)
  ProblemDetail invalid(InvalidPeriodException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "期間が正しくありません / the period is invalid");
    p.setTitle("Invalid period");
    p.setProperty("errors", e.errors);
    return p;
  }

  /** Everything for managers and administrators, the government part for liaison. */
  StatisticsReport report(String from, String to, HttpServletRequest request) {
    LocalDate[] period = period(statistics, from, to);
    StatisticsReport r = statistics.report(period[0], period[1]);
    return seesAll(request) ? r : r.governmentOnly();
  }

  @SuppressWarnings("unchecked")
  static boolean seesAll(HttpServletRequest request) {
    List<String> groups = (List<String>) request.getAttribute(StaffApiAuthenticationFilter.GROUPS_ATTRIBUTE);
    return groups != null && (groups.contains(Groups.MANAGER) || groups.contains(Groups.ADMIN));
  }

  /** [from, to] from the request; missing ends default to the last closed quarter's. */
  static LocalDate[] period(StatisticsService statistics, String from, String to) {
    LocalDate[] def = statistics.lastClosedQuarter();
    List<Map<String, String>> errors = new ArrayList<>();
    LocalDate f = date("from", from, def[0], errors);
    LocalDate t = date("to", to, def[1], errors);
    if (errors.isEmpty() && f.isAfter(t)) {
      errors.add(Map.of("field", "to", "message",
          "終了日は開始日以降にしてください / to must not be before from"));
    }
    if (errors.isEmpty() && f.plusYears(50).isBefore(t)) {
      errors.add(Map.of("field", "to", "message", "期間は50年までです / the period is at most 50 years"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidPeriodException(errors);
    }
    return new LocalDate[] {f, t};
  }

  private static LocalDate date(String field, String value, LocalDate fallback, List<Map<String, String>> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      LocalDate d = LocalDate.parse(value.strip());
      if (d.getYear() < 2000 || d.getYear() > 2999) {
        errors.add(Map.of("field", field, "message", "2000年以降の日付を指定してください / a date from 2000 on"));
      }
      return d;
    } catch (DateTimeParseException e) {
      errors.add(Map.of("field", field, "message",
          "日付は YYYY-MM-DD で指定してください / the date must be YYYY-MM-DD"));
      return fallback;
    }
  }

  /** Every table, one after the other: a header row (table id, columns), then its rows; UTF-8 with BOM. */
  static String csv(StatisticsReport r) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append("table,title,from,to\n");
    for (Table t : StatisticsTables.of(r)) {
      sb.append('\n').append(cell(t.id())).append(',').append(cell(t.titleJa() + " / " + t.titleEn())).append(',')
          .append(r.from()).append(',').append(r.to()).append('\n');
      sb.append(cell(t.id()));
      t.columns().forEach(c -> sb.append(',').append(cell(c)));
      sb.append('\n');
      for (List<String> row : t.rows()) {
        sb.append(cell(t.id()));
        row.forEach(c -> sb.append(',').append(cell(c)));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String cell(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.equals("-")) {
      s = "'" + s; // no formulas in spreadsheet programs
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
