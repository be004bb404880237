package jp.vulnreport.coordination;

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

/**
 * Coordinators choose which of the report's attachments the case's developers may download from
 * their private pages (e.g. the discoverer's proof of concept). Nothing is shared by default.
 */
@RestController
@RequestMapping(path = "/api/cases/{trackingNumber}/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
public class SharedAttachmentController {

  public record SharingBody(Boolean shared) {}

  private final SharedAttachments shared;

  public SharedAttachmentController(SharedAttachments shared) {
    this.shared = shared;
  }

  @GetMapping("/developer-sharing")
  public List<SharedAttachments.Sharing> sharing(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    return shared.sharing(trackingNumber);
  }

  @PutMapping(path = "/{id}/developer-sharing", consumes = MediaType.APPLICATION_JSON_VALUE)
  public SharedAttachments.Sharing share(@PathVariable String trackingNumber, @PathVariable String id,
      @RequestBody SharingBody body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    if (body == null || body.shared() == null) {
      throw new IllegalArgumentException("shared: true（共有する）か false（共有しない）を指定してください / shared must be true or false");
    }
    return shared.share(trackingNumber, id, body.shared(), StaffApiAuthenticationFilter.user(request));
  }
}
