package jp.vulnreport.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.vulnreport.intake.FieldError;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The write side of the engine's REST API, for /engine-rest (HTTP Basic) and for the webapps'
 * /camunda/api/engine (Tasklist's and Cockpit's session) alike. Staff act on a case only by working
 * its tasks (DESIGN.md §5):
 * <ul>
 *   <li>reads pass (the engine's authorizations decide what is seen);</li>
 *   <li>a task's completion ({@code complete}, {@code submit-form}) sets only the fields its deployed
 *       Camunda Form declares, read-only fields only with the value shown, values of the field's kind;</li>
 *   <li>a start goes through the process's start form the same way ({@code submit-form}; the raw
 *       {@code start} with variables of the caller's choosing is refused), never with a business key of
 *       the caller's choosing (a case's tracking number is assigned by intake);</li>
 *   <li>deployments pass (the deployment gate checks them inside the engine);</li>
 *   <li>everything else that writes — modification, migration, suspension, deletion, variable writes,
 *       messages, signals, job retries, restarts, identity changes — is refused (403) unless the caller
 *       is an administrator, whose actions land in the case's timeline ({@link AdminActionAudit}) with
 *       the reason given in the {@code X-Reason} header or the request's {@code annotation}.</li>
 * </ul>
 */
public class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
  /** Completion and start bodies are small (a form's fields); anything larger is refused unread. */
  static final int MAX_BODY = 1024 * 1024;
  private static final Set<String> START_FIELDS = Set.of("variables", "businessKey", "withVariablesInReturn");
  private static final Set<String> COMPLETE_FIELDS = Set.of("variables", "withVariablesInReturn");
  /** Headers some JAX-RS stacks read as another method than the request's: refused, the method is what counts. */
  private static final List<String> METHOD_OVERRIDES =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
  /** The header an administrator gives the reason of an action in (UTF-8, percent-encoded or plain). */
  public static final String REASON_HEADER = "X-Reason";

  private final IdentityService identity;
  private final FormContracts forms;
  private final ObjectMapper json;

  private final String webappPath;

  public EngineApiGuard(IdentityService identity, FormContracts forms, ObjectMapper json, String webappPath) {
    this.webappPath = EngineApiRequest.normalise(webappPath);
    this.identity = identity;
    this.forms = forms;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String path = EngineApiRequest.enginePath(uri, webappPath);
    if (path == null) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = caller(request, EngineApiRequest.normalise(uri).startsWith(webappPath + "/"));
    if (caller == null) {
      if (EngineApiRequest.of(request.getMethod(), path).kind() == EngineApiRequest.Kind.READ) {
        chain.doFilter(request, response); // the authentication filters answer 401
        return;
      }
      // fail closed: a write whose caller this guard cannot tell is not passed on
      error(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "ログインしてください / Please log in", List.of());
      return;
    }
    if (!caller.groups().contains(Groups.ADMIN) && METHOD_OVERRIDES.stream().anyMatch(h -> request.getHeader(h) != null)) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "HTTP メソッドの上書きは使えません / HTTP method overrides are not accepted", List.of());
      return;
    }
    EngineApiRequest what = EngineApiRequest.of(request.getMethod(), path);
    // a task's completion and a start follow the form for everyone, administrators included
    if (what.kind() == EngineApiRequest.Kind.COMPLETE_TASK) {
      checked(request, response, chain, body -> completion(caller, what.id(), body));
      return;
    }
    if (what.kind() == EngineApiRequest.Kind.START) {
      checked(request, response, chain, body -> start(what.id(), what.byKey(), body));
      return;
    }
    if (what.kind() == EngineApiRequest.Kind.RAW_START) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "プロセスは開始フォームから開始してください（submit-form）。案件は受付処理だけが開始します / Start processes "
              + "through their start form (submit-form); a case starts only through intake", List.of());
      return;
    }
    if (caller.groups().contains(Groups.ADMIN)) {
      admin(request, response, chain, what);
      return;
    }
    switch (what.kind()) {
      case READ, TASK_WORK, DEPLOY, COMPLETE_TASK, START, RAW_START -> chain.doFilter(request, response);
      case ADMIN_ONLY -> {
        LOG.warn("Engine API: {} {} refused for {} (administrators only)", request.getMethod(), path, caller.user());
        error(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "この操作は管理者（camunda-admin）だけが行えます。案件はタスクの処理を通じてだけ進められます / "
                + "Only administrators may do this: staff move a case on only by working its tasks ("
                + request.getMethod() + " " + path + ")", List.of());
      }
    }
  }

  private void admin(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      EngineApiRequest what) throws IOException, ServletException {
    if (what.kind() == EngineApiRequest.Kind.READ) {
      chain.doFilter(request, response);
      return;
    }
    // a JSON body may carry the reason (Cockpit's "annotation"); a deployment's multipart body is passed on untouched
    HttpServletRequest passed = request;
    String annotation = null;
    String type = request.getContentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
        && request.getContentLengthLong() >= 0 && request.getContentLengthLong() <= MAX_BODY) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      passed = new CachedBodyRequest(request, body);
      annotation = annotation(body);
    }
    AdminActionAudit.REASON.set(AdminActionAudit.reason(request.getHeader(REASON_HEADER), annotation));
    try {
      chain.doFilter(passed, response);
    } finally {
      AdminActionAudit.REASON.remove();
    }
  }

  private String annotation(byte[] body) {
    if (body.length == 0 || body.length > MAX_BODY) {
      return null;
    }
    try {
      JsonNode n = json.readTree(body);
      return n != null && n.hasNonNull("annotation") ? n.get("annotation").asText()
          : n != null && n.hasNonNull("deleteReason") ? n.get("deleteReason").asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  @FunctionalInterface
  private interface BodyCheck {
    Refusal check(JsonNode body);
  }

  /** Why a request is refused: status, Camunda's exception type, message and field errors. */
  private record Refusal(int status, String type, String message, List<FieldError> errors) {}

  private void checked(HttpServletRequest request, HttpServletResponse response, FilterChain chain, BodyCheck check)
      throws IOException, ServletException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "送信内容が大きすぎます / The request is too large", List.of());
      return;
    }
    JsonNode parsed;
    try {
      parsed = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (JsonProcessingException e) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "JSON として読めません / The body is not valid JSON", List.of());
      return;
    }
    if (parsed == null || !parsed.isObject()) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "JSON オブジェクトを送信してください / The body must be a JSON object", List.of());
      return;
    }
    Refusal refusal = check.check(parsed);
    if (refusal != null) {
      LOG.info("Engine API: {} {} refused: {}", request.getMethod(), request.getRequestURI(), refusal.message());
      error(response, refusal.status(), refusal.type(), refusal.message(), refusal.errors());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private Refusal completion(Caller caller, String taskId, JsonNode body) {
    List<FieldError> errors = unknownTopLevel(body, COMPLETE_FIELDS);
    var task = forms.forTask(taskId, caller.user(), caller.groups());
    if (task.isEmpty()) {
      // a task the caller cannot see is not passed on unchecked
      return new Refusal(HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
          "タスクが見つかりません / No such task: " + taskId, List.of());
    }
    errors.addAll(task.get().contract().check(body.get("variables"), name -> forms.currentValue(taskId, name), false));
    return errors.isEmpty() ? null : invalid("タスク「" + task.get().task().getName() + "」を完了できません", "The task \""
        + task.get().task().getName() + "\" cannot be completed with these values", errors);
  }

  private Refusal start(String idOrKey, boolean byKey, JsonNode body) {
    var start = forms.forStart(idOrKey, byKey);
    if (start.isEmpty()) {
      return new Refusal(HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
          "プロセス定義が見つかりません / No such process definition: " + idOrKey, List.of());
    }
    String name = start.get().definition().getName() == null ? start.get().definition().getKey()
        : start.get().definition().getName();
    if (!start.get().hasForm()) {
      return new Refusal(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "「" + name + "」には開始フォームがなく、スタッフは開始できません / \"" + name
              + "\" has no start form: staff cannot start it", List.of());
    }
    List<FieldError> errors = unknownTopLevel(body, START_FIELDS);
    JsonNode key = body.get("businessKey");
    if (key != null && !key.isNull() && !(key.isTextual() && key.asText().isBlank())) {
      errors.add(new FieldError("businessKey", "ビジネスキー（受付番号）は指定できません。受付番号は受付処理が採番します"
          + " / A start may not bring its own business key: intake assigns the tracking number"));
    }
    errors.addAll(start.get().contract().check(body.get("variables"), n -> null, true));
    return errors.isEmpty() ? null : invalid("「" + name + "」を開始できません", "\"" + name + "\" cannot be started with "
        + "these values", errors);
  }

  private static List<FieldError> unknownTopLevel(JsonNode body, Set<String> allowed) {
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        errors.add(new FieldError(f, "「" + f + "」は指定できません / \"" + f + "\" is not allowed here"));
      }
    });
    return errors;
  }

  private static Refusal invalid(String ja, String en, List<FieldError> errors) {
    StringBuilder m = new StringBuilder(ja).append(" / ").append(en).append(":");
    errors.forEach(e -> m.append(" ").append(e.message()).append(";"));
    return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", m.toString(), errors);
  }

  /** The engine's error shape ({@code type}, {@code message}), which Tasklist shows, plus the fields. */
  private void error(HttpServletResponse response, int status, String type, String message, List<FieldError> errors)
      throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("type", type);
    body.put("message", message);
    ArrayNode list = body.putArray("errors");
    errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }

  /** Who calls. */
  record Caller(String user, List<String> groups) {}

  /**
   * The caller: the engine's authentication of this request (/engine-rest's HTTP Basic filter sets
   * it) or the webapps' session (their filter may run after this one).
   */
  private Caller caller(HttpServletRequest request, boolean webapp) {
    Authentication auth = identity.getCurrentAuthentication();
    if (!webapp && auth != null && auth.getUserId() != null) {
      return new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }
    if (!webapp) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return null;
    }
    for (UserAuthentication u : auths.getAuthentications()) {
      if (u.getIdentityId() != null) {
        return new Caller(u.getIdentityId(), u.getGroupIds() == null ? List.of() : u.getGroupIds());
      }
    }
    return null;
  }
}
