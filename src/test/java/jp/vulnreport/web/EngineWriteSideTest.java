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
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseEvent;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's examples, tried over HTTP as a staff member would: nobody changes the course of a
 * case through the engine's API, completing a task sets only its form's fields, a case starts only
 * through intake, and an administrator's action is on the case's timeline with who and why.
 */
class EngineWriteSideTest extends WebServerTest {

  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CaseRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  /** A case whose government notice is being drafted (recognised notifiable). */
  ProcessInstance noticeBeingDrafted() {
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> { });
    cases.throughVerification(receipt, "SUSPECTED");
    ProcessInstance gov = cases.government(receipt.getBusinessKey());
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    assertWaitingAt(gov, "Task_DraftNotice");
    return gov;
  }

  @Test
  void aLiaisonOfficerAloneCannotCancelTheNoticePreparationRewriteItOrSuspendIt() throws Exception {
    ProcessInstance gov = noticeBeingDrafted();
    long timers = management.createJobQuery().processInstanceId(gov.getId()).timers().count();
    assertThat(timers).as("reminder and deadline timers of the notice").isGreaterThan(0);

    HttpResponse<String> modification = send("liaison1", "POST", "/engine-rest/process-instance/" + gov.getId()
        + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
        + "\"Task_AwaitAcknowledgement\"},{\"type\":\"cancel\",\"activityId\":\"SubProcess_PrepareNotice\"}]}");
    assertThat(modification.statusCode()).isEqualTo(403);
    assertThat(json.readTree(modification.body()).get("message").asText()).contains("管理者");
    // refused by the guard itself (its message), not only by the engine's authorizations
    assertRefusedByGuard(send("liaison1", "POST", "/engine-rest/process-instance/" + gov.getId() + "/variables",
        "{\"modifications\":{\"tlp\":{\"value\":\"CLEAR\",\"type\":\"String\"}}}"));
    assertRefusedByGuard(send("liaison1", "PUT", "/engine-rest/process-instance/" + gov.getId() + "/suspended",
        "{\"suspended\":true}"));
    // no other spelling of the same request gets through
    assertThat(send("liaison1", "POST", "/engine-rest/process-instance/" + gov.getId() + "/%6Dodification;x=1",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"SubProcess_PrepareNotice\"}]}").statusCode())
        .isIn(403, 404);
    HttpRequest override = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/process-instance/" + gov.getId()))
        .header("Authorization", Http.basic("liaison1", "demo")).header("X-HTTP-Method-Override", "DELETE").GET()
        .build();
    assertThat(HttpClient.newHttpClient().send(override, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(400);
    assertThat(send("liaison1", "PUT", "/engine-rest/process-instance/suspended",
        "{\"processDefinitionKey\":\"GovernmentNotification\",\"suspended\":true}").statusCode()).isEqualTo(403);

    assertWaitingAt(gov, "Task_DraftNotice");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(gov.getId()).singleResult().isSuspended())
        .isFalse();
    assertThat(runtime.getVariable(gov.getId(), "tlp")).isNotEqualTo("CLEAR");
    assertThat(management.createJobQuery().processInstanceId(gov.getId()).timers().count()).isEqualTo(timers);
  }

  @Test
  void aReceiptOfficerCannotSkipTheFormalCheckRewriteTheCaseOrStartARawInstance() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    String reporterId = (String) runtime.getVariable(pi.getId(), "reporterId");

    assertThat(send("receipt1", "POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_SubstantiveCheck\"},"
            + "{\"type\":\"cancel\",\"activityId\":\"Task_FormalCheck\"}]}").statusCode()).isEqualTo(403);
    assertRefusedByGuard(send("receipt1", "POST", "/engine-rest/process-instance/" + pi.getId() + "/variables",
        "{\"modifications\":{\"summary\":{\"value\":\"別の概要\",\"type\":\"String\"},"
            + "\"reporterId\":{\"value\":\"other\",\"type\":\"String\"}}}"));
    assertRefusedByGuard(send("receipt1", "PUT", "/engine-rest/process-instance/" + pi.getId() + "/variables/summary",
        "{\"value\":\"別の概要\",\"type\":\"String\"}"));
    // the task's own variables: the candidate group may update the task, so only the guard stands in the way
    String formalCheck = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    assertRefusedByGuard(send("receipt1", "POST", "/engine-rest/task/" + formalCheck + "/variables",
        "{\"modifications\":{\"summary\":{\"value\":\"別の概要\",\"type\":\"String\"}}}"));
    assertRefusedByGuard(send("receipt1", "POST", "/engine-rest/task/" + formalCheck + "/bpmnError",
        "{\"errorCode\":\"X\"}"));

    int casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class);
    HttpResponse<String> raw = send("receipt1", "POST",
        "/engine-rest/process-definition/key/SoftwareVulnerabilityReport/start",
        "{\"businessKey\":\"" + tn + "\",\"variables\":{\"trackingNumber\":{\"value\":\"" + tn + "\"},"
            + "\"summary\":{\"value\":\"偽の届出\"}}}");
    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.body()).contains("submit-form");
    HttpResponse<String> viaForm = send("receipt1", "POST",
        "/engine-rest/process-definition/key/SoftwareVulnerabilityReport/submit-form",
        "{\"businessKey\":\"" + tn + "\",\"variables\":{\"trackingNumber\":{\"value\":\"" + tn + "\"},"
            + "\"summary\":{\"value\":\"偽の届出\"}}}");
    assertThat(viaForm.statusCode()).isEqualTo(400);
    assertThat(viaForm.body()).contains("businessKey").contains("trackingNumber");

    assertWaitingAt(pi, "Task_FormalCheck");
    assertThat(runtime.getVariable(pi.getId(), "summary")).isNotEqualTo("別の概要");
    assertThat(runtime.getVariable(pi.getId(), "reporterId")).isEqualTo(reporterId);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tn).taskDefinitionKey("Task_FormalCheck").count())
        .as("one formal check for " + tn).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class)).isEqualTo(casesBefore);
  }

  @Test
  void noOtherSpellingOfTasklistsApiGetsPastTheGuard() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    Session tasklist = login("receipt1");
    String summary = (String) runtime.getVariable(pi.getId(), "summary");
    for (String prefix : java.util.List.of("/camunda", "//camunda", "/camunda/.")) {
      HttpResponse<String> vars = tasklist.post(prefix + "/api/engine/engine/default/task/" + task + "/variables",
          "{\"modifications\":{\"summary\":{\"value\":\"書き換え\",\"type\":\"String\"}}}");
      assertThat(vars.statusCode()).as(prefix + ": " + vars.body()).isIn(400, 401, 403, 404);
      HttpResponse<String> complete = tasklist.post(prefix + "/api/engine/engine/default/task/" + task
          + "/submit-form", "{\"variables\":{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},"
          + "\"reporterId\":{\"value\":\"x\"}}}");
      assertThat(complete.statusCode()).as(prefix + ": " + complete.body()).isIn(400, 401, 403, 404);
    }
    assertThat(runtime.getVariable(pi.getId(), "summary")).isEqualTo(summary);
    assertWaitingAt(pi, "Task_FormalCheck");
  }

  @Test
  void evenAnAdministratorCannotStartACaseAroundIntake() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    int casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class);
    // through the start form with a key of its own: refused by the guard
    assertThat(send("admin", "POST", "/engine-rest/process-definition/key/SoftwareVulnerabilityReport/submit-form",
        "{\"businessKey\":\"IPA-2026-99999\",\"variables\":{}}").statusCode()).isEqualTo(400);
    // the engine itself refuses a start whose key intake did not register (Java API, as an administrator could)
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
            "SoftwareVulnerabilityReport", tn, Map.of("trackingNumber", tn)))
        .hasMessageContaining("受付処理を経ない案件の開始はできません");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
            "SoftwareVulnerabilityReport", "IPA-2026-99999"))
        .hasMessageContaining("A case starts only through intake");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tn).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class)).isEqualTo(casesBefore);
  }

  @Test
  void completingSetsOnlyTheFieldsOfTheFormThroughTasklistAndTheRestApiAlike() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    Session tasklist = login("receipt1");

    // an undeclared field, through Tasklist's own API (the session), /complete and /submit-form
    String undeclared = "{\"variables\":{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},"
        + "\"reporterId\":{\"value\":\"someone-else\"}}}";
    HttpResponse<String> viaTasklist = tasklist.post("/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", undeclared);
    assertThat(viaTasklist.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(viaTasklist.body());
    assertThat(error.get("message").asText()).contains("reporterId").contains("フォーム");
    assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo("reporterId");
    assertThat(send("receipt1", "POST", "/engine-rest/task/" + task + "/complete", undeclared).statusCode())
        .isEqualTo(400);
    assertThat(send("receipt1", "POST", "/engine-rest/task/" + task + "/submit-form", undeclared).statusCode())
        .isEqualTo(400);

    // a read-only field changed
    String summary = (String) runtime.getVariable(pi.getId(), "summary");
    HttpResponse<String> readonly = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},\"summary\":{\"value\":\"書き換え\"}}}");
    assertThat(readonly.statusCode()).isEqualTo(400);
    assertThat(readonly.body()).contains("summary").contains("表示専用");
    // a value of the wrong kind, and a choice the form does not offer
    assertThat(send("receipt1", "POST", "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"formalCheckOutcome\":{\"value\":\"SKIP_EVERYTHING\"}}}").statusCode()).isEqualTo(400);
    assertThat(send("receipt1", "POST", "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"formalCheckOutcome\":{\"value\":{\"x\":1},\"type\":\"Object\"}}}").statusCode())
        .isEqualTo(400);
    assertWaitingAt(pi, "Task_FormalCheck");
    assertThat(runtime.getVariable(pi.getId(), "summary")).isEqualTo(summary);

    // what Tasklist really sends: every field of the form, the read-only ones with the values shown
    HttpResponse<String> done = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"trackingNumber\":{\"value\":\"" + pi.getBusinessKey() + "\"},\"summary\":{\"value\":"
            + json.writeValueAsString(summary) + "},\"developerContacted\":{\"value\":false},"
            + "\"clarificationAnswer\":{\"value\":\"\"},\"formalCheckOutcome\":{\"value\":\"COMPLETE\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    cases.runJobs(pi.getId());
    assertWaitingAt(pi, "Task_SubstantiveCheck");
  }

  @Test
  void startingAProcessWithoutItsRequiredFieldsIsA400() throws Exception {
    HttpResponse<String> r = send("receipt1", "POST",
        "/engine-rest/process-definition/key/CaseDiscontinuation/submit-form", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("trackingNumber").contains("discontinuationReason").contains("必須");
    // a mailed report that intake's validation refuses: a field message, not an engine exception
    HttpResponse<String> report = send("receipt1", "POST",
        "/engine-rest/process-definition/key/SoftwareVulnerabilityReport/submit-form",
        "{\"variables\":{\"consent\":{\"value\":true},\"category\":{\"value\":\"SOFTWARE_PRODUCT\"},"
            + "\"reporterName\":{\"value\":\"鈴木 一郎\"},\"reporterEmail\":{\"value\":\"suzuki@example.jp\"},"
            + "\"vulnType\":{\"value\":\"XSS\"},\"summary\":{\"value\":\"概要\"},\"details\":{\"value\":\"詳細\"}}}");
    assertThat(report.statusCode()).as(report.body()).isEqualTo(400);
    assertThat(report.body()).contains("届出の内容を確認してください").contains("product");
  }

  @Test
  void anAdministratorsActionIsOnTheCasesTimelineWithWhoAndWhy() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    assertThat(send("admin", "POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_SubstantiveCheck\"},"
            + "{\"type\":\"cancel\",\"activityId\":\"Task_FormalCheck\"}],\"annotation\":\"形式確認は電話で完了済み\"}")
        .statusCode()).isEqualTo(204);
    HttpRequest suspend = HttpRequest.newBuilder(URI.create(base() + "/engine-rest/process-instance/" + pi.getId()
            + "/suspended")).header("Authorization", Http.basic("admin", "demo"))
        .header("Content-Type", "application/json")
        .header("X-Reason", URLEncoder.encode("届出者の依頼により一時停止", StandardCharsets.UTF_8))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\":true}")).build();
    assertThat(HttpClient.newHttpClient().send(suspend, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(204);

    List<CaseEvent> admin = register.timeline(tn).stream().filter(e -> e.type().equals("ADMIN_ACTION")).toList();
    assertThat(admin).hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
    assertThat(admin.get(0).detail()).contains("ModifyProcessInstance").contains("形式確認は電話で完了済み");
    assertThat(admin.get(1).detail()).contains("Suspend").contains("届出者の依頼により一時停止");
    // managers read it in the audit timeline
    JsonNode timeline = json.readTree(send("manager1", "GET", "/api/audit/cases/" + tn + "/timeline", null).body());
    assertThat(timeline.get("events").toString()).contains("ADMIN_ACTION").contains("形式確認は電話で完了済み");
  }

  @Test
  void theCaseAProcessActsForIsItsBusinessKeyNotAVariable() throws Exception {
    ProcessInstance a = cases.atFormalCheck("report-product", n -> { });
    ProcessInstance b = cases.atFormalCheck("report-product", n -> { });
    // even an administrator's variable write does not move a process to another case
    assertThat(send("admin", "POST", "/engine-rest/process-instance/" + a.getId() + "/variables",
        "{\"modifications\":{\"trackingNumber\":{\"value\":\"" + b.getBusinessKey() + "\",\"type\":\"String\"}}}")
        .statusCode()).isEqualTo(204);
    String task = tasks.createTaskQuery().processInstanceId(a.getId()).singleResult().getId();
    assertThat(send("receipt1", "POST", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"}}}").statusCode()).isEqualTo(204);
    assertThat(register.timeline(a.getBusinessKey())).anySatisfy(e -> assertThat(e.type()).isEqualTo("TASK_COMPLETED"));
    assertThat(register.timeline(b.getBusinessKey())).noneSatisfy(e -> assertThat(e.type()).isEqualTo("TASK_COMPLETED"));
  }

  /**
   * Where the process waits, asked of this context's engine (camunda-bpm-assert keeps the engine of
   * the first test context in the JVM, which is not this one's).
   */
  void assertWaitingAt(ProcessInstance pi, String activityId) {
    assertThat(runtime.getActiveActivityIds(pi.getId())).as("%s waits at", pi.getBusinessKey()).contains(activityId);
  }

  void assertRefusedByGuard(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json.readTree(r.body()).get("message").asText()).as(r.body()).contains("管理者（camunda-admin）だけ");
  }

  // --- HTTP ---

  HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", Http.basic(user, "demo"));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A webapp session as Tasklist has it after the login page (cookie and CSRF token). */
  record Session(HttpClient http, String xsrf, String base) {
    HttpResponse<String> post(String path, String body) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  Session login(String user) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // the session changed at login: ask for its token as Tasklist does
    HttpResponse<Void> fetch = http.send(HttpRequest.newBuilder(
            URI.create(base() + "/camunda/api/engine/engine/default/task/count")).header("X-XSRF-TOKEN", "Fetch")
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    String fresh = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return new Session(http, fresh, base());
  }
}
