package jp.vulnreport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 Too Many Requests, with Retry-After and a message in the client's language, when an
 * anonymous client exceeds its limit on the public surfaces (registered in {@link WebSecurityConfig}).
 */
public class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

  private final RateLimiter reports;
  private final RateLimiter publicPages;

  public RateLimitFilter(RateLimitProperties properties) {
    this.reports = new RateLimiter(properties.report().capacity(), properties.report().period());
    this.publicPages = new RateLimiter(properties.publicPages().capacity(), properties.publicPages().period());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RateLimiter limiter = isSubmission(request) ? reports : publicPages;
    String client = request.getRemoteAddr();
    long retryAfter = limiter.tryAcquire(client);
    if (retryAfter == 0) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info("Rate limit: {} {} from {} refused, retry after {} s", request.getMethod(), request.getRequestURI(),
        client, retryAfter);
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    response.setCharacterEncoding("UTF-8");
    boolean english = isEnglish(request);
    String minutes = Long.toString(Math.max(1, (retryAfter + 59) / 60));
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
          + "\"detail\":\"Too many requests from your address. Please try again in " + retryAfter + " seconds.\","
          + "\"retryAfterSeconds\":" + retryAfter + "}");
    } else {
      response.setContentType("text/html");
      String message = english
          ? "Too many requests from your address. Please try again in about " + minutes + " minute(s)."
          : "短時間に多数の送信がありました。約 " + minutes + " 分後にもう一度お試しください。"
              + " (Too many requests. Please try again in about " + minutes + " minute(s).)";
      response.getWriter().write("<!DOCTYPE html><html lang=\"" + (english ? "en" : "ja") + "\"><head>"
          + "<meta charset=\"UTF-8\"><title>429</title><link rel=\"stylesheet\" href=\"/public/site.css\"></head>"
          + "<body><main class=\"page\"><h1>" + (english ? "Please wait" : "しばらくお待ちください")
          + "</h1><p class=\"error\" role=\"alert\">" + message + "</p></main></body></html>");
    }
  }

  /** Report submissions: the API's POST and the page's final step. */
  static boolean isSubmission(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && (path.equals("/api/reports") || path.equals("/report/submit"));
  }

  private static boolean isEnglish(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (var c : request.getCookies()) {
        if ("vr_lang".equals(c.getName())) {
          return "en".equals(c.getValue());
        }
      }
    }
    return "en".equals(request.getParameter("lang"))
        || request.getRequestURI().startsWith("/api/") && request.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
  }
}
