package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import jp.vulnreport.security.FormTokens;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** What every public page's view needs: the CSRF token, the language, the current path. */
@ControllerAdvice(annotations = PublicPage.class)
class PublicPageAdvice {

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    model.addAttribute("csrfToken", FormTokens.token(request));
    model.addAttribute("lang", language());
    model.addAttribute("path", request.getRequestURI());
  }

  static String language() {
    return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "ja";
  }

  /**
   * An upload over the request limit fails while the request is read, before any controller is
   * chosen (so no selector-bound advice applies): answered here with the page's message. Only the
   * report page takes multipart requests.
   */
  @ControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class UploadTooLarge {

    private final MessageSource messages;
    private final AttachmentProperties limits;

    UploadTooLarge(MessageSource messages, AttachmentProperties limits) {
      this.messages = messages;
      this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
      ModelAndView mv = new ModelAndView("public/problem", HttpStatus.PAYLOAD_TOO_LARGE);
      mv.addObject("csrfToken", FormTokens.token(request));
      mv.addObject("lang", language());
      mv.addObject("path", request.getRequestURI());
      mv.addObject("message", messages.getMessage("page.error.upload-too-large",
          new Object[] {AttachmentStore.humanSize(limits.maxFileSize().toBytes()),
              AttachmentStore.humanSize(limits.maxTotalSize().toBytes())},
          LocaleContextHolder.getLocale()));
      mv.addObject("back", "/report/form");
      return mv;
    }

    /**
     * Any other unreadable upload — Tomcat refuses a file name with a NUL character while it reads
     * the request — is the sender's error (400), answered with the page's message; the draft in the
     * session is untouched.
     */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(HttpServletRequest request, MultipartException e) {
      boolean badName = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        badName |= t instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
      }
      ModelAndView mv = new ModelAndView("public/problem", HttpStatus.BAD_REQUEST);
      mv.addObject("csrfToken", FormTokens.token(request));
      mv.addObject("lang", language());
      mv.addObject("path", request.getRequestURI());
      mv.addObject("message", messages.getMessage(badName ? "page.error.upload-file-name" : "page.error.upload-unreadable",
          null, LocaleContextHolder.getLocale()));
      mv.addObject("back", "/report/form");
      return mv;
    }
  }
}
