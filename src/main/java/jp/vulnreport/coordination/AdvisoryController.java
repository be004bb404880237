package jp.vulnreport.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.security.AsSystem;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's advisory for staff (coordinators and managers): its JVN number, CVE IDs and CSAF versions;
 * the CVE record of each CVE ID, ready for submission; coordinators record the CVE IDs and release an
 * update of a published advisory (a new CSAF version).
 */
@RestController
@RequestMapping(path = "/api/cases/{trackingNumber}/advisory", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdvisoryController {

  public record CveIdsBody(String cveIds) {}

  public record RevisionBody(String summary, String cveIds) {}

  private final Advisories advisories;
  private final CveRecords cveRecords;
  private final CaseRegister register;
  private final IdentityService identity;

  public AdvisoryController(Advisories advisories, CveRecords cveRecords, CaseRegister register,
      IdentityService identity) {
    this.advisories = advisories;
    this.cveRecords = cveRecords;
    this.register = register;
    this.identity = identity;
  }

  @GetMapping
  Map<String, Object> advisory(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    Advisories.Advisory a = advisory(trackingNumber);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trackingNumber", trackingNumber);
    m.put("advisoryId", a.id());
    m.put("published", a.publishedAt() != null);
    m.put("overseasCoordinator", a.overseasCoordinator() == null ? "" : a.overseasCoordinator());
    m.put("cveIds", a.cves());
    m.put("cveRecords", a.cves().stream().map(id -> "/api/cases/" + trackingNumber + "/advisory/cve/" + id + ".json")
        .toList());
    m.put("csafVersions", advisories.revisions(trackingNumber).stream().map(r -> Map.of("version", r.version(),
        "releasedAt", r.releasedAt().toString(), "summary", r.summary())).toList());
    return m;
  }

  /** The CVE record of one CVE ID of the case (CVE JSON 5.1; containers.cna is what the CNA submits). */
  @GetMapping(path = "/cve/{cveId}.json")
  ResponseEntity<JsonNode> cveRecord(@PathVariable String trackingNumber, @PathVariable String cveId,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    Advisories.Advisory a = advisory(trackingNumber);
    if (!a.cves().contains(cveId)) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + cveId + ".json\"")
        .body(cveRecords.record(a, cveId));
  }

  /** One released version of the CSAF document (earlier versions stay available). */
  @GetMapping(path = "/csaf/{version}.json")
  ResponseEntity<String> csafVersion(@PathVariable String trackingNumber, @PathVariable int version,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    register.get(trackingNumber);
    String name = advisories.stored(trackingNumber).map(a -> a.slug().toLowerCase()).orElse(trackingNumber)
        + "_v" + version + ".json";
    return advisories.csafVersion(trackingNumber, version).map(csaf -> ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(csaf))
        .orElse(ResponseEntity.notFound().build());
  }

  /**
   * Records the CVE IDs of a drafted advisory before publication (the draft is rebuilt); after
   * publication use a revision.
   */
  @PutMapping(path = "/cve-ids", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> cveIds(@PathVariable String trackingNumber, @RequestBody CveIdsBody body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    Advisories.Advisory a = advisory(trackingNumber);
    if (a.publishedAt() != null) {
      throw new IllegalArgumentException("公表済みです。CVE ID の変更は更新（改訂）として行ってください / the advisory is "
          + "published: change CVE IDs with a revision");
    }
    String user = StaffApiAuthenticationFilter.user(request);
    Advisories.Advisory drafted = AsSystem.call(identity, () -> advisories.draft(trackingNumber, a.texts(),
        body == null ? null : body.cveIds(), a.overseasCoordinator(), user));
    return Map.of("trackingNumber", trackingNumber, "advisoryId", drafted.id(), "cveIds", drafted.cves());
  }

  /** An update of the published advisory: a new CSAF version with a new revision entry. */
  @PostMapping(path = "/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> revise(@PathVariable String trackingNumber, @RequestBody RevisionBody body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    register.get(trackingNumber);
    String user = StaffApiAuthenticationFilter.user(request);
    Advisories.Advisory a = AsSystem.call(identity, () -> advisories.revise(trackingNumber, null,
        body == null ? null : body.cveIds(), body == null ? null : body.summary(), user));
    List<Advisories.Revision> revisions = advisories.revisions(trackingNumber);
    return Map.of("trackingNumber", trackingNumber, "advisoryId", a.id(), "version",
        revisions.get(revisions.size() - 1).version(), "cveIds", a.cves());
  }

  private Advisories.Advisory advisory(String trackingNumber) {
    register.get(trackingNumber);
    return advisories.stored(trackingNumber).orElseThrow(() -> new IllegalArgumentException(
        "公表文がまだありません / no advisory has been drafted for " + trackingNumber));
  }
}
