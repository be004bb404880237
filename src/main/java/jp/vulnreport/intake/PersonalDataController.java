package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a discoverer's personal data before the retention period is over (managers, with a reason). */
@RestController
public class PersonalDataController {

  public record ErasureRequest(String reason) {}

  private final PersonalDataErasure erasure;

  public PersonalDataController(PersonalDataErasure erasure) {
    this.erasure = erasure;
  }

  @PostMapping(path = "/api/cases/{trackingNumber}/personal-data/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public PersonalDataErasure.Result erase(@PathVariable String trackingNumber, @RequestBody ErasureRequest body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.MANAGER);
    return erasure.eraseOnRequest(trackingNumber, StaffApiAuthenticationFilter.user(request),
        body == null ? null : body.reason());
  }
}
