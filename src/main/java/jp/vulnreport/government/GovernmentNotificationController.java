package jp.vulnreport.government;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.vulnreport.AppProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence of Cabinet Office notices and the events that reach them (HTTP Basic; groups
 * liaison and manager).
 */
@RestController
@RequestMapping("/api")
public class GovernmentNotificationController {

  /** One row of the evidence list. */
  public record Entry(String trackingNumber, String status, String openedOn, OffsetDateTime recognisedAt,
      String recognisedBy, Boolean notifiable, String grounds, String overrideReason, OffsetDateTime deadlineAt,
      Integer policyVersion, String draftedBy, String approvedBy, OffsetDateTime sentAt, Boolean onTime,
      Long lateBySeconds, OffsetDateTime overdueFlaggedAt, String vendorDecision, OffsetDateTime acknowledgedAt,
      int updatesSent) {

    static Entry of(GovernmentNotification n) {
      return new Entry(n.trackingNumber(), n.status(), n.openedOn(), n.recognisedAt(), n.recognisedBy(),
          n.notifiable(), n.grounds(), n.overrideReason(), n.deadlineAt(), n.policyVersion(), n.draftedBy(),
          n.approvedBy(), n.sentAt(), n.onTime(), n.lateBySeconds(), n.overdueFlaggedAt(), n.vendorDecision(),
          n.acknowledgedAt(), n.updatesSent());
    }
  }

  /** The list with its summary: how many notices were due, sent, on time. */
  public record Report(LocalDate from, LocalDate to, int recognised, int notifiable, int sent, int onTime,
      Double onTimeRate, List<Entry> notifications) {}

  public record Update(String text, Boolean closing) {}

  private final GovernmentNotices notices;
  private final GovernmentCommands commands;
  private final ZoneId zone;

  public GovernmentNotificationController(GovernmentNotices notices, GovernmentCommands commands,
      AppProperties properties) {
    this.notices = notices;
    this.commands = commands;
    this.zone = properties.timeZone();
  }

  /** Notifications recognised in [from, to] (Japan dates; default: the last 30 days). */
  @GetMapping(path = "/government-notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  public Report list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate end = to != null ? to : LocalDate.now(zone);
    LocalDate start = from != null ? from : end.minusDays(30);
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    List<Entry> entries = notices.recognisedBetween(start.atStartOfDay(zone).toOffsetDateTime(),
        end.plusDays(1).atStartOfDay(zone).toOffsetDateTime()).stream().map(Entry::of).toList();
    int notifiable = (int) entries.stream().filter(e -> Boolean.TRUE.equals(e.notifiable())).count();
    int sent = (int) entries.stream().filter(e -> e.sentAt() != null).count();
    int onTime = (int) entries.stream().filter(e -> Boolean.TRUE.equals(e.onTime())).count();
    return new Report(start, end, entries.size(), notifiable, sent, onTime,
        sent == 0 ? null : Math.round(1000.0 * onTime / sent) / 1000.0, entries);
  }

  /** The same list as CSV (UTF-8 with BOM, so spreadsheet programs read the Japanese). */
  @GetMapping(path = "/government-notifications.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<String> csv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Report r = list(from, to);
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append("tracking_number,status,opened_on,recognised_at,recognised_by,notifiable,deadline_at,policy_version,"
        + "drafted_by,approved_by,sent_at,on_time,late_by_seconds,overdue_flagged_at,vendor_decision,acknowledged_at,"
        + "updates_sent,grounds\n");
    for (Entry e : r.notifications()) {
      sb.append(String.join(",", cell(e.trackingNumber()), cell(e.status()), cell(e.openedOn()),
          cell(e.recognisedAt()), cell(e.recognisedBy()), cell(e.notifiable()), cell(e.deadlineAt()),
          cell(e.policyVersion()), cell(e.draftedBy()), cell(e.approvedBy()), cell(e.sentAt()), cell(e.onTime()),
          cell(e.lateBySeconds()), cell(e.overdueFlaggedAt()), cell(e.vendorDecision()), cell(e.acknowledgedAt()),
          cell(e.updatesSent()), cell(e.grounds()))).append('\n');
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"government-notifications-" + r.from() + "-" + r.to() + ".csv\"").body(sb.toString());
  }

  /** Re-evaluate a case whose facts changed (new exploitation information, new severity ...). */
  @PostMapping(path = "/government-notifications/{trackingNumber}/reevaluation")
  public ResponseEntity<Map<String, String>> reevaluate(@PathVariable String trackingNumber) {
    String id = commands.reevaluate(trackingNumber);
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(Map.of("processInstanceId", id));
  }

  @PostMapping(path = "/government-notifications/{trackingNumber}/acknowledgement")
  public ResponseEntity<Void> acknowledged(@PathVariable String trackingNumber) {
    commands.acknowledged(trackingNumber);
    return ResponseEntity.accepted().build();
  }

  @PostMapping(path = "/government-notifications/{trackingNumber}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> update(@PathVariable String trackingNumber, @RequestBody Update body) {
    commands.update(trackingNumber, body == null ? null : body.text(), body != null && Boolean.TRUE.equals(body.closing()));
    return ResponseEntity.accepted().build();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    // keep spreadsheet programs from reading a cell as a formula
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
