package jp.vulnreport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles failed logins per client address on the entry points that check a staff password
 * (registered in {@link WebSecurityConfig} in front of them): a login attempt (an HTTP Basic
 * {@code Authorization} header, or the webapps' login form) from an address without failures left
 * gets 429 with Retry-After and never reaches the password check; an attempt answered 401 uses up
 * one of the address's failures. Camunda's own per-user login delay still applies behind it.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);

  /** The webapps' login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login(/.*)?");

  private final RateLimiter failures;
  private final String webappPath;

  /** {@code webappPath}: where the Camunda webapps live ({@code camunda.bpm.webapp.application-path}). */
  public LoginThrottleFilter(LoginThrottleProperties properties, String webappPath) {
    this(new RateLimiter(properties.capacity(), properties.period()), webappPath);
  }

  LoginThrottleFilter(RateLimiter failures, String webappPath) {
    this.failures = failures;
    this.webappPath = webappPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isLoginAttempt(request)) {
      chain.doFilter(request, response);
      return;
    }
    String client = request.getRemoteAddr();
    long retryAfter = failures.check(client);
    if (retryAfter > 0) {
      LOG.warn("Login throttle: {} {} from {} refused after repeated failed logins, retry after {} s",
          request.getMethod(), request.getRequestURI(), client, retryAfter);
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\",\"status\":429,"
          + "\"detail\":\"Too many failed logins from your address. Please try again in " + retryAfter
          + " seconds.\",\"retryAfterSeconds\":" + retryAfter + "}");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failures.consume(client);
      LOG.info("Failed login: {} {} from {}", request.getMethod(), request.getRequestURI(), client);
    }
  }

  /** Credentials are being checked: an Authorization header, or the webapps' login form. */
  boolean isLoginAttempt(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(webappPath + "/")
        && WEBAPP_LOGIN.matcher(path.substring(webappPath.length())).matches();
  }
}
