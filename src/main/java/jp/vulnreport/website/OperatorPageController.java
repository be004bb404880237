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
 * The website operator's private page: name a contact point (before that, the page shows the
 * address only), then report the fix or dispute the report. No account; the link is the key.
 */
@Controller
@PublicPage
public class OperatorPageController {

  private final LinkPages linkPages;
  private final CaseRegister register;
  private final WebsiteCommands commands;
  private final MessageSource messages;

  public OperatorPageController(LinkPages linkPages, CaseRegister register, WebsiteCommands commands,
      MessageSource messages) {
    this.linkPages = linkPages;
    this.register = register;
    this.commands = commands;
    this.messages = messages;
  }

  @GetMapping("/operator/{token}")
  String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<PrivateLinks.PrivateLink> link = linkPages.open(token, LinkAudience.OPERATOR, "VIEW", request, response,
        model);
    return link.isEmpty() ? LinkPages.INVALID_VIEW : view(link.get().trackingNumber(), token, model, Map.of());
  }

  @PostMapping("/operator/{token}/contact")
  String contact(@PathVariable String token, @RequestParam(required = false) String name,
      @RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    model.addAttribute("name", name);
    model.addAttribute("email", email);
    return act(token, "CONTACT_POINT", tn -> commands.nameContactPoint(tn, name, email),
        "page.operator.contact.thanks", request, response, model, redirect);
  }

  @PostMapping("/operator/{token}/response")
  String respond(@PathVariable String token, @RequestParam(required = false) String type,
      @RequestParam(required = false) String text, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    model.addAttribute("type", type);
    model.addAttribute("text", text);
    return act(token, "RESPONSE", tn -> commands.respond(tn, parse(type), text), "page.operator.response.thanks",
        request, response, model, redirect);
  }

  /**
   * Opens the link and does what the operator asked; invalid fields (IllegalArgumentException
   * naming the field) and "nothing waits for this" come back on the page, success as a notice.
   */
  private String act(String token, String action, java.util.function.Consumer<String> command, String thanks,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Optional<PrivateLinks.PrivateLink> link = linkPages.open(token, LinkAudience.OPERATOR, action, request, response,
        model);
    if (link.isEmpty()) {
      return LinkPages.INVALID_VIEW;
    }
    String tn = link.get().trackingNumber();
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      command.accept(tn);
    } catch (IllegalArgumentException e) {
      errors.put(e.getMessage(), message("page.operator.error." + e.getMessage()));
    } catch (CaseConflictException e) {
      errors.put("form", message("page.operator.error.not-waiting"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return view(tn, token, model, errors);
    }
    redirect.addFlashAttribute("notice", message(thanks));
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
