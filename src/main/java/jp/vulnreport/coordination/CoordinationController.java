package jp.vulnreport.coordination;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.security.AsSystem;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's coordination for staff: each developer's dates, status and listing; and what a
 * developer said by mail or phone, entered by a coordinator (the same as the developer's page).
 */
@RestController
@RequestMapping(path = "/api/cases/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CoordinationController {

  public record ContactPointBody(String name, String email) {}

  public record ResponseBody(String status, String fixAvailability, String fixedVersions, String countermeasure,
      LocalDate proposedPublicationDate, String statement, String questionForDiscoverer) {}

  private final Coordinations coordinations;
  private final DeveloperCommands commands;
  private final CaseRegister register;
  private final Publications publications;
  private final IdentityService identity;

  private final ZeroDayRequestCommands zeroDays;

  public CoordinationController(Coordinations coordinations, DeveloperCommands commands, CaseRegister register,
      Publications publications, IdentityService identity, ZeroDayRequestCommands zeroDays) {
    this.zeroDays = zeroDays;
    this.coordinations = coordinations;
    this.commands = commands;
    this.register = register;
    this.publications = publications;
    this.identity = identity;
  }

  @GetMapping("/coordination")
  Map<String, Object> coordination(@PathVariable String trackingNumber, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    register.get(trackingNumber);
    List<Coordinations.Coordination> developers = coordinations.forCase(trackingNumber);
    return Map.of("trackingNumber", trackingNumber, "developers", developers,
        "plannedPublicationDate", publications.plannedDate(trackingNumber).map(LocalDate::toString).orElse(""));
  }

  @PostMapping(path = "/developers/{developerId}/contact-point", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> contactPoint(@PathVariable String trackingNumber, @PathVariable String developerId,
      @RequestBody ContactPointBody body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    register.get(trackingNumber);
    String user = StaffApiAuthenticationFilter.user(request);
    AsSystem.call(identity, () -> {
      commands.nameContactPoint(trackingNumber, developerId, body.name(), body.email(), user);
      return null;
    });
    return Map.of("trackingNumber", trackingNumber, "developerId", developerId, "recorded", "CONTACT_POINT");
  }

  @PostMapping(path = "/developers/{developerId}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> response(@PathVariable String trackingNumber, @PathVariable String developerId,
      @RequestBody ResponseBody body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    register.get(trackingNumber);
    String user = StaffApiAuthenticationFilter.user(request);
    Coordinations.Response r = new Coordinations.Response(parse(Coordinations.Status.class, body.status(), "status"),
        parse(Coordinations.FixAvailability.class, body.fixAvailability(), "fixAvailability"), body.fixedVersions(),
        body.countermeasure(), body.proposedPublicationDate(), body.statement(), body.questionForDiscoverer());
    AsSystem.call(identity, () -> {
      commands.respond(trackingNumber, developerId, r, user);
      return null;
    });
    return Map.of("trackingNumber", trackingNumber, "developerId", developerId, "recorded", "RESPONSE");
  }

  public record ZeroDayRequestBody(String reason) {}

  /** A zero-day handling request the developer made by mail or phone, entered by staff; liaison weighs it. */
  @PostMapping(path = "/developers/{developerId}/zero-day-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
  Map<String, Object> zeroDayRequest(@PathVariable String trackingNumber, @PathVariable String developerId,
      @RequestBody ZeroDayRequestBody body, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.LIAISON);
    register.get(trackingNumber);
    String user = StaffApiAuthenticationFilter.user(request);
    long id;
    try {
      id = AsSystem.call(identity, () -> zeroDays.request(trackingNumber, developerId, body.reason(), "STAFF", user));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("reason: required, up to "
          + jp.vulnreport.government.VendorRequests.MAX_REASON + " characters", e);
    }
    return Map.of("trackingNumber", trackingNumber, "developerId", developerId, "zeroDayRequestId", id,
        "recorded", "ZERO_DAY_REQUEST");
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
