package jp.vulnreport.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request to the engine's REST API (/engine-rest, or the webapps' /camunda/api/engine) asks
 * for, as far as the write side is concerned. Staff may read (the engine's authorizations decide
 * what they see), work their tasks, start the processes that have a start form, and process owners
 * may deploy (the deployment gate checks what). Everything else that changes the engine's state —
 * instance modification, migration, suspension, deletion, variable writes, messages, signals, job
 * retries, restarts, identity changes — is for administrators only.
 */
public record EngineApiRequest(Kind kind, String id, boolean byKey) {

  /** The kinds of request the guard tells apart. */
  public enum Kind {
    /** A read (GET, or a query sent as POST). */
    READ,
    /** Claim, unclaim, assign or comment on a task (the engine checks the task's permissions). */
    TASK_WORK,
    /** Complete a task with its form's fields ({@link #id} = task id). */
    COMPLETE_TASK,
    /** Start a process through its start form ({@link #id} = definition id, or key when {@link #byKey}). */
    START,
    /**
     * Start a process with variables of the caller's choosing ({@code /start}): refused for everyone,
     * processes start through their start forms ({@code submit-form}), whose fields are the contract.
     */
    RAW_START,
    /** Create or redeploy a deployment (the deployment gate checks its content). */
    DEPLOY,
    /** Anything else that writes: administrators only. */
    ADMIN_ONLY
  }

  private static final String SEG = "([^/]+)";
  private static final Pattern TASK_COMPLETE = Pattern.compile("task/" + SEG + "/(complete|submit-form)");
  private static final Pattern TASK_WORK = Pattern.compile("task/" + SEG + "/(claim|unclaim|assignee|comment/create)");
  private static final Pattern START_BY_KEY =
      Pattern.compile("process-definition/key/" + SEG + "(?:/tenant-id/" + SEG + ")?/(start|submit-form)");
  private static final Pattern START_BY_ID = Pattern.compile("process-definition/" + SEG + "/(start|submit-form)");
  private static final Pattern DEPLOY = Pattern.compile("deployment/create|deployment/" + SEG + "/redeploy");
  private static final Pattern FILTER_READ = Pattern.compile("filter/" + SEG + "/(list|count|singleResult)");
  /** Queries that the REST API also takes as POST with the query in the body (and their counts). */
  private static final Set<String> QUERY_RESOURCES = Set.of("task", "process-instance", "execution",
      "variable-instance", "job", "external-task", "process-definition", "decision-definition", "deployment",
      "incident", "batch", "authorization", "user", "group", "filter");
  /** History queries sent as POST (history/process-instance/delete and the like are not queries). */
  private static final Set<String> HISTORY_QUERY_RESOURCES = Set.of("process-instance", "activity-instance", "task",
      "variable-instance", "detail", "incident", "job-log", "user-operation", "decision-instance",
      "identity-link-log", "external-task-log", "batch");

  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?/(.*)$");
  /** The webapps' application path by default (camunda.bpm.webapp.application-path). */
  static final String DEFAULT_WEBAPP_PATH = "/camunda";

  /**
   * The path below the engine's root, without a trailing slash, or null when it is not an engine API
   * path. The path is taken as the REST API will read it: path parameters ({@code ;x=y}) dropped,
   * percent-escapes decoded, empty and {@code .} segments removed — so that no spelling of an
   * endpoint escapes its classification.
   */
  public static String enginePath(String uriWithoutContext) {
    return enginePath(uriWithoutContext, DEFAULT_WEBAPP_PATH);
  }

  /** As {@link #enginePath(String)}, for webapps under {@code webappPath} (e.g. "/camunda"). */
  public static String enginePath(String uriWithoutContext, String webappPath) {
    String normal = normalise(uriWithoutContext);
    Pattern webapp = Pattern.compile("^" + Pattern.quote(normalise(webappPath)) + "/api/engine/engine/[^/]+/(.*)$");
    for (Pattern p : List.of(ENGINE_REST, webapp)) {
      Matcher m = p.matcher(normal);
      if (m.matches()) {
        String rest = m.group(1);
        while (rest.endsWith("/")) {
          rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
      }
    }
    return null;
  }

  static String normalise(String uri) {
    StringBuilder out = new StringBuilder();
    for (String segment : uri.split("/")) {
      int semicolon = segment.indexOf(';');
      String s = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
      try {
        s = java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        // left as it is: the REST API refuses it too
      }
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      out.append('/').append(s);
    }
    return out.toString();
  }

  /** Classifies {@code method} on {@code path} (below the engine's root, see {@link #enginePath}). */
  public static EngineApiRequest of(String method, String path) {
    String m = method.toUpperCase(java.util.Locale.ROOT);
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
      return new EngineApiRequest(Kind.READ, null, false);
    }
    if (!m.equals("POST")) {
      return new EngineApiRequest(Kind.ADMIN_ONLY, null, false);
    }
    Matcher x;
    if ((x = TASK_COMPLETE.matcher(path)).matches()) {
      return new EngineApiRequest(Kind.COMPLETE_TASK, x.group(1), false);
    }
    if (TASK_WORK.matcher(path).matches()) {
      return new EngineApiRequest(Kind.TASK_WORK, null, false);
    }
    if ((x = START_BY_KEY.matcher(path)).matches()) {
      return new EngineApiRequest(x.group(3).equals("start") ? Kind.RAW_START : Kind.START, x.group(1), true);
    }
    if ((x = START_BY_ID.matcher(path)).matches() && !x.group(1).equals("key")) {
      return new EngineApiRequest(x.group(2).equals("start") ? Kind.RAW_START : Kind.START, x.group(1), false);
    }
    if (DEPLOY.matcher(path).matches()) {
      return new EngineApiRequest(Kind.DEPLOY, null, false);
    }
    if (FILTER_READ.matcher(path).matches()) {
      return new EngineApiRequest(Kind.READ, null, false);
    }
    String[] seg = path.split("/");
    if (seg.length == 1 && QUERY_RESOURCES.contains(seg[0])
        || seg.length == 2 && QUERY_RESOURCES.contains(seg[0]) && seg[1].equals("count")) {
      return new EngineApiRequest(Kind.READ, null, false);
    }
    if (seg.length >= 2 && seg[0].equals("history") && HISTORY_QUERY_RESOURCES.contains(seg[1])
        && (seg.length == 2 || seg.length == 3 && seg[2].equals("count"))) {
      return new EngineApiRequest(Kind.READ, null, false);
    }
    return new EngineApiRequest(Kind.ADMIN_ONLY, null, false);
  }
}
