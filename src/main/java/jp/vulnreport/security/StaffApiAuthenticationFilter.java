package jp.vulnreport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of staff APIs ({@code /api/cases/**}) against Camunda's users and groups: HTTP
 * Basic, or — without an Authorization header — the session of a user logged in to the webapps
 * (Tasklist, Cockpit: the plugins call these APIs with it). A session-authenticated request that
 * is not a GET/HEAD must carry the webapps' CSRF token ({@code X-XSRF-TOKEN}, the session's
 * {@code CAMUNDA_CSRF_TOKEN}), else 403. The caller must be a member of one of the allowed groups. The authenticated user is set
 * on the engine for the request, so the engine's authorization checks apply too.
 */
public class StaffApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String USER_ATTRIBUTE = StaffApiAuthenticationFilter.class.getName() + ".user";
  public static final String GROUPS_ATTRIBUTE = StaffApiAuthenticationFilter.class.getName() + ".groups";

  /** The authenticated staff user of this request. */
  public static String user(HttpServletRequest request) {
    return (String) request.getAttribute(USER_ATTRIBUTE);
  }

  /**
   * For endpoints under a pattern shared by several groups: refuses (403) unless the user is in one
   * of {@code groups} or an administrator.
   */
  @SuppressWarnings("unchecked")
  public static void requireGroup(HttpServletRequest request, String... groups) {
    List<String> member = (List<String>) request.getAttribute(GROUPS_ATTRIBUTE);
    if (member == null || member.stream().noneMatch(g -> g.equals(Groups.ADMIN) || List.of(groups).contains(g))) {
      throw new StaffForbiddenException("User " + user(request) + " is not in a group allowed to do this ("
          + String.join(", ", groups) + ").");
    }
  }

  private final IdentityService identityService;
  private final Set<String> allowedGroups;

  public StaffApiAuthenticationFilter(IdentityService identityService, Set<String> allowedGroups) {
    this.identityService = identityService;
    this.allowedGroups = allowedGroups;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String user;
    List<String> groups;
    UserAuthentication session = header == null ? sessionUser(request) : null;
    if (session != null) {
      if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
        problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
            "A request with the webapps' session must carry the session's X-XSRF-TOKEN.");
        return;
      }
      user = session.getIdentityId();
      groups = session.getGroupIds() == null ? List.of() : List.copyOf(session.getGroupIds());
    } else {
      String[] credentials = basic(header);
      if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vulnreport staff\", charset=\"UTF-8\"");
        problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Staff credentials are required.");
        return;
      }
      user = credentials[0];
      groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
    if (groups.stream().noneMatch(allowedGroups::contains)) {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "User " + user + " is not in a group allowed to do this.");
      return;
    }
    request.setAttribute(USER_ATTRIBUTE, user);
    request.setAttribute(GROUPS_ATTRIBUTE, groups);
    identityService.setAuthentication(user, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  /** The user logged in to the webapps in this request's session, if any. */
  private static UserAuthentication sessionUser(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return null;
    }
    return auths.getAuthentications().stream().filter(a -> a.getIdentityId() != null).findFirst().orElse(null);
  }

  /** The webapps' CSRF token: the header must equal the one their CsrfPreventionFilter keeps in the session. */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    var session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected instanceof String token && !token.isEmpty() && given != null
        && java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
