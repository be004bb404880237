package jp.vulnreport.cases;

import jakarta.servlet.http.HttpServletRequest;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff actions on cases (HTTP Basic; groups receipt and manager). */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  public record Discontinuation(String reason) {}

  private final CaseCommands commands;

  public CaseController(CaseCommands commands) {
    this.commands = commands;
  }

  /** 取りやめ: ends the case's receipt process and tells the discoverer. */
  @PostMapping(path = "/{trackingNumber}/discontinuation", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> discontinue(@PathVariable String trackingNumber, @RequestBody Discontinuation body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.MANAGER);
    String user = StaffApiAuthenticationFilter.user(request);
    commands.discontinue(trackingNumber, body == null ? null : body.reason(), user);
    return ResponseEntity.accepted().build();
  }
}
