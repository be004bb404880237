package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what: every cell of the matrix in README ("Who may do what") tried over HTTP with
 * the user of each group (and without credentials). A cell is "allowed" when the request succeeds
 * and, for lists, shows what it is about; "refused" when it is answered 401/403 or shows nothing.
 */
class AuthorizationMatrixTest extends WebServerTest {

  static final String ALL_STAFF = "receipt1 analyst1 coordinator1 liaison1 manager1";
  static final List<String> USERS = List.of("receipt1", "analyst1", "coordinator1", "liaison1", "manager1", "owner1",
      "admin", "anonymous");

  /** A surface, the users allowed on it, and how to try it. */
  record Surface(String name, String allowed, Probe probe) {}

  @FunctionalInterface
  interface Probe {
    boolean allowed(AuthorizationMatrixTest t, String user) throws Exception;
  }

  static final List<Surface> MATRIX = List.of(
      new Surface("Tasklist", ALL_STAFF + " admin", (t, u) -> t.apps(u).contains("tasklist")),
      new Surface("Cockpit", "manager1 owner1 admin", (t, u) -> t.apps(u).contains("cockpit")),
      new Surface("Admin", "admin", (t, u) -> t.apps(u).contains("admin")),
      new Surface("Tasklist filters", ALL_STAFF + " admin", (t, u) -> t.count(u, "/engine-rest/filter") > 0),
      new Surface("receipt cases (process instances, variables)", ALL_STAFF + " admin",
          (t, u) -> t.count(u, "/engine-rest/process-instance?processDefinitionKey=SoftwareVulnerabilityReport") > 0),
      new Surface("formal-check task of a case", "receipt1 manager1 admin",
          (t, u) -> t.count(u, "/engine-rest/task?processInstanceId=" + t.receipt.getId()) > 0),
      new Surface("recognition task's form (認知)", "analyst1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/engine-rest/task/" + t.recognitionTask + "/form-variables", null) == 200),
      new Surface("government notices (GovernmentNotification instances)", "liaison1 manager1 admin",
          (t, u) -> t.count(u, "/engine-rest/process-instance?processDefinitionKey=GovernmentNotification") > 0),
      new Surface("start 案件の取りやめ (CaseDiscontinuation)", "receipt1 manager1 admin",
          (t, u) -> t.count(u, "/engine-rest/process-definition?key=CaseDiscontinuation&startablePermissionCheck=true"
              + "&startableInTasklist=true") > 0),
      new Surface("start 悪用情報の登録 (ExploitationReport)", "analyst1 coordinator1 admin",
          (t, u) -> t.count(u, "/engine-rest/process-definition?key=ExploitationReport&startablePermissionCheck=true"
              + "&startableInTasklist=true") > 0),
      new Surface("start 開発者の回答の代理入力 (DeveloperResponseEntry)", "coordinator1 admin",
          (t, u) -> t.count(u, "/engine-rest/process-definition?key=DeveloperResponseEntry&startablePermissionCheck=true"
              + "&startableInTasklist=true") > 0),
      new Surface("start ゼロデイ取扱い要望 (ZeroDayRequest)", "coordinator1 liaison1 admin",
          (t, u) -> t.count(u, "/engine-rest/process-definition?key=ZeroDayRequest&startablePermissionCheck=true"
              + "&startableInTasklist=true") > 0),
      new Surface("zero-day handling request of a developer (API)", "coordinator1 liaison1 admin",
          (t, u) -> t.passes(u, "POST", "/api/cases/" + t.tn() + "/developers/sample-soft/zero-day-requests",
              "{\"reason\":\"\"}")),
      new Surface("decision tables", "manager1 owner1 admin",
          (t, u) -> t.count(u, "/engine-rest/decision-definition") > 0),
      new Surface("deploy (Modeler)", "owner1 admin", AuthorizationMatrixTest::deploys),
      new Surface("discontinue a case (API)", "receipt1 manager1 admin",
          (t, u) -> t.passes(u, "POST", "/api/cases/" + t.tn() + "/discontinuation", "{\"reason\":\"\"}")),
      new Surface("attachments of a case (API)", "receipt1 analyst1 coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/attachments", null)),
      new Surface("private links of a case (API)", "receipt1 coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/links", null)),
      new Surface("government-notification evidence (API)", "liaison1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/government-notifications", null)),
      new Surface("erase personal data of a case (API)", "manager1 admin",
          (t, u) -> t.passes(u, "POST", "/api/cases/" + t.tn() + "/personal-data/erasure", "{\"reason\":\"\"}")),
      new Surface("exploitation information for a case (API)", "analyst1 coordinator1 admin",
          (t, u) -> t.passes(u, "POST", "/api/cases/" + t.tn() + "/exploitation", "{\"status\":\"NONSENSE\"}")),
      new Surface("priority information recipients (API)", "liaison1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/priority-recipients", null)),
      new Surface("developer registry (API)", "coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/developers", null)),
      new Surface("coordination of a case (API)", "coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/coordination", null)),
      new Surface("advisory of a case: JVN number, CVE IDs, CSAF versions (API)", "coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/advisory", null)),
      new Surface("CVE record of an advisory, for submission (API)", "coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/advisory/cve/CVE-2026-10001.json", null)),
      new Surface("record the CVE IDs of an advisory (API)", "coordinator1 admin",
          (t, u) -> t.passes(u, "PUT", "/api/cases/" + t.tn() + "/advisory/cve-ids", "{\"cveIds\":\"CVE-2026-10001\"}")),
      new Surface("release an update of a published advisory: a new CSAF version (API)", "coordinator1 admin",
          (t, u) -> t.passes(u, "POST", "/api/cases/" + t.tn() + "/advisory/revisions", "{\"summary\":\"\"}")),
      new Surface("one released CSAF version of an advisory (API)", "coordinator1 manager1 admin",
          // the shared case has no advisory yet: an allowed user hears 404 (no such version), not 401/403
          (t, u) -> t.reaches(u, "GET", "/api/cases/" + t.tn() + "/advisory/csaf/1.json", 404)),
      new Surface("attachments shared with the developers: which (API)", "coordinator1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn() + "/attachments/developer-sharing", null)),
      new Surface("attachments shared with the developers: share one or stop sharing (API)", "coordinator1 admin",
          (t, u) -> t.passes(u, "PUT", "/api/cases/" + t.tn() + "/attachments/no-such-attachment/developer-sharing",
              "{}")),
      new Surface("audit timeline of a case (API)", "manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/audit/cases/" + t.tn() + "/timeline", null)),
      // --- the write side: staff move a case on only by working its tasks through their forms ---
      new Surface("modify a case's process instance (/engine-rest/process-instance/{id}/modification)", "admin",
          AuthorizationMatrixTest::modifies),
      new Surface("suspend a case's process instance", "admin", AuthorizationMatrixTest::suspends),
      new Surface("write a case's variables (/engine-rest/process-instance/{id}/variables)", "admin",
          AuthorizationMatrixTest::writesVariables),
      new Surface("write a task's variables outside its completion (/engine-rest/task/{id}/variables)", "admin",
          AuthorizationMatrixTest::writesTaskVariables),
      new Surface("delete a case's process instance", "admin", AuthorizationMatrixTest::deletes),
      new Surface("correlate a message to a case (/engine-rest/message)", "admin",
          (t, u) -> t.passes(u, "POST", "/engine-rest/message",
              "{\"messageName\":\"MatrixProbe\",\"businessKey\":\"" + t.tn() + "\"}")),
      new Surface("complete the formal check through its form", "receipt1 admin",
          (t, u) -> t.completesFormalCheck(u, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"}}")),
      new Surface("complete a task with a field its form does not declare", "",
          (t, u) -> t.completesFormalCheck(u, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},"
              + "\"reporterId\":{\"value\":\"someone-else\"}}")),
      new Surface("complete a task changing a field its form shows read-only", "",
          (t, u) -> t.completesFormalCheck(u, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},"
              + "\"summary\":{\"value\":\"rewritten\"}}")),
      new Surface("register a mailed report through the start form (intake assigns the tracking number)",
          "receipt1 manager1 admin", (t, u) -> t.startsReport(u, null)),
      new Surface("start a case with a business key of one's own (bypassing intake)", "",
          (t, u) -> t.startsReport(u, t.tn())),
      new Surface("deploy a diagram whose expression calls the identity service (escalation to admin)", "",
          AuthorizationMatrixTest::deploysEscalation),
      new Surface("deployment record (/api/deployments)", "manager1 owner1 admin",
          (t, u) -> t.passes(u, "GET", "/api/deployments", null)),
      new Surface("case list (/api/cases?q=…; Tasklist's 案件一覧)", ALL_STAFF + " admin",
          (t, u) -> t.passes(u, "GET", "/api/cases?q=IPA&state=open&page=1", null)),
      new Surface("case dossier (/api/cases/{tn}; Tasklist's 案件 tab)", ALL_STAFF + " admin",
          (t, u) -> t.passes(u, "GET", "/api/cases/" + t.tn(), null)),
      new Surface("dossier: the discoverer's name and contact", "receipt1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/api/cases/" + t.tn(), null) == 200
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("reporter")),
      new Surface("dossier: the report text and attachments", "receipt1 analyst1 coordinator1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/api/cases/" + t.tn(), null) == 200
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("report")
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("attachments")),
      new Surface("dossier: the government notice", "liaison1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/api/cases/" + t.tn(), null) == 200
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("governmentNotice")),
      new Surface("dossier: developers", "coordinator1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/api/cases/" + t.tn(), null) == 200
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("developers")),
      new Surface("dossier: private links and their use", "receipt1 coordinator1 manager1 admin",
          (t, u) -> t.status(u, "GET", "/api/cases/" + t.tn(), null) == 200
              && t.mapper.readTree(t.send(u, "GET", "/api/cases/" + t.tn(), null).body()).has("links")),
      new Surface("deadline board (/api/deadlines/open; Cockpit)", "manager1 owner1 admin",
          (t, u) -> t.passes(u, "GET", "/api/deadlines/open", null)),
      new Surface("Cockpit's human tasks (open tasks by candidate group)", "manager1 admin",
          (t, u) -> t.status(u, "GET", "/engine-rest/task/report/candidate-group-count", null) == 200),
      new Surface("statistics (API: JSON, CSV, PDF; staff page; liaison the government part)", "liaison1 manager1 admin",
          (t, u) -> t.passes(u, "GET", "/api/statistics", null) && t.passes(u, "GET", "/api/statistics.csv", null)
              && t.passes(u, "GET", "/api/statistics.pdf", null) && t.passes(u, "GET", "/statistics/staff", null)),
      new Surface("policy page (deadline policy and criteria in force, read-only)", ALL_STAFF + " owner1 admin",
          (t, u) -> t.passes(u, "GET", "/policy", null)),
      new Surface("public statistics page", ALL_STAFF + " owner1 admin anonymous",
          (t, u) -> t.status(u, "GET", "/statistics", null) == 200),
      new Surface("public report page", ALL_STAFF + " owner1 admin anonymous",
          (t, u) -> t.status(u, "GET", "/report", null) == 200),
      new Surface("published advisories and the unreachable-developers list", ALL_STAFF + " owner1 admin anonymous",
          (t, u) -> t.status(u, "GET", "/advisories", null) == 200
              && t.status(u, "GET", "/unreachable-developers", null) == 200));

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Surface s : MATRIX) {
      Set<String> allowed = s.allowed().isEmpty() ? Set.of() : Set.of(s.allowed().split(" "));
      for (String user : USERS) {
        cells.add(Arguments.of(s.name(), user, allowed.contains(user), s.probe()));
      }
    }
    return cells.stream();
  }

  static final Map<String, Set<String>> APPS = new ConcurrentHashMap<>();
  static ProcessInstance sharedReceipt;
  static String sharedRecognitionTask;

  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper mapper;

  ProcessInstance receipt;
  String recognitionTask;

  /** One case at the formal check and one at recognition (認知), shared by all cells. */
  @BeforeEach
  void cases() {
    synchronized (AuthorizationMatrixTest.class) {
      if (sharedReceipt == null) {
        sharedReceipt = cases.atFormalCheck("report-product", n -> { });
        ProcessInstance verified = cases.atFormalCheck("report-product", n -> { });
        cases.throughVerification(verified, "SUSPECTED");
        ProcessInstance gov = cases.government(verified.getBusinessKey());
        sharedRecognitionTask = tasks.createTaskQuery().processInstanceId(gov.getId())
            .taskDefinitionKey("Task_Recognition").singleResult().getId();
      }
    }
    receipt = sharedReceipt;
    recognitionTask = sharedRecognitionTask;
  }

  @ParameterizedTest(name = "{0} / {1}: allowed={2}")
  @MethodSource("cells")
  void everyCellOfTheMatrix(String surface, String user, boolean allowed, Probe probe) throws Exception {
    assertThat(probe.allowed(this, user)).as("%s for %s", surface, user).isEqualTo(allowed);
  }

  String tn() {
    return receipt.getBusinessKey();
  }

  // --- probes ---

  /** The webapps the user may open, as the login of the welcome app reports them. */
  Set<String> apps(String user) throws Exception {
    if (user.equals("anonymous")) {
      HttpResponse<String> r = client(new CookieManager()).send(HttpRequest.newBuilder(
          URI.create(base() + "/camunda/api/engine/engine/default/task/count")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
      return Set.of();
    }
    return APPS.computeIfAbsent(user, u -> {
      try {
        CookieManager cookies = new CookieManager();
        HttpClient http = client(cookies);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/welcome/default/")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/camunda/api/admin/auth/user/default/login/welcome"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(u, StandardCharsets.UTF_8)
                + "&password=" + password(u))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login of " + u + ": " + login.body()).isEqualTo(200);
        Set<String> apps = new java.util.HashSet<>();
        mapper.readTree(login.body()).get("authorizedApps").forEach(a -> apps.add(a.asText()));
        return apps;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The count of a list the user gets (0 when refused). */
  long count(String user, String path) throws Exception {
    HttpResponse<String> r = send(user, "GET", path, null);
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      return 0;
    }
    assertThat(r.statusCode()).as(path + " for " + user + ": " + r.body()).isEqualTo(200);
    JsonNode list = mapper.readTree(r.body());
    return list.size();
  }

  /** Our staff APIs: allowed means neither 401 nor 403 (a deliberately invalid body may give 400). */
  boolean passes(String user, String method, String path, String json) throws Exception {
    int status = status(user, method, path, json);
    assertThat(status).as(method + " " + path + " for " + user).isNotIn(404, 405, 500);
    return status != 401 && status != 403;
  }

  /** Like {@link #passes}, for a surface whose allowed answer here is {@code expected} (e.g. 404: nothing yet). */
  boolean reaches(String user, String method, String path, int expected) throws Exception {
    int status = status(user, method, path, null);
    boolean refused = status == 401 || status == 403;
    assertThat(refused || status == expected).as(method + " " + path + " for " + user + ": " + status).isTrue();
    return !refused;
  }

  int status(String user, String method, String path, String json) throws Exception {
    return send(user, method, path, json).statusCode();
  }

  // --- write-side probes: each works on a fresh case, and checks the case is untouched when refused ---

  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  ProcessInstance freshCase() {
    return cases.atFormalCheck("report-product", n -> { });
  }

  String formalCheckTask(ProcessInstance pi) {
    var t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_FormalCheck").singleResult();
    return t == null ? null : t.getId();
  }

  static boolean modifies(AuthorizationMatrixTest t, String user) throws Exception {
    ProcessInstance pi = t.freshCase();
    int status = t.status(user, "POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_SubstantiveCheck\"},"
            + "{\"type\":\"cancel\",\"activityId\":\"Task_FormalCheck\"}],\"annotation\":\"matrix probe\"}");
    if (status != 204) {
      assertThat(t.formalCheckTask(pi)).as("the formal check is still there after a refused modification").isNotNull();
    }
    return status == 204;
  }

  static boolean suspends(AuthorizationMatrixTest t, String user) throws Exception {
    ProcessInstance pi = t.freshCase();
    int status = t.status(user, "PUT", "/engine-rest/process-instance/" + pi.getId() + "/suspended",
        "{\"suspended\":true}");
    boolean suspended = t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().isSuspended();
    assertThat(suspended).as("suspended exactly when allowed").isEqualTo(status == 204);
    return status == 204;
  }

  static boolean writesVariables(AuthorizationMatrixTest t, String user) throws Exception {
    ProcessInstance pi = t.freshCase();
    Object before = t.runtime.getVariable(pi.getId(), "summary");
    int status = t.status(user, "POST", "/engine-rest/process-instance/" + pi.getId() + "/variables",
        "{\"modifications\":{\"summary\":{\"value\":\"overwritten\",\"type\":\"String\"}}}");
    if (status != 204) {
      assertThat(t.runtime.getVariable(pi.getId(), "summary")).isEqualTo(before);
    }
    return status == 204;
  }

  static boolean writesTaskVariables(AuthorizationMatrixTest t, String user) throws Exception {
    ProcessInstance pi = t.freshCase();
    int status = t.status(user, "POST", "/engine-rest/task/" + t.formalCheckTask(pi) + "/variables",
        "{\"modifications\":{\"reporterId\":{\"value\":\"someone-else\",\"type\":\"String\"}}}");
    if (status != 204) {
      assertThat(t.runtime.getVariable(pi.getId(), "reporterId")).isNotEqualTo("someone-else");
    }
    return status == 204;
  }

  static boolean deletes(AuthorizationMatrixTest t, String user) throws Exception {
    ProcessInstance pi = t.freshCase();
    int status = t.status(user, "DELETE", "/engine-rest/process-instance/" + pi.getId(), null);
    long left = t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count();
    assertThat(left).as("deleted exactly when allowed").isEqualTo(status == 204 ? 0 : 1);
    return status == 204;
  }

  /** Completes a fresh case's formal check with {@code variables} through submit-form; true when it was taken. */
  boolean completesFormalCheck(String user, String variables) throws Exception {
    ProcessInstance pi = freshCase();
    String task = formalCheckTask(pi);
    int status = status(user, "POST", "/engine-rest/task/" + task + "/submit-form", "{\"variables\":" + variables + "}");
    if (status != 204) {
      assertThat(formalCheckTask(pi)).as("the formal check is still open after a refused completion").isEqualTo(task);
      assertThat(status).as("refused, not failed").isIn(400, 401, 403, 404);
    }
    return status == 204;
  }

  /** Starts SoftwareVulnerabilityReport through its start form (a mailed report); true when a case was registered. */
  boolean startsReport(String user, String businessKey) throws Exception {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class);
    String body = "{" + (businessKey == null ? "" : "\"businessKey\":\"" + businessKey + "\",")
        + "\"variables\":{\"consent\":{\"value\":true},\"category\":{\"value\":\"SOFTWARE_PRODUCT\"},"
        + "\"reporterName\":{\"value\":\"鈴木 一郎\"},\"reporterEmail\":{\"value\":\"suzuki@example.jp\"},"
        + "\"productDeveloper\":{\"value\":\"例示ネットワークス株式会社\"},\"productName\":{\"value\":\"MailGateway\"},"
        + "\"productVersions\":{\"value\":\"2.x\"},"
        + "\"vulnType\":{\"value\":\"OS コマンドインジェクション\"},\"summary\":{\"value\":\"管理画面で OS コマンドインジェクション\"},"
        + "\"details\":{\"value\":\"診断機能の ping 宛先にコマンドを連結できる。\"}}}";
    int status = status(user, "POST", "/engine-rest/process-definition/key/SoftwareVulnerabilityReport/submit-form",
        body);
    Integer after = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class);
    assertThat(after - before).as("a case registered exactly when the start was taken").isEqualTo(status == 200 ? 1 : 0);
    if (businessKey != null) {
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("SoftwareVulnerabilityReport")
          .processInstanceBusinessKey(businessKey).count()).as("still one receipt process for " + businessKey)
          .isEqualTo(1);
    }
    return status == 200;
  }

  /** The escalation of issue 13: a service task whose expression makes its deployer an administrator. */
  static boolean deploysEscalation(AuthorizationMatrixTest t, String user) throws Exception {
    String key = "Matrix_Escalation_" + UUID.randomUUID().toString().substring(0, 8);
    String bpmn = jp.vulnreport.support.GateProbes.process(key, "<bpmn:serviceTask id=\"Activity_Work\" name=\"昇格\" "
        + "camunda:expression=\"${identityService.createMembership('" + (user.equals("anonymous") ? "owner1" : user)
        + "', 'camunda-admin')}\">" + jp.vulnreport.support.GateProbes.FLOWS_IN_OUT + "</bpmn:serviceTask>", "");
    HttpResponse<String> r = t.deploy(user, key, bpmn);
    if (r.statusCode() == 200) {
      return true;
    }
    assertThat(r.statusCode()).as(r.body()).isIn(400, 401, 403);
    assertThat(t.identity.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("admin");
    return false;
  }

  @Autowired org.camunda.bpm.engine.IdentityService identity;

  HttpResponse<String> deploy(String user, String key, String bpmn) throws Exception {
    String boundary = "----matrix" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!user.equals("anonymous")) {
      b.header("Authorization", Http.basic(user, password(user)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Deploys a process that keeps the house rules through /engine-rest (as Modeler does) and deletes it again. */
  static boolean deploys(AuthorizationMatrixTest t, String user) throws Exception {
    String key = "Matrix_Probe_" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> r = t.deploy(user, key, jp.vulnreport.support.GateProbes.passingProcess(key));
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      return false;
    }
    assertThat(r.statusCode()).as("deployment by " + user + ": " + r.body()).isEqualTo(200);
    String id = t.mapper.readTree(r.body()).get("id").asText();
    // process owners may deploy but not delete (a cascade deletes running cases): the administrator cleans up
    assertThat(t.status(user, "DELETE", "/engine-rest/deployment/" + id + "?cascade=true", null))
        .isEqualTo(user.equals("admin") ? 204 : 403);
    assertThat(t.status("admin", "DELETE", "/engine-rest/deployment/" + id + "?cascade=true", null))
        .isIn(204, 404);
    return true;
  }

  private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (!user.equals("anonymous")) {
      b.header("Authorization", Http.basic(user, password(user)));
    }
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpClient client(CookieManager cookies) {
    return HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private static String password(String user) {
    return "demo";
  }
}
