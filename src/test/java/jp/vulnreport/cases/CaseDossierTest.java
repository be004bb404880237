package jp.vulnreport.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.intake.AttachmentStore;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The case dossier, the case list and the deadline board (GET /api/cases…, /api/deadlines/open), per group. */
class CaseDossierTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper mapper;
  @Autowired Cases cases;
  @Autowired CaseCommands commands;
  @Autowired AttachmentStore attachments;
  @Autowired TransactionTemplate tx;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired jp.vulnreport.coordination.CveRecordValidator cveRecordValidator;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  /** A verified product report with an attachment, recognised as notifiable: its notice is due. */
  private String notifiableCase() {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    tx.executeWithoutResult(s -> attachments.attach(tn, List.of(attachments.stage("poc.py",
        new ByteArrayInputStream("print('poc')\n".getBytes(StandardCharsets.UTF_8)), List.of()))));
    cases.throughVerification(pi, "SUSPECTED");
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOTIFIABLE"));
    return tn;
  }

  private JsonNode getJson(String url, String user) throws Exception {
    return mapper.readTree(mvc.perform(get(url).header("Authorization", Http.basic(user, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void eachGroupSeesItsSectionsOfTheDossier() throws Exception {
    String tn = notifiableCase();
    String url = "/api/cases/" + tn;

    JsonNode receipt = getJson(url, "receipt1");
    assertThat(receipt.at("/case/stateLabel").asText()).isNotBlank().doesNotContain("_");
    assertThat(receipt.at("/case/categoryLabel").asText()).isEqualTo("ソフトウエア製品");
    assertThat(receipt.at("/reporter/name").asText()).isEqualTo("山田 花子");
    assertThat(receipt.at("/reporter/email").asText()).isEqualTo("hanako.yamada@example.jp");
    assertThat(receipt.at("/reporter/creditDisplayName").asText()).startsWith("Hanako Yamada");
    assertThat(receipt.at("/reporter/shareContactLabel").asText()).isEqualTo("製品開発者への連絡先の開示に同意しない");
    // the report as filed, whole, without the discoverer
    assertThat(receipt.at("/report/vulnerability/details").asText()).contains("<script>alert(1)</script>");
    assertThat(receipt.at("/report").has("reporter")).isFalse();
    assertThat(receipt.at("/attachments/0/fileName").asText()).isEqualTo("poc.py");
    assertThat(receipt.at("/attachments/0/downloadUrl").asText())
        .isEqualTo("/api/cases/" + tn + "/attachments/" + receipt.at("/attachments/0/id").asText());
    assertThat(fields(receipt)).contains("timeline", "deadlines", "mails", "links", "verification")
        .doesNotContain("governmentNotice", "developers");
    // the timeline in Japanese; government content hidden from receipt
    List<JsonNode> timeline = new ArrayList<>();
    receipt.get("timeline").forEach(timeline::add);
    assertThat(timeline).anyMatch(e -> e.get("label").asText().equals("届出を受付"));
    assertThat(timeline).anyMatch(e -> e.get("type").asText().equals("RECOGNISED")
        && e.get("label").asText().equals("認知（通知要否の判断）")
        && e.get("detail").asText().contains("表示されません"));
    // mails: template and recipient in Japanese; the subject for the discoverer's mails, content not stored
    JsonNode ack = null;
    for (JsonNode m : receipt.get("mails")) {
      if (m.get("template").asText().equals("acknowledgement")) {
        ack = m;
      }
    }
    assertThat(ack).isNotNull();
    assertThat(ack.get("templateLabel").asText()).isEqualTo("受付通知");
    assertThat(ack.get("recipientKindLabel").asText()).isEqualTo("発見者");
    assertThat(ack.get("subject").isNull()).isFalse();
    assertThat(ack.get("content").asText()).contains("保存されていません");
    // deadlines with their rule
    JsonNode verification = null;
    for (JsonNode d : receipt.get("deadlines")) {
      if (d.get("kind").asText().equals("VERIFICATION")) {
        verification = d;
      }
    }
    assertThat(verification).isNotNull();
    assertThat(verification.get("kindLabel").asText()).isEqualTo("検証（タイムボックス）");
    assertThat(verification.get("period").asText()).endsWith("営業日");
    assertThat(verification.get("dueAt").asText()).endsWith("+09:00");
    assertThat(verification.get("timeLeft").asText()).isNotBlank();
    assertThat(receipt.at("/links/0/audienceLabel").asText()).isEqualTo("発見者");

    JsonNode analyst = getJson(url, "analyst1");
    assertThat(fields(analyst)).contains("report", "attachments", "verification")
        .doesNotContain("reporter", "governmentNotice", "developers", "links");
    assertThat(analyst.at("/verification/cvssScore").asDouble()).isEqualTo(9.8);
    assertThat(analyst.at("/verification/exploitationStatusLabel").asText()).isEqualTo("悪用の疑い");

    JsonNode liaison = getJson(url, "liaison1");
    assertThat(fields(liaison)).contains("governmentNotice", "timeline", "deadlines", "mails")
        .doesNotContain("reporter", "attachments", "links", "report");
    assertThat(liaison.at("/governmentNotice/statusLabel").asText()).isEqualTo("通知対象（内閣府への通知の作成・承認・送信を待っています）");
    assertThat(liaison.at("/governmentNotice/recognisedBy").asText()).isEqualTo("analyst1");
    assertThat(liaison.at("/governmentNotice/timeLeft").asText()).startsWith("残り");
    assertThat(liaison.at("/governmentNotice/text").asText()).contains("通知の根拠");
    assertThat(liaison.toString()).doesNotContain("hanako.yamada@example.jp");

    JsonNode coordinator = getJson(url, "coordinator1");
    assertThat(fields(coordinator)).contains("developers", "attachments", "links")
        .doesNotContain("reporter", "governmentNotice");

    for (String all : List.of("manager1", "admin")) {
      JsonNode m = getJson(url, all);
      assertThat(fields(m)).contains("report", "reporter", "attachments", "developers", "governmentNotice", "links",
          "timeline", "deadlines", "mails", "clarifications");
    }
    // process owners have no case material; unknown cases are 404
    mvc.perform(get(url).header("Authorization", Http.basic("owner1", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get(url)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/cases/IPA-1999-99999").header("Authorization", Http.basic("manager1", "demo")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCaseListSearchesFiltersAndPagesAndFindsClosedCases() throws Exception {
    ProcessInstance open = cases.atFormalCheck("report-product", n -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        n.get("product")).put("name", "DossierSearchCMS"));
    ProcessInstance closed = cases.atFormalCheck("report-product", n -> ((com.fasterxml.jackson.databind.node.ObjectNode)
        n.get("product")).put("name", "DossierSearchCMS"));
    commands.discontinue(closed.getBusinessKey(), "発見者からの取り下げ", "receipt1");

    JsonNode both = getJson("/api/cases?q=dossiersearch", "liaison1");
    assertThat(both.get("total").asInt()).isEqualTo(2);
    assertThat(both.at("/items/0/trackingNumber").asText()).isEqualTo(closed.getBusinessKey()); // newest first
    assertThat(both.at("/items/0/stateLabel").asText()).isEqualTo("取りやめ");
    assertThat(both.at("/items/0/closed").asBoolean()).isTrue();
    assertThat(both.at("/items/0").has("reporterId")).isFalse();
    assertThat(both.get("states").toString()).contains("形式確認中");

    JsonNode closedOnly = getJson("/api/cases?q=DossierSearch&state=closed", "receipt1");
    assertThat(closedOnly.get("total").asInt()).isEqualTo(1);
    assertThat(closedOnly.at("/items/0/trackingNumber").asText()).isEqualTo(closed.getBusinessKey());
    JsonNode openOnly = getJson("/api/cases?q=DossierSearch&state=open", "receipt1");
    assertThat(openOnly.at("/items/0/trackingNumber").asText()).isEqualTo(open.getBusinessKey());
    assertThat(getJson("/api/cases?q=DossierSearch&state=DISCONTINUED", "analyst1").get("total").asInt()).isEqualTo(1);
    // by tracking number, by developer and by site / summary words
    assertThat(getJson("/api/cases?q=" + open.getBusinessKey(), "analyst1").get("total").asInt()).isEqualTo(1);
    assertThat(getJson("/api/cases?q=サンプルソフト&size=100", "analyst1").get("total").asInt()).isGreaterThanOrEqualTo(2);
    // paging
    JsonNode page2 = getJson("/api/cases?q=DossierSearch&size=1&page=2", "manager1");
    assertThat(page2.get("items").size()).isEqualTo(1);
    assertThat(page2.at("/items/0/trackingNumber").asText()).isEqualTo(open.getBusinessKey());
    // period of receipt
    String today = java.time.LocalDate.now(clock).toString();
    assertThat(getJson("/api/cases?q=DossierSearch&from=" + today + "&to=" + today, "manager1").get("total").asInt())
        .isEqualTo(2);
    assertThat(getJson("/api/cases?q=DossierSearch&to=2000-01-01", "manager1").get("total").asInt()).isZero();
    // a closed case's dossier opens too
    assertThat(getJson("/api/cases/" + closed.getBusinessKey(), "receipt1").at("/case/closed").asBoolean()).isTrue();
  }

  @Test
  void theWebappsSessionWorksAndNeedsItsCsrfTokenToWrite() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    MockHttpSession session = new MockHttpSession();
    Authentications auths = new Authentications();
    UserAuthentication receipt1 = new UserAuthentication("receipt1", "default");
    receipt1.setGroupIds(List.of("receipt"));
    receipt1.setAuthorizedApps(Set.of("tasklist"));
    auths.addOrReplace(receipt1);
    AuthenticationUtil.updateSession(session, auths);
    session.setAttribute("CAMUNDA_CSRF_TOKEN", "TOKEN-123");

    JsonNode d = mapper.readTree(mvc.perform(get("/api/cases/" + tn).session(session)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(d.at("/reporter/name").asText()).isEqualTo("山田 花子");
    // the dossier of a task the user sees
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    mvc.perform(get("/api/cases/for-task/" + task.getId()).session(session)).andExpect(status().isOk());

    MockHttpServletRequestBuilder discontinue = post("/api/cases/" + tn + "/discontinuation").session(session)
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重複\"}");
    mvc.perform(discontinue).andExpect(status().isForbidden());
    mvc.perform(post("/api/cases/" + tn + "/discontinuation").session(session).header("X-XSRF-TOKEN", "WRONG")
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重複\"}")).andExpect(status().isForbidden());
    assertThat(getJson("/api/cases/" + tn, "manager1").at("/case/closed").asBoolean()).isFalse();
    mvc.perform(post("/api/cases/" + tn + "/discontinuation").session(session).header("X-XSRF-TOKEN", "TOKEN-123")
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重複\"}")).andExpect(status().isAccepted());

    // a session user outside the allowed groups is refused like with HTTP Basic
    MockHttpSession owner = new MockHttpSession();
    Authentications o = new Authentications();
    UserAuthentication owner1 = new UserAuthentication("owner1", "default");
    owner1.setGroupIds(List.of("process-owner"));
    owner1.setAuthorizedApps(Set.of("cockpit"));
    o.addOrReplace(owner1);
    AuthenticationUtil.updateSession(owner, o);
    mvc.perform(get("/api/cases/" + tn).session(owner)).andExpect(status().isForbidden());
    mvc.perform(get("/api/deadlines/open").session(owner)).andExpect(status().isOk());
  }

  @Test
  void theRecognitionTaskShowsItsCaseToAnalystsAndTheBoardShowsTheOverdueNotice() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    cases.throughVerification(pi, "SUSPECTED");
    ProcessInstance gov = cases.government(tn);
    Task recognition = taskService.createTaskQuery().processInstanceId(gov.getId()).singleResult();
    // Tasklist's list variables, as the analyst may read them (the instance's are for liaison and managers)
    identity.setAuthentication("analyst1", List.of("analyst"));
    try {
      assertThat(runtime.createVariableInstanceQuery().variableScopeIdIn(recognition.getId(), gov.getId())
          .variableName("trackingNumber").list()).extracting(v -> v.getValue()).containsExactly(tn);
      assertThat(runtime.createVariableInstanceQuery().variableScopeIdIn(recognition.getId(), gov.getId())
          .variableName("summary").count()).isEqualTo(1);
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(gov.getId())
          .variableName("criteriaNotifiable").count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
    assertThat(getJson("/api/cases/for-task/" + recognition.getId(), "analyst1").get("trackingNumber").asText())
        .isEqualTo(tn);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));

    clock.advance(Duration.ofHours(25)); // 速やかに: 24 hours when exploitation is suspected
    JsonNode board = getJson("/api/deadlines/open", "manager1");
    JsonNode notice = null;
    for (JsonNode item : board.get("deadlines")) {
      if (item.get("trackingNumber").asText().equals(tn) && item.get("kind").asText().equals("GOVERNMENT_NOTICE")) {
        notice = item;
      }
    }
    assertThat(notice).isNotNull();
    // a stage's deadline shows while the stage waits, and no longer: this case is past its formal and
    // substantive checks, its notice and verification time-box are what remain
    List<String> kinds = new java.util.ArrayList<>();
    board.get("deadlines").forEach(i -> {
      if (i.get("trackingNumber").asText().equals(tn)) {
        kinds.add(i.get("kind").asText());
      }
    });
    assertThat(kinds).doesNotContain("FORMAL_CHECK", "ACCEPTANCE_DECISION");
    ProcessInstance waiting = cases.atFormalCheck("report-product", n -> { });
    JsonNode later = getJson("/api/deadlines/open", "manager1");
    assertThat(later.get("deadlines").toString()).contains(waiting.getBusinessKey());
    later.get("deadlines").forEach(i -> {
      if (i.get("trackingNumber").asText().equals(waiting.getBusinessKey())) {
        assertThat(i.get("kind").asText()).isEqualTo("FORMAL_CHECK");
      }
    });
    assertThat(notice.get("overdue").asBoolean()).isTrue();
    assertThat(notice.get("timeLeft").asText()).endsWith("超過");
    assertThat(notice.get("kindLabel").asText()).isEqualTo("内閣府への通知（速やかに）");
    assertThat(notice.get("dossierUrl").asText()).isEqualTo("/api/cases/" + tn);
    assertThat(board.get("overdueCount").asInt()).isGreaterThanOrEqualTo(1);
    // counts by state: this case is counted under its state, with the state's Japanese label
    String state = getJson("/api/cases/" + tn, "manager1").at("/case/state").asText();
    JsonNode count = null;
    for (JsonNode c : board.get("countsByState")) {
      if (c.get("state").asText().equals(state)) {
        count = c;
      }
    }
    assertThat(count).as("counts by state include " + state).isNotNull();
    assertThat(count.get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(count.get("stateLabel").asText()).isEqualTo(jp.vulnreport.cases.CaseState.valueOf(state).ja());
    // overdue first
    assertThat(board.at("/deadlines/0/overdue").asBoolean()).isTrue();
    for (String refused : List.of("receipt1", "analyst1", "liaison1")) {
      mvc.perform(get("/api/deadlines/open").header("Authorization", Http.basic(refused, "demo")))
          .andExpect(status().isForbidden());
    }
  }

  /** A webapps' session (Tasklist) of {@code user} in {@code group}. */
  private static MockHttpSession webappSession(String user, String group) {
    MockHttpSession session = new MockHttpSession();
    Authentications auths = new Authentications();
    UserAuthentication u = new UserAuthentication(user, "default");
    u.setGroupIds(List.of(group));
    u.setAuthorizedApps(Set.of("tasklist"));
    auths.addOrReplace(u);
    AuthenticationUtil.updateSession(session, auths);
    return session;
  }

  private ProcessInstance coordinationOf(String tn) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("Coordination").processInstanceBusinessKey(tn)
        .singleResult();
  }

  @Test
  void aPublishedCaseListsItsAdvisoryWithTheCveRecordAndCsafDownloadsForCoordinationOnly() throws Exception {
    // a developer's own report (the shortest path to publication): handed off, date agreed on its page
    ProcessInstance receipt = cases.atFormalCheck("report-self", n -> { });
    String tn = receipt.getBusinessKey();
    cases.throughVerification(receipt, "NONE");
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    ProcessInstance coordination = coordinationOf(tn);
    cases.runJobs(coordination.getId());
    // a coordinator confirms the reporting developer (its address verified by phone)
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ConfirmSelfReporter",
        Map.of("selfReportDecision", "CONFIRM_REGISTERED", "selfReportContactVerified", true));
    cases.runJobs(coordination.getId());
    String url = "/api/cases/" + tn;
    // before an advisory is drafted the section is there, empty
    assertThat(getJson(url, "coordinator1").has("advisory")).isTrue();
    assertThat(getJson(url, "coordinator1").get("advisory").isNull()).isTrue();

    java.time.LocalDate date = java.time.OffsetDateTime.now(clock).atZoneSameInstant(CaseDossier.JST).toLocalDate()
        .plusDays(20);
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", date.toString()));
    cases.runJobs(coordination.getId());
    String token = Cases.token(Cases.single(GREEN_MAIL.getReceivedMessages(), "security-team@sample-soft.example.jp",
        "公表日のご確認のお願い"), java.util.regex.Pattern.compile("/developer/([A-Za-z0-9_-]{43})"));
    MockHttpSession developer = new MockHttpSession();
    String page = mvc.perform(get("/developer/" + token).session(developer)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
    mvc.perform(post("/developer/" + token + "/publication-date").session(developer).param("_csrf", Cases.csrf(page))
        .param("dateAnswer", "CONFIRM")).andExpect(status().is3xxRedirection());
    cases.runJobs(coordination.getId());
    Map<String, Object> texts = new java.util.HashMap<>();
    texts.put("advisoryTitleJa", "SampleCMS におけるパストラバーサルの脆弱性");
    texts.put("advisoryTitleEn", "Path traversal in SampleCMS");
    texts.put("advisoryOverviewJa", "SampleCMS のファイル取得 API には、パストラバーサルの脆弱性があります。");
    texts.put("advisoryOverviewEn", "The file API of SampleCMS has a path traversal vulnerability.");
    texts.put("advisoryImpactJa", "サーバ上の任意のファイルを読み取られる可能性があります。");
    texts.put("advisoryImpactEn", "Any file on the server may be read.");
    texts.put("advisorySolutionJa", "最新版へアップデートしてください。");
    texts.put("advisorySolutionEn", "Update to the latest version.");
    texts.put("cveIds", "CVE-2026-30001");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", texts);

    // drafted: a 下書き with its JVN number, planned date and CVE record; no CSAF version released yet
    JsonNode draft = getJson(url, "coordinator1").get("advisory");
    assertThat(draft.get("advisoryId").asText()).matches("JVN#[0-9]{8}");
    assertThat(draft.get("statusLabel").asText()).isEqualTo("下書き");
    assertThat(draft.get("plannedDate").asText()).isEqualTo(date.toString());
    assertThat(draft.get("publicUrl").isNull()).isTrue();
    assertThat(draft.get("csafVersions").size()).isZero();
    assertThat(draft.at("/cves/0/cveId").asText()).isEqualTo("CVE-2026-30001");

    org.camunda.bpm.engine.runtime.Job day = management.createJobQuery().processInstanceId(coordination.getId())
        .activityId("Event_PublicationDay").singleResult();
    management.executeJob(day.getId());
    cases.runJobs(coordination.getId());
    cases.runJobs(receipt.getId());
    assertThat(getJson(url, "manager1").at("/case/state").asText()).isEqualTo("PUBLISHED");

    JsonNode a = getJson(url, "coordinator1").get("advisory");
    String slug = a.get("advisoryId").asText().replace("#", "");
    assertThat(a.get("statusLabel").asText()).isEqualTo("公表済み");
    assertThat(a.get("publishedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(a.get("publicUrl").asText()).endsWith("/advisories/" + slug);
    String recordUrl = "/api/cases/" + tn + "/advisory/cve/CVE-2026-30001.json";
    assertThat(a.at("/cves/0/recordUrl").asText()).isEqualTo(recordUrl);
    assertThat(a.at("/csafVersions/0/version").asInt()).isEqualTo(1);
    assertThat(a.at("/csafVersions/0/releasedOn").asText()).isEqualTo(a.get("publishedOn").asText());
    String csafUrl = a.at("/csafVersions/0/downloadUrl").asText();
    assertThat(csafUrl).isEqualTo("/api/cases/" + tn + "/advisory/csaf/1.json");
    assertThat(getJson(url, "manager1").get("advisory").get("advisoryId").asText()).isEqualTo(a.get("advisoryId").asText());

    // the links download with the Tasklist session alone: a schema-valid CVE record, the released CSAF version
    MockHttpSession coordinator = webappSession("coordinator1", "coordination");
    var download = mvc.perform(get(recordUrl).session(coordinator)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(download.getHeader("Content-Disposition")).contains("attachment", "CVE-2026-30001.json");
    JsonNode record = mapper.readTree(download.getContentAsString(StandardCharsets.UTF_8));
    assertThat(cveRecordValidator.problems(record)).isEmpty();
    assertThat(record.at("/cveMetadata/cveId").asText()).isEqualTo("CVE-2026-30001");
    assertThat(record.at("/containers/cna/references/0/url").asText()).endsWith("/advisories/" + slug);
    var csaf = mvc.perform(get(csafUrl).session(coordinator)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(csaf.getHeader("Content-Disposition")).contains("attachment", slug.toLowerCase() + "_v1.json");
    assertThat(mapper.readTree(csaf.getContentAsString(StandardCharsets.UTF_8)).at("/document/tracking/version")
        .asText()).isEqualTo("1");

    // receipt, analysts and liaison read the case but not the advisory section, and the downloads refuse them
    for (String other : List.of("receipt1", "analyst1", "liaison1")) {
      assertThat(fields(getJson(url, other))).as(other).doesNotContain("advisory");
    }
    MockHttpSession receiptSession = webappSession("receipt1", "receipt");
    assertThat(mvc.perform(get(url).session(receiptSession)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/advisory/");
    mvc.perform(get(recordUrl).session(receiptSession)).andExpect(status().isForbidden());
    mvc.perform(get(csafUrl).session(receiptSession)).andExpect(status().isForbidden());
    mvc.perform(get(recordUrl).header("Authorization", Http.basic("receipt1", "demo"))).andExpect(status().isForbidden());
  }
}
