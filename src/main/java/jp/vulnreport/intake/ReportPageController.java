package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The public report page, modelled on IPA's web form: consent and kind of report, the report with
 * attachments, a confirmation screen, then a thank-you page with the tracking number and the
 * discoverer's private status link. The report under way lives in the session; files are staged
 * on disk until it is submitted.
 */
@Controller
@PublicPage
public class ReportPageController {

  /** The report under way in this browser session. */
  static final class Draft implements Serializable {
    ReportCategory category;
    ReportForm form;
    /** The form passed validation: it may be confirmed and submitted. */
    boolean valid;
    final List<AttachmentStore.Staged> attachments = new ArrayList<>();
  }

  private static final String DRAFT = ReportPageController.class.getName() + ".draft";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportPageController.class);

  private final IntakeService intake;
  private final ReportValidator validator;
  private final AttachmentStore attachments;
  private final MessageSource messages;

  public ReportPageController(IntakeService intake, ReportValidator validator, AttachmentStore attachments,
      MessageSource messages) {
    this.intake = intake;
    this.validator = validator;
    this.attachments = attachments;
    this.messages = messages;
  }

  @GetMapping("/")
  String home() {
    return "public/home";
  }

  @GetMapping("/report")
  String consent(HttpSession session, Model model) {
    Draft draft = draft(session);
    model.addAttribute("category", draft == null ? null : draft.category);
    model.addAttribute("categories", ReportCategory.values());
    return "public/consent";
  }

  @PostMapping("/report")
  String consented(@RequestParam(required = false) String consent, @RequestParam(required = false) String category,
      HttpSession session, HttpServletResponse response, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!"true".equals(consent)) {
      errors.put("consent", message("page.error.consent"));
    }
    ReportCategory chosen = parseCategory(category);
    if (chosen == null) {
      errors.put("category", message("page.error.category"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", errors);
      model.addAttribute("category", chosen);
      model.addAttribute("categories", ReportCategory.values());
      return "public/consent";
    }
    synchronized (WebUtils.getSessionMutex(session)) {
      Draft draft = draft(session);
      if (draft == null) {
        draft = new Draft();
      }
      draft.category = chosen;
      if (draft.form != null) {
        draft.form.setCategory(chosen);
      }
      session.setAttribute(DRAFT, draft);
    }
    return "redirect:/report/form";
  }

  @GetMapping("/report/form")
  String form(HttpSession session, Model model) {
    Draft draft = draft(session);
    if (draft == null) {
      return "redirect:/report";
    }
    ReportForm form = draft.form == null ? new ReportForm() : draft.form;
    form.setCategory(draft.category);
    return formView(model, form, draft, Map.of());
  }

  @PostMapping("/report/form")
  String submitForm(@ModelAttribute("form") ReportForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(name = "remove", required = false) List<String> remove,
      HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    Draft draft = draft(session);
    if (draft == null) {
      return "redirect:/report";
    }
    form.setCategory(draft.category);
    Map<String, String> errors = new LinkedHashMap<>();
    synchronized (WebUtils.getSessionMutex(session)) {
      if (remove != null) {
        List<AttachmentStore.Staged> removed = draft.attachments.stream().filter(a -> remove.contains(a.id())).toList();
        attachments.discard(removed);
        draft.attachments.removeAll(removed);
      }
      for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
        if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
          continue; // the file input left empty
        }
        try (InputStream in = file.getInputStream()) {
          draft.attachments.add(attachments.stage(file.getOriginalFilename(), in, draft.attachments,
              request.getRemoteAddr()));
        } catch (ReportValidationException e) {
          e.errors().forEach(fe -> errors.merge("attachments", fe.message(), (a, b) -> a + " / " + b));
        }
      }
      draft.form = form;
      draft.valid = false;
      session.setAttribute(DRAFT, draft);
    }
    List<String> badDates = new ArrayList<>();
    ReportSubmission submission = form.toSubmission(badDates);
    badDates.forEach(f -> errors.put(f, message("page.error.date")));
    if (!form.exploitationValid()) {
      errors.put("exploitation", message("vulnreport.exploitation.invalid"));
    }
    try {
      validator.validate(submission);
    } catch (ReportValidationException e) {
      e.errors().forEach(fe -> errors.merge(ReportForm.fieldOf(fe.field()), fe.message(), (a, b) -> a + " / " + b));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return formView(model, form, draft, errors);
    }
    draft.valid = true;
    session.setAttribute(DRAFT, draft);
    return "redirect:/report/confirm";
  }

  @GetMapping("/report/confirm")
  String confirm(HttpSession session, Model model) {
    Draft draft = draft(session);
    if (draft == null || draft.form == null) {
      return "redirect:/report";
    }
    if (!draft.valid) {
      return "redirect:/report/form";
    }
    model.addAttribute("form", draft.form);
    model.addAttribute("attachments", draft.attachments);
    return "public/confirm";
  }

  /**
   * Files the confirmed report. Whatever goes wrong on the server meanwhile, nothing the discoverer
   * entered is lost: the draft goes back into the session (the registration rolled back, the staged
   * files are back in staging) and the confirmation page says so and offers the button again.
   */
  @PostMapping("/report/submit")
  String submit(HttpSession session, HttpServletRequest request, HttpServletResponse response,
      RedirectAttributes redirect, Model model) {
    Draft draft;
    synchronized (WebUtils.getSessionMutex(session)) {
      draft = draft(session);
      if (draft == null || draft.form == null) {
        return "redirect:/report";
      }
      if (!draft.valid) {
        return "redirect:/report/form";
      }
      // taken out of the session first: a double click cannot file the report twice
      session.removeAttribute(DRAFT);
    }
    List<String> badDates = new ArrayList<>();
    ReportSubmission submission = draft.form.toSubmission(badDates);
    IntakeReceipt receipt;
    try {
      if (!badDates.isEmpty()) {
        throw new ReportValidationException(List.of(new FieldError(badDates.get(0), message("page.error.date"))));
      }
      receipt = intake.submit(submission, List.copyOf(draft.attachments), IntakeService.Channel.PAGE);
    } catch (ReportValidationException e) {
      session.setAttribute(DRAFT, draft);
      return "redirect:/report/form";
    } catch (RuntimeException e) {
      LOG.error("A report from the page could not be filed; its draft is kept for another try", e);
      synchronized (WebUtils.getSessionMutex(session)) {
        if (draft(session) == null) {
          session.setAttribute(DRAFT, draft);
        }
      }
      response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
      model.addAttribute("form", draft.form);
      model.addAttribute("attachments", draft.attachments);
      model.addAttribute("submitError", message("page.error.submit-failed"));
      return "public/confirm";
    }
    redirect.addFlashAttribute("trackingNumber", receipt.trackingNumber());
    redirect.addFlashAttribute("statusUrl", request.getScheme() + "://" + request.getServerName()
        + port(request) + request.getContextPath() + "/status/" + receipt.statusToken());
    return "redirect:/report/thanks";
  }

  @GetMapping("/report/thanks")
  String thanks(Model model) {
    if (!model.containsAttribute("trackingNumber")) {
      return "redirect:/report";
    }
    return "public/thanks";
  }

  private String formView(Model model, ReportForm form, Draft draft, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("attachments", draft.attachments);
    model.addAttribute("errors", errors);
    model.addAttribute("exploitations", ReportedExploitation.values());
    model.addAttribute("limits", attachments.limits());
    model.addAttribute("maxFileSize", AttachmentStore.humanSize(attachments.limits().maxFileSize().toBytes()));
    model.addAttribute("maxTotalSize", AttachmentStore.humanSize(attachments.limits().maxTotalSize().toBytes()));
    model.addAttribute("product", draft.category != null && draft.category.product());
    model.addAttribute("selfReport", draft.category == ReportCategory.DEVELOPER_SELF_REPORT);
    return "public/report-form";
  }

  private static Draft draft(HttpSession session) {
    return (Draft) session.getAttribute(DRAFT);
  }

  private static ReportCategory parseCategory(String s) {
    try {
      return s == null ? null : ReportCategory.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String port(HttpServletRequest request) {
    int port = request.getServerPort();
    boolean standard = port == 80 && "http".equals(request.getScheme())
        || port == 443 && "https".equals(request.getScheme());
    return standard ? "" : ":" + port;
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
