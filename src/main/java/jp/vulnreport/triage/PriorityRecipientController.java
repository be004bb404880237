package jp.vulnreport.triage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry of priority information recipients: liaison reads it, managers keep it. */
@RestController
@RequestMapping("/api/priority-recipients")
public class PriorityRecipientController {

  public record RecipientBody(String organization, String sector, String email, String acceptedTlp, Boolean active) {}

  private final PriorityRecipients recipients;

  public PriorityRecipientController(PriorityRecipients recipients) {
    this.recipients = recipients;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PriorityRecipients.Recipient> list() {
    return recipients.all();
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public PriorityRecipients.Recipient save(@PathVariable String id, @RequestBody RecipientBody body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.MANAGER);
    if (body == null) {
      throw new IllegalArgumentException("a body is required");
    }
    return recipients.save(new PriorityRecipients.Recipient(id, body.organization(), body.sector(), body.email(),
        body.acceptedTlp(), body.active() == null || body.active()));
  }
}
