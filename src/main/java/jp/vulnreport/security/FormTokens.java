package jp.vulnreport.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * CSRF protection of the public pages' forms (synchronizer token): every page form carries the
 * session's token in {@value #PARAMETER}, and a POST without the right one is refused with 403
 * before the handler runs. (The Camunda webapps have their own CSRF filter; the JSON APIs take no
 * cookies and need none.)
 */
public class FormTokens implements HandlerInterceptor {

  public static final String PARAMETER = "_csrf";
  private static final String SESSION_ATTRIBUTE = FormTokens.class.getName() + ".token";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The session's token, created with the session if needed. */
  public static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    synchronized (WebUtils.getSessionMutex(session)) {
      String token = (String) session.getAttribute(SESSION_ATTRIBUTE);
      if (token == null) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, token);
      }
      return token;
    }
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    String given = request.getParameter(PARAMETER);
    if (expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>403</title>"
        + "<link rel=\"stylesheet\" href=\"/public/site.css\"></head><body><main class=\"page\">"
        + "<h1>送信できませんでした / Not sent</h1>"
        + "<p class=\"error\" role=\"alert\">フォームの有効期限が切れたか、このサイト以外から送信されました。"
        + "ページを再読み込みしてやり直してください。</p>"
        + "<p class=\"error\" lang=\"en\">The form has expired or was not sent from this site. "
        + "Please reload the page and try again.</p>"
        + "<p><a href=\"/report\">脆弱性関連情報の届出 / Vulnerability report</a></p></main></body></html>");
    return false;
  }
}
