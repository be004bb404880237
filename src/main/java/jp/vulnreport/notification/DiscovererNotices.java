package jp.vulnreport.notification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.Clarifications;
import jp.vulnreport.cases.ReporterData;
import jp.vulnreport.deadline.Deadlines;
import org.springframework.stereotype.Component;

/** What each discoverer mail says: the values its template needs, taken from the case register. */
@Component
public class DiscovererNotices {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clarifications clarifications;
  private final Deadlines deadlines;
  private final AppProperties properties;

  public DiscovererNotices(Clarifications clarifications, Deadlines deadlines, AppProperties properties) {
    this.clarifications = clarifications;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  public Map<String, String> model(String template, CaseRecord c, ReporterData reporter) {
    Map<String, String> m = new HashMap<>();
    m.put("trackingNumber", c.trackingNumber());
    m.put("name", reporter.name());
    m.put("summary", c.summary());
    m.put("subject", c.productName() != null ? c.productDeveloper() + " " + c.productName()
        : c.websiteUrl() != null ? c.websiteUrl() : "-");
    m.put("receivedAt", local(c.receivedAt()).format(DATE_TIME) + " (JST)");
    switch (template) {
      case "clarification-request", "clarification-reminder" -> {
        var q = clarifications.latest(c.trackingNumber())
            .orElseThrow(() -> new IllegalStateException("no clarification for " + c.trackingNumber()));
        m.put("questions", q.questions());
        var cutoff = deadlines.compute(c.trackingNumber(), "CLARIFICATION_CUTOFF", q.askedAt(),
            c.exploitationStatus(), null);
        m.put("replyBy", local(cutoff.dueAt()).format(DATE_TIME) + " (JST)");
      }
      case "non-acceptance" -> {
        if (c.nonAcceptanceReason() == null) {
          throw new IllegalStateException("case " + c.trackingNumber() + " has no non-acceptance reason");
        }
        m.put("reasonJa", c.nonAcceptanceReason().ja());
        m.put("reasonEn", c.nonAcceptanceReason().en());
      }
      case "discontinued" -> m.put("reason", c.discontinuationReason() == null ? "-" : c.discontinuationReason());
      default -> { }
    }
    return m;
  }

  private OffsetDateTime local(OffsetDateTime t) {
    return t.atZoneSameInstant(properties.timeZone()).toOffsetDateTime();
  }
}
