package jp.vulnreport.links;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff view and control of a case's private links: list them with their use, see each use,
 * revoke one, and send the discoverer a new status link by mail (the token goes to the mail only).
 */
@RestController
@RequestMapping("/api/cases/{trackingNumber}/links")
public class PrivateLinkController {

  public record Revocation(String reason) {}

  public record NewDiscovererLink(String reason, Boolean revokeOthers) {}

  private final PrivateLinks links;
  private final LinkProperties properties;
  private final MailService mail;

  public PrivateLinkController(PrivateLinks links, LinkProperties properties, MailService mail) {
    this.links = links;
    this.properties = properties;
    this.mail = mail;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PrivateLinks.PrivateLink> list(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.COORDINATION, Groups.MANAGER);
    return links.forCase(trackingNumber);
  }

  @GetMapping(path = "/{linkId}/uses", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PrivateLinks.Use> uses(@PathVariable String trackingNumber, @PathVariable long linkId,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.COORDINATION, Groups.MANAGER);
    return links.uses(trackingNumber, linkId);
  }

  @PostMapping(path = "/{linkId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public PrivateLinks.PrivateLink revoke(@PathVariable String trackingNumber, @PathVariable long linkId,
      @RequestBody Revocation body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.COORDINATION, Groups.MANAGER);
    return links.revoke(trackingNumber, linkId, body == null ? null : body.reason(),
        StaffApiAuthenticationFilter.user(request));
  }

  /** Issues a new status link for the discoverer and mails it; optionally revokes the old ones. */
  @PostMapping(path = "/discoverer", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<PrivateLinks.PrivateLink> newDiscovererLink(@PathVariable String trackingNumber,
      @RequestBody NewDiscovererLink body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.MANAGER);
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw new IllegalArgumentException("reason must not be empty");
    }
    String user = StaffApiAuthenticationFilter.user(request);
    if (Boolean.TRUE.equals(body.revokeOthers())) {
      links.revokeAll(trackingNumber, LinkAudience.DISCOVERER, null, "replaced: " + body.reason().strip(), user);
    }
    String reporterId = links.forCase(trackingNumber).stream()
        .filter(l -> l.audience() == LinkAudience.DISCOVERER).map(PrivateLinks.PrivateLink::partyRef)
        .findFirst().orElse(null);
    PrivateLinks.Issued issued = links.issue(trackingNumber, LinkAudience.DISCOVERER, reporterId, user);
    mail.send("status-link:" + issued.id(), trackingNumber, "status-link", Recipient.DISCOVERER, null,
        Map.of("statusUrl", properties.statusUrl(issued.token()), "expiresAt", issued.expiresAt().toLocalDate().toString()),
        List.of());
    return ResponseEntity.status(HttpStatus.CREATED).body(links.get(trackingNumber, issued.id()));
  }
}
