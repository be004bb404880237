package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.Clarifications;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkPages;
import jp.vulnreport.links.PrivateLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The discoverer's private status page: the case's state in plain words, its key dates, and the
 * questions put to the discoverer with a reply form. Nothing about the developer or the
 * coordination that is not public.
 */
@Controller
@PublicPage
public class StatusPageController {

  /** A key date shown to the discoverer. */
  public record KeyDate(String label, String value) {}

  private final LinkPages linkPages;
  private final CaseRegister register;
  private final Clarifications clarifications;
  private final CaseCommands commands;
  private final MessageSource messages;
  private final ZoneId zone;
  private final ReportValidator validator;
  private final jp.vulnreport.coordination.Advisories advisories;

  public StatusPageController(LinkPages linkPages, CaseRegister register, Clarifications clarifications,
      CaseCommands commands, MessageSource messages, AppProperties properties, ReportValidator validator,
      jp.vulnreport.coordination.Advisories advisories) {
    this.validator = validator;
    this.advisories = advisories;
    this.linkPages = linkPages;
    this.register = register;
    this.clarifications = clarifications;
    this.commands = commands;
    this.messages = messages;
    this.zone = properties.timeZone();
  }

  @GetMapping("/status/{token}")
  String status(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<PrivateLinks.PrivateLink> link = open(token, "VIEW", request, response, model);
    if (link.isEmpty()) {
      return LinkPages.INVALID_VIEW;
    }
    return view(link.get().trackingNumber(), token, model, null, null);
  }

  @PostMapping("/status/{token}/reply")
  String reply(@PathVariable String token, @RequestParam(required = false) String answer,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Optional<PrivateLinks.PrivateLink> link = open(token, "REPLY", request, response, model);
    if (link.isEmpty()) {
      return LinkPages.INVALID_VIEW;
    }
    String tn = link.get().trackingNumber();
    String error = null;
    FieldError invalid = validator.replyError("answer", answer);
    if (answer == null || answer.isBlank()) {
      error = message("page.error.answer.empty");
    } else if (answer.strip().length() > ReportValidator.MAX_REPLY) {
      error = message("page.error.answer.long", ReportValidator.MAX_REPLY);
    } else if (invalid != null) {
      error = invalid.message();
    } else {
      try {
        commands.answerClarification(register.get(tn), answer);
      } catch (CaseConflictException e) {
        error = message("page.error.answer.none");
      }
    }
    if (error != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return view(tn, token, model, error, answer);
    }
    redirect.addFlashAttribute("notice", message("page.status.answered"));
    return "redirect:/status/" + token;
  }

  private Optional<PrivateLinks.PrivateLink> open(String token, String action, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    return linkPages.open(token, LinkAudience.DISCOVERER, action, request, response, model);
  }

  private String view(String trackingNumber, String token, Model model, String error, String answer) {
    CaseRecord c = register.get(trackingNumber);
    model.addAttribute("trackingNumber", c.trackingNumber());
    model.addAttribute("token", token);
    model.addAttribute("subject", c.productName() != null ? c.productName() : c.websiteUrl());
    model.addAttribute("summary", c.summary());
    model.addAttribute("stateText", messages.getMessage("status.state." + c.state().name(), null,
        "en".equals(PublicPageAdvice.language()) ? c.state().en() : c.state().ja(), LocaleContextHolder.getLocale()));
    model.addAttribute("reason", c.nonAcceptanceReason() == null ? null
        : "en".equals(PublicPageAdvice.language()) ? c.nonAcceptanceReason().en() : c.nonAcceptanceReason().ja());
    model.addAttribute("dates", dates(c));
    // once published: the advisory's id and its public page (nothing before the publication day)
    var advisory = advisories.stored(trackingNumber).filter(a -> a.publishedAt() != null);
    model.addAttribute("advisoryId", advisory.map(a -> a.id()).orElse(null));
    model.addAttribute("advisoryUrl", advisory.map(advisories::publicUrl).orElse(null));
    model.addAttribute("cveIds", advisory.map(a -> a.cves()).orElse(java.util.List.of()));
    model.addAttribute("clarifications", clarifications.all(trackingNumber));
    model.addAttribute("openQuestion", clarifications.open(trackingNumber).orElse(null));
    model.addAttribute("error", error);
    model.addAttribute("answer", answer);
    return "public/status";
  }

  private List<KeyDate> dates(CaseRecord c) {
    List<KeyDate> dates = new ArrayList<>();
    add(dates, "page.status.date.received", c.receivedAt());
    add(dates, "page.status.date.accepted", c.acceptedAt());
    add(dates, "page.status.date.not-accepted", c.notAcceptedAt());
    add(dates, "page.status.date.handed-off", c.handedOffAt());
    add(dates, "page.status.date.start", c.startDateAt());
    add(dates, "page.status.date.details", c.detailsSentAt());
    add(dates, "page.status.date.published", c.publishedAt());
    add(dates, "page.status.date.discontinued", c.discontinuedAt());
    add(dates, "page.status.date.closed", c.closedAt());
    return dates;
  }

  private void add(List<KeyDate> dates, String key, OffsetDateTime at) {
    if (at != null) {
      dates.add(new KeyDate(message(key), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
          .format(at.atZoneSameInstant(zone)) + " (JST)"));
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
