package jp.vulnreport.cases;

import java.time.OffsetDateTime;
import java.util.List;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.notification.MailRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's audit timeline as JSON for managers: state changes, task completions, messages sent, deadlines. */
@RestController
@RequestMapping("/api/audit/cases")
public class CaseTimelineController {

  /** Everything the register knows about the case's history, in order. */
  public record Timeline(String trackingNumber, CaseState state, String stateJa, OffsetDateTime receivedAt,
      OffsetDateTime closedAt, List<CaseEvent> events, List<MailRecords.MailRecord> messages,
      List<Deadlines.Deadline> deadlines) {}

  private final CaseRegister register;
  private final MailRecords mails;
  private final Deadlines deadlines;

  public CaseTimelineController(CaseRegister register, MailRecords mails, Deadlines deadlines) {
    this.register = register;
    this.mails = mails;
    this.deadlines = deadlines;
  }

  @GetMapping(path = "/{trackingNumber}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Timeline> timeline(@PathVariable String trackingNumber) {
    CaseRecord c = register.get(trackingNumber);
    Timeline t = new Timeline(c.trackingNumber(), c.state(), c.state().ja(), c.receivedAt(), c.closedAt(),
        register.timeline(trackingNumber), mails.forCase(trackingNumber), deadlines.forCase(trackingNumber));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + trackingNumber + "-timeline.json\"")
        .body(t);
  }
}
