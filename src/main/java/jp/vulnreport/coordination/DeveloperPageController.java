package jp.vulnreport.coordination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.PublicPage;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkPages;
import jp.vulnreport.links.PrivateLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product developer's private page: name a contact point, then report status, fix, proposed
 * publication date and statement (and questions for the discoverer). No account; the link is the
 * key, and it names the developer it was issued to.
 */
@Controller
@PublicPage
public class DeveloperPageController {

  private final LinkPages linkPages;
  private final CaseRegister register;
  private final Coordinations coordinations;
  private final DeveloperCommands commands;
  private final MessageSource messages;
  private final PublicationDates publicationDates;
  private final SharedAttachments sharedAttachments;

  private final ZeroDayRequestCommands zeroDays;
  private final jp.vulnreport.government.VendorRequests vendor;

  public DeveloperPageController(LinkPages linkPages, CaseRegister register, Coordinations coordinations,
      DeveloperCommands commands, MessageSource messages, ZeroDayRequestCommands zeroDays,
      jp.vulnreport.government.VendorRequests vendor, PublicationDates publicationDates,
      SharedAttachments sharedAttachments) {
    this.zeroDays = zeroDays;
    this.vendor = vendor;
    this.publicationDates = publicationDates;
    this.sharedAttachments = sharedAttachments;
    this.linkPages = linkPages;
    this.register = register;
    this.coordinations = coordinations;
    this.commands = commands;
    this.messages = messages;
  }

  @GetMapping("/developer/{token}")
  String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<PrivateLinks.PrivateLink> link = linkPages.open(token, LinkAudience.DEVELOPER, "VIEW", request, response,
        model);
    return link.isEmpty() ? LinkPages.INVALID_VIEW : view(link.get(), token, model, Map.of());
  }

  @PostMapping("/developer/{token}/contact")
  String contact(@PathVariable String token, @RequestParam(required = false) String name,
      @RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    model.addAttribute("name", name);
    model.addAttribute("email", email);
    return act(token, "CONTACT_POINT", (tn, dev) -> commands.nameContactPoint(tn, dev, name, email, "developer"),
        "page.developer.contact.thanks", request, response, model, redirect);
  }

  @PostMapping("/developer/{token}/response")
  String respond(@PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    model.addAttribute("form", form);
    return act(token, "RESPONSE", (tn, dev) -> commands.respond(tn, dev, new Coordinations.Response(
            Coordinations.valueOrNull(Coordinations.Status.class, form.get("status")),
            Coordinations.valueOrNull(Coordinations.FixAvailability.class, form.get("fixAvailability")), form.get("fixedVersions"),
            form.get("countermeasure"), date(form.get("proposedPublicationDate")), form.get("statement"),
            form.get("question")), "developer"),
        "page.developer.response.thanks", request, response, model, redirect);
  }

  /** A zero-day handling request (ゼロデイ取扱い要望): hold the information back; liaison weighs it. */
  @PostMapping("/developer/{token}/zero-day")
  String zeroDay(@PathVariable String token, @RequestParam(required = false) String zeroDayReason,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    model.addAttribute("zeroDayReason", zeroDayReason);
    return act(token, "ZERO_DAY_REQUEST", (tn, dev) -> zeroDays.request(tn, dev, zeroDayReason, "DEVELOPER_PAGE", "developer"),
        "page.developer.zeroday.thanks", request, response, model, redirect);
  }

  /** The developer confirms the proposed publication date, or objects with a reason (and its own date). */
  @PostMapping("/developer/{token}/publication-date")
  String answerPublicationDate(@PathVariable String token, @RequestParam Map<String, String> form,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    model.addAttribute("form", form);
    String answer = form.get("dateAnswer");
    return act(token, "PUBLICATION_DATE", (tn, dev) -> {
      if (!"CONFIRM".equals(answer) && !"OBJECT".equals(answer)) {
        throw new IllegalArgumentException("dateAnswer");
      }
      publicationDates.answer(tn, dev, "CONFIRM".equals(answer), form.get("dateReason"),
          date(form.get("counterDate"), "counterDate"), "developer");
    }, "page.developer.date.thanks", request, response, model, redirect);
  }

  /** After agreement, the developer asks for a change of the date (with a reason): it is proposed again. */
  @PostMapping("/developer/{token}/publication-date/change")
  String askPublicationDateChange(@PathVariable String token, @RequestParam Map<String, String> form,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    model.addAttribute("form", form);
    return act(token, "PUBLICATION_DATE_CHANGE", (tn, dev) -> publicationDates.reopen(tn, dev, form.get("dateReason"),
            date(form.get("counterDate"), "counterDate"), "developer"),
        "page.developer.date.change.thanks", request, response, model, redirect);
  }

  /** Opens the link and does what the developer asked; field errors and "nothing waits" come back on the page. */
  private String act(String token, String action, BiConsumer<String, String> command, String thanks,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Optional<PrivateLinks.PrivateLink> link = linkPages.open(token, LinkAudience.DEVELOPER, action, request, response,
        model);
    if (link.isEmpty()) {
      return LinkPages.INVALID_VIEW;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      command.accept(link.get().trackingNumber(), link.get().partyRef());
    } catch (IllegalArgumentException e) {
      errors.put(e.getMessage(), message("page.developer.error." + e.getMessage()));
    } catch (ZeroDayRequestPendingException e) {
      errors.put("zeroDayReason", message("page.developer.error.zero-day-pending"));
    } catch (CaseConflictException e) {
      errors.put("form", message("page.developer.error.not-waiting"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return view(link.get(), token, model, errors);
    }
    redirect.addFlashAttribute("notice", message(thanks));
    return "redirect:/developer/" + token;
  }

  private String view(PrivateLinks.PrivateLink link, String token, Model model, Map<String, String> errors) {
    String tn = link.trackingNumber();
    CaseRecord c = register.get(tn);
    Optional<Coordinations.Coordination> k = coordinations.find(tn, link.partyRef());
    model.addAttribute("trackingNumber", tn);
    model.addAttribute("token", token);
    model.addAttribute("productName", c.productName());
    model.addAttribute("developerName", k.map(Coordinations.Coordination::developerName).orElse("-"));
    model.addAttribute("waiting", commands.waiting(tn, link.partyRef()).name());
    // the report's summary once the details went to the contact point
    model.addAttribute("summary", k.map(x -> x.detailsSentAt() != null).orElse(false) ? c.summary() : null);
    model.addAttribute("current", k.filter(x -> x.status() != null).orElse(null));
    model.addAttribute("listed", k.map(Coordinations.Coordination::listed).orElse(false));
    // zero-day handling requests: open while the developer is in the case's coordination and the case runs
    model.addAttribute("zeroDayOpen", k.isPresent() && c.closedAt() == null);
    model.addAttribute("zeroDayRequests", vendor.requests(tn, link.partyRef()).stream().map(r -> Map.of(
        "requestedOn", vendor.requestedOn(r), "reason", r.reason(),
        "decision", message("page.developer.zeroday.decision." + (r.decision() == null ? "PENDING" : r.decision())),
        "decisionReason", r.decisionReason() == null ? "" : r.decisionReason())).toList());
    if (!model.containsAttribute("zeroDayReason")) {
      model.addAttribute("zeroDayReason", "");
    }
    model.addAttribute("dateAgreement", publicationDates.forDeveloper(tn, link.partyRef()).orElse(null));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    model.addAttribute("errors", errors);
    sharedFiles(tn, link.partyRef(), model);
    return "public/developer";
  }

  // ---- the report's files shared with the developer (download only, logged) ----------------------

  /** The files staff chose to share, once the contact point is named (the page's "files" block). */
  private void sharedFiles(String trackingNumber, String developerId, Model model) {
    model.addAttribute("sharedFilesOpen", sharedAttachments.contactPointNamed(trackingNumber, developerId));
    model.addAttribute("sharedFiles", sharedAttachments.forDeveloper(trackingNumber, developerId));
  }

  /**
   * Downloads a shared file: always as an opaque attachment (never rendered by the browser); 403
   * before the contact point is named, 404 for a file that is not shared with the developers.
   */
  @GetMapping("/developer/{token}/files/{id}")
  ResponseEntity<?> download(@PathVariable String token, @PathVariable String id, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Optional<PrivateLinks.PrivateLink> link = linkPages.open(token, LinkAudience.DEVELOPER, "DOWNLOAD", request,
        response, model);
    if (link.isEmpty()) {
      return ResponseEntity.status(response.getStatus() >= 400 ? response.getStatus() : 404)
          .contentType(MediaType.TEXT_PLAIN).body(message("page.developer.files.unavailable"));
    }
    String tn = link.get().trackingNumber();
    String developerId = link.get().partyRef();
    if (!sharedAttachments.contactPointNamed(tn, developerId)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
          .body(message("page.developer.files.notYet"));
    }
    Optional<SharedAttachments.Download> d = sharedAttachments.download(tn, developerId, id);
    if (d.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body(message("page.developer.files.unavailable"));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(d.get().sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.get().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new FileSystemResource(d.get().file()));
  }

  private static LocalDate date(String value) {
    return date(value, "proposedPublicationDate");
  }

  private static LocalDate date(String value, String field) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field);
    }
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
