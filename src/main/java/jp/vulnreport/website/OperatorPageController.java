package jp.vulnreport.website;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.PublicPage;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkRefusedException;
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
 * The website operator's private page: name a contact point (before that, the page shows the
 * address only), then report the fix or dispute the report. No account; the link is the key.
 */
@Controller
@PublicPage
public class OperatorPageController {

  private final PrivateLinks links;
  private final CaseRegister register;
  private final WebsiteCommands commands;
  private final MessageSource messages;

  public OperatorPageController(PrivateLinks links, CaseRegister register, WebsiteCommands commands,
      MessageSource messages) {
    this.links = links;
    this.register = register;
    this.commands = commands;
    this.messages = messages;
  }

  @GetMapping("/operator/{token}")
  String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<PrivateLinks.PrivateLink> link = open(token, "VIEW", request, response, model);
    return link.isEmpty() ? "public/link-invalid" : view(link.get().trackingNumber(), token, model, Map.of());
  }

  @PostMapping("/operator/{token}/contact")
  String contact(@PathVariable String token, @RequestParam(required = false) String name,
      @RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    Optional<PrivateLinks.PrivateLink> link = open(token, "CONTACT_POINT", request, response, model);
    if (link.isEmpty()) {
      return "public/link-invalid";
    }
    String tn = link.get().trackingNumber();
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      commands.nameContactPoint(tn, name, email);
    } catch (IllegalArgumentException e) {
      errors.put(e.getMessage(), message("page.operator.error." + e.getMessage()));
    } catch (CaseConflictException e) {
      errors.put("form", message("page.operator.error.not-waiting"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("name", name);
      model.addAttribute("email", email);
      return view(tn, token, model, errors);
    }
    redirect.addFlashAttribute("notice", message("page.operator.contact.thanks"));
    return "redirect:/operator/" + token;
  }

  @PostMapping("/operator/{token}/response")
  String respond(@PathVariable String token, @RequestParam(required = false) String type,
      @RequestParam(required = false) String text, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    Optional<PrivateLinks.PrivateLink> link = open(token, "RESPONSE", request, response, model);
    if (link.isEmpty()) {
      return "public/link-invalid";
    }
    String tn = link.get().trackingNumber();
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      commands.respond(tn, parse(type), text);
    } catch (IllegalArgumentException e) {
      errors.put(e.getMessage(), message("page.operator.error." + e.getMessage()));
    } catch (CaseConflictException e) {
      errors.put("form", message("page.operator.error.not-waiting"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("type", type);
      model.addAttribute("text", text);
      return view(tn, token, model, errors);
    }
    redirect.addFlashAttribute("notice", message("page.operator.response.thanks"));
    return "redirect:/operator/" + token;
  }

  private String view(String tn, String token, Model model, Map<String, String> errors) {
    CaseRecord c = register.get(tn);
    WebsiteCommands.Waiting waiting = commands.waiting(tn);
    model.addAttribute("trackingNumber", tn);
    model.addAttribute("token", token);
    model.addAttribute("websiteUrl", c.websiteUrl());
    model.addAttribute("waiting", waiting.name());
    // the report's content only once a contact point has been named (stage 3)
    boolean detailsSent = waiting == WebsiteCommands.Waiting.RESPONSE
        || register.timeline(tn).stream().anyMatch(e -> e.type().equals("OPERATOR_CONTACT_NAMED"));
    model.addAttribute("summary", detailsSent ? c.summary() : null);
    model.addAttribute("errors", errors);
    return "public/operator";
  }

  private Optional<PrivateLinks.PrivateLink> open(String token, String action, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    try {
      Optional<PrivateLinks.PrivateLink> link = links.use(token, LinkAudience.OPERATOR, action,
          request.getRemoteAddr());
      if (link.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reason", "UNKNOWN");
      }
      return link;
    } catch (LinkRefusedException e) {
      response.setStatus(HttpServletResponse.SC_GONE);
      model.addAttribute("reason", e.reason().name());
      return Optional.empty();
    }
  }

  private static WebsiteCommands.ResponseType parse(String type) {
    try {
      return type == null ? null : WebsiteCommands.ResponseType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String message(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
