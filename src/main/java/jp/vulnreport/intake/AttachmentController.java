package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Report attachments for the staff who work on the case. Files are always served as opaque
 * downloads: never rendered by the browser, whatever their name or content.
 */
@RestController
@RequestMapping("/api/cases/{trackingNumber}/attachments")
public class AttachmentController {

  private final AttachmentStore store;
  private final CaseRegister register;

  public AttachmentController(AttachmentStore store, CaseRegister register) {
    this.store = store;
    this.register = register;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<AttachmentStore.StoredAttachment> list(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION,
        Groups.MANAGER);
    return store.forCase(trackingNumber);
  }

  @GetMapping("/{id}")
  public ResponseEntity<Resource> download(@PathVariable String trackingNumber, @PathVariable String id,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION,
        Groups.MANAGER);
    AttachmentStore.StoredAttachment a = store.get(trackingNumber, id);
    FileSystemResource file = new FileSystemResource(store.file(a));
    register.event(trackingNumber, StaffApiAuthenticationFilter.user(request), "ATTACHMENT_DOWNLOADED",
        a.fileName() + " (" + a.id() + ")");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(a.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("X-Vulnreport-Media-Type", a.mediaType())
        .header("X-Vulnreport-Sha256", a.sha256())
        .body(file);
  }
}
