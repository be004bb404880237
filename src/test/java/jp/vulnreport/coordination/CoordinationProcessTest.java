package jp.vulnreport.coordination;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.government.CsafValidator;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import jp.vulnreport.exploitation.ExploitationReports;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Coordination with product developers (Coordination, DeveloperCoordination): from the receipt
 * process's hand-off to a published advisory with a valid CSAF document, or to closing without one;
 * the developer answers through its private page; silence leads to the unreachable-developers list
 * and the publication judgement committee. The registry is the local sample registry (sample-soft
 * makes SampleCMS; kakuu-joho embeds it in its portal, per its SBOM).
 */
class CoordinationProcessTest extends IntegrationTest {

  static final String DISCOVERER = "hanako.yamada@example.jp";
  static final String SAMPLE_SOFT = "psirt@sample-soft.example.jp";
  static final String SAMPLE_SOFT_PSIRT = "cms-psirt@sample-soft.example.jp";
  static final String KAKUU = "product-security@kakuu-joho.example.jp";
  static final Pattern DEVELOPER_LINK = Pattern.compile("/developer/([A-Za-z0-9_-]{43})");
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @Autowired Cases cases;
  @Autowired CaseRegister register;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Deadlines deadlines;
  @Autowired Coordinations coordinations;
  @Autowired DeveloperCommands commands;
  @Autowired Advisories advisories;
  @Autowired Publications publications;
  @Autowired PublicationDates publicationDates;
  @Autowired PrivateLinks links;
  @Autowired CsafValidator csafValidator;
  @Autowired CveRecords cveRecords;
  @Autowired CveRecordValidator cveRecordValidator;
  @Autowired ExploitationReports exploitation;
  @Autowired jp.vulnreport.government.GovernmentCommands government;
  @Autowired ObjectMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired jp.vulnreport.intake.AttachmentStore attachmentStore;
  @Autowired org.springframework.transaction.support.TransactionTemplate tx;

  @Test
  void aSingleDeveloperCoordinatedThroughItsPageToAPublishedAdvisoryWithAValidCsafDocument() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    assertThat(coordination).isWaitingAt("Task_IdentifyDevelopers");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DEVELOPER_IDENTIFICATION);
    Task identify = cases.task(coordination);
    assertThat(identify.getDueDate()).isNotNull();
    assertThat(runtime.getVariable(coordination.getId(), "developerSuggestions")).asString()
        .contains("sample-soft", "[purl で照合、直接]", "kakuu-joho", "[SBOM で照合、下流の製品]", "samplecms 4.2.5",
            "が含まれる")
        .doesNotContain("matched by", "downstream", "PURL,");

    // an unknown id is refused and the task stays open
    assertThatThrownBy(() -> identifyAs(coordination, "no-such-developer", false))
        .hasMessageContaining("no-such-developer");
    identifyAs(coordination, "sample-soft", false);

    // first contact to the registered addresses: its time is the start date (起算日); the target follows
    MimeMessage first = single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡");
    assertThat(body(first)).contains("SampleCMS", tn, "起算日").doesNotContain("山田", "<script>");
    // Japanese first, English below: no English inside the Japanese half, the role in each language
    String japaneseHalf = body(first).substring(0, body(first).indexOf("-----"));
    assertThat(japaneseHalf).contains("貴社製品の脆弱性です。").doesNotContain("a vulnerability in", "your product");
    assertThat(body(first).substring(body(first).indexOf("-----"))).contains("(a vulnerability in your product)");
    OffsetDateTime start = register.get(tn).startDateAt();
    assertThat(start).isNotNull();
    assertThat(coordinations.get(tn, "sample-soft").firstContactAt()).isEqualTo(start);
    Deadlines.Deadline target = deadlines.latest(tn, "PUBLICATION_TARGET");
    assertThat(target.startsAt()).isEqualTo(start);
    assertThat(target.dueAt()).isEqualTo(start.atZoneSameInstant(JST).plusDays(45).toOffsetDateTime());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DEVELOPER_CONTACTING);
    ProcessInstance developer = developer(tn, "sample-soft");
    assertThat(developer).isWaitingAt("Task_AwaitContactPoint");
    Job warning = management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationWarning")
        .singleResult();
    assertThat(warning.getDuedate().toInstant()).isEqualTo(target.dueAt().minusDays(15).toInstant());

    // the developer names a contact point on its private page (no account; CSRF token of the page)
    String token = token(first);
    MockHttpSession session = new MockHttpSession();
    String page = mvc.perform(get("/developer/" + token).session(session)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(page).contains("連絡窓口のご指定", "サンプルソフト株式会社").doesNotContain("格納型クロスサイトスクリプティング");
    mvc.perform(post("/developer/" + token + "/contact").session(session).param("_csrf", csrf(page))
        .param("name", "PSIRT").param("email", "not-an-address")).andExpect(status().isBadRequest());
    mvc.perform(post("/developer/" + token + "/contact").session(session).param("_csrf", csrf(page))
        .param("name", "SampleCMS PSIRT").param("email", SAMPLE_SOFT_PSIRT)).andExpect(status().is3xxRedirection());
    cases.runJobs(developer.getId());

    // the details go to the contact point (詳細情報連絡日); the discoverer is told both dates
    MimeMessage details = single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細");
    assertThat(body(details)).contains("記事タイトルに入力した文字列", "SampleCMS PSIRT", "/developer/", "公表日のご希望")
        .doesNotContain("山田");
    assertThat(register.get(tn).detailsSentAt()).isNotNull();
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DEVELOPER_COORDINATING);
    MimeMessage dates = single(DISCOVERER, "製品開発者との調整を開始しました");
    assertThat(body(dates)).contains("起算日", "詳細情報連絡日", "Start date", "(JST)");
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");

    // under investigation first (not ready: the developer's part keeps waiting), then affected with a fix and a date
    String detailsToken = token(details);
    String responsePage = mvc.perform(get("/developer/" + detailsToken).session(session)).andReturn().getResponse()
        .getContentAsString();
    assertThat(responsePage).contains("対応状況のご回答", "管理画面の検索機能に格納型クロスサイトスクリプティングの脆弱性");
    mvc.perform(post("/developer/" + detailsToken + "/response").session(session).param("_csrf", csrf(responsePage))
        .param("status", "UNDER_INVESTIGATION").param("statement", "調査中です")
        .param("question", "再現に使った管理者アカウントの権限を教えてください")).andExpect(status().is3xxRedirection());
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");
    // the discoverer did not consent to contact with the developer: the question is kept, not passed on
    assertThat(jdbc.queryForList("SELECT passed_on FROM vr_developer_question WHERE tracking_number = ?", Boolean.class, tn))
        .containsExactly(false);
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), DISCOVERER)).noneMatch(m -> Cases.subject(m).contains("製品開発者からの質問"));
    LocalDate proposed = today().plusDays(40);
    mvc.perform(post("/developer/" + detailsToken + "/response").session(session).param("_csrf", csrf(responsePage))
        .param("status", "AFFECTED").param("fixAvailability", "AVAILABLE").param("fixedVersions", "4.2.8")
        .param("countermeasure", "SampleCMS 4.2.8 へアップデートしてください")
        .param("proposedPublicationDate", proposed.toString())
        .param("statement", "修正版 4.2.8 を公開しました。")).andExpect(status().is3xxRedirection());
    cases.runJobs(developer.getId());
    assertThat(developer).isEnded().hasPassed("Task_ForwardResponse", "Task_RecordDeveloperReady");
    // the first contact's link (general addresses) stopped working when the details went to the contact point
    mvc.perform(get("/developer/" + token)).andExpect(status().isGone());
    assertThat(coordinations.get(tn, "sample-soft").outcome()).isEqualTo(Coordinations.Outcome.READY);

    // every developer is done: the target watch ends with the sub-process; one publication date for the case
    cases.runJobs(coordination.getId());
    assertThat(coordination).isWaitingAt("Task_SetPublicationDate");
    assertThat(management.createJobQuery().processInstanceId(coordination.getId()).timers().list()).isEmpty();
    assertThat(runtime.getVariable(coordination.getId(), "developerResults")).asString()
        .contains("サンプルソフト株式会社: READY", "提示された公表日 " + proposed);
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", today().minusDays(1).toString()))).hasMessageContaining("past");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", proposed.toString()));
    // a proposal: the developer confirms it on its page before it is fixed
    assertThat(coordination).isWaitingAt("Task_AwaitDateConfirmation");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DEVELOPER_COORDINATING);
    assertThat(publications.plannedDate(tn)).isEmpty();
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), DISCOVERER)).noneMatch(m -> Cases.subject(m).contains("公表日が決まりました"));
    MimeMessage ask = single(SAMPLE_SOFT_PSIRT, "公表日のご確認のお願い");
    assertThat(body(ask)).contains(proposed.toString(), "/developer/", "Proposed publication date");
    String askToken = token(ask);
    MockHttpSession dateSession = new MockHttpSession();
    String datePage = mvc.perform(get("/developer/" + askToken).session(dateSession)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(datePage).contains("公表日のご確認", "id=\"proposed-publication-date\">" + proposed, "publication-date-form");
    mvc.perform(post("/developer/" + askToken + "/publication-date").session(dateSession).param("_csrf", csrf(datePage))
        .param("dateAnswer", "CONFIRM")).andExpect(status().is3xxRedirection());
    cases.runJobs(coordination.getId());
    assertThat(coordination).hasPassed("Task_FixPublicationDate");
    assertThat(publications.plannedDate(tn)).contains(proposed);
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLICATION_SCHEDULED);
    assertThat(mvc.perform(get("/developer/" + askToken)).andReturn().getResponse().getContentAsString())
        .contains("全製品開発者の同意により確定しました", "publication-date-change-form")
        .doesNotContain("id=\"publication-date-form\"");
    assertThat(body(single(DISCOVERER, "公表日が決まりました"))).contains(proposed.toString());
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "公表日のお知らせ"))).contains(proposed.toString(), "SampleCMS");

    // the advisory in Japanese and English; its CSAF document is built and validated against the schema
    assertThat(coordination).isWaitingAt("Task_DraftAdvisory");
    assertThat(runtime.getVariable(coordination.getId(), "advisoryTitleJa")).asString().contains("SampleCMS");
    Map<String, Object> incomplete = advisoryTexts();
    incomplete.put("advisoryOverviewEn", " ");
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory",
        incomplete)).hasMessageContaining("English");
    // CVE IDs as the CNA reserved them: a malformed or repeated one is refused, the task stays open
    Map<String, Object> badCve = advisoryTexts();
    badCve.put("cveIds", "CVE-26-1234");
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory",
        badCve)).hasMessageContaining("CVE-2026-12345");
    badCve.put("cveIds", "CVE-2026-10001 cve-2026-10001");
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory",
        badCve)).hasMessageContaining("one CVE ID per distinct vulnerability");
    assertThat(coordination).isWaitingAt("Task_DraftAdvisory");
    Map<String, Object> withCve = advisoryTexts();
    withCve.put("cveIds", "CVE-2026-10001");
    withCve.put("overseasCoordinator", "");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", withCve);
    // a partnership case (a report through IPA): JVN# and 8 digits, not derived from the tracking number
    String advisoryId = advisories.stored(tn).orElseThrow().id();
    assertThat(advisoryId).matches("JVN#[0-9]{8}").doesNotContain(tn.replaceAll("[^0-9]", ""));
    JsonNode csaf = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(csafValidator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/document/category").asText()).isEqualTo("csaf_security_advisory");
    // a draft until the publication day (version 0), with the JVN number as tracking id and the CVE as alias
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("draft");
    assertThat(csaf.at("/document/tracking/version").asText()).isEqualTo("0");
    assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo(advisoryId);
    assertThat(csaf.at("/document/tracking/aliases/0").asText()).isEqualTo("CVE-2026-10001");
    assertThat(csaf.at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2026-10001");
    assertThat(csaf.at("/vulnerabilities/0/ids/0/text").asText()).isEqualTo(advisoryId);
    // the CWE catalogue's official name (CSAF §6.1.11), not the Japanese type of our pages
    assertThat(csaf.at("/vulnerabilities/0/cwe/name").asText())
        .isEqualTo("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    assertThat(csaf.at("/document/references/0/category").asText()).isEqualTo("self");
    assertThat(csaf.at("/document/references/0/url").asText())
        .isEqualTo("https://jvn.jp/csaf/" + advisoryId.toLowerCase().replace("#", "_") + ".json");
    assertThat(csaf.toString()).contains("https://www.cve.org/CVERecord?id=CVE-2026-10001");
    assertThat(csaf.at("/document/acknowledgments/0/names/0").asText()).isEqualTo("Hanako Yamada (Example Security Lab)");
    assertThat(csaf.toString()).contains("\"purl\":\"pkg:maven/jp.example/samplecms@4.2.7\"");
    JsonNode vuln = csaf.at("/vulnerabilities/0");
    assertThat(vuln.at("/product_status/known_affected/0").asText()).isEqualTo("CSAFPID-0001");
    assertThat(vuln.at("/product_status/fixed/0").asText()).isEqualTo("CSAFPID-0002");
    assertThat(vuln.at("/remediations/0/category").asText()).isEqualTo("vendor_fix");
    assertThat(vuln.at("/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(9.8);
    assertThat(vuln.at("/cwe/id").asText()).isEqualTo("CWE-79");

    // nothing public before the day; on the day the advisory is published and the case completes
    String slug = advisories.stored(tn).orElseThrow().slug();
    mvc.perform(get("/advisories/" + slug)).andExpect(status().isNotFound());
    Job day = management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationDay")
        .singleResult();
    assertThat(day.getDuedate().toInstant()).isEqualTo(proposed.atStartOfDay(JST).toInstant());
    management.executeJob(day.getId());
    cases.runJobs(coordination.getId());
    assertThat(coordination).isEnded().hasPassed("Task_PublishAdvisory", "Task_NotifyPublished");
    cases.runJobs(receipt.getId());
    assertThat(receipt).isEnded();
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLISHED);
    assertThat(register.get(tn).publishedAt()).isNotNull();
    assertThat(register.get(tn).closedAt()).isNotNull();
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "JVN で公表しました"))).contains("/advisories/" + slug);
    // published: the CSAF document is version 1, final, one revision; the CVE record is ready and valid
    JsonNode released = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(released.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(released.at("/document/tracking/version").asText()).isEqualTo("1");
    assertThat(released.at("/document/tracking/revision_history").size()).isEqualTo(1);
    assertThat(released.at("/document/tracking/id").asText()).isEqualTo(advisoryId);
    assertThat(released.at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2026-10001");
    JsonNode cveRecord = cveRecords.record(advisories.stored(tn).orElseThrow(), "CVE-2026-10001");
    assertThat(cveRecordValidator.problems(cveRecord)).isEmpty();
    assertThat(cveRecord.at("/cveMetadata/cveId").asText()).isEqualTo("CVE-2026-10001");
    assertThat(cveRecord.at("/containers/cna/problemTypes/0/descriptions/0/cweId").asText()).isEqualTo("CWE-79");
    assertThat(cveRecord.at("/containers/cna/references/0/url").asText()).endsWith("/advisories/" + slug);
    assertThat(cveRecord.at("/containers/cna/metrics/0/cvssV3_1/baseScore").asDouble()).isEqualTo(9.8);
    assertThat(cveRecord.at("/containers/cna/affected/0/vendor").asText()).isEqualTo("サンプルソフト株式会社");
    assertThat(cveRecord.at("/containers/cna/descriptions/0/lang").asText()).isEqualTo("en");
    // the discoverer's status page names the advisory and links to it
    String statusToken = links.issue(tn, LinkAudience.DISCOVERER, register.get(tn).reporterId(), "test").token();
    String statusPage = mvc.perform(get("/status/" + statusToken)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(statusPage).contains("公表した脆弱性対策情報")
        .containsPattern("<dd id=\"case-advisory\"><a href=\"[^\"]*/advisories/" + slug + "\">"
            + java.util.regex.Pattern.quote(advisories.stored(tn).orElseThrow().id()) + "</a></dd>");
    assertThat(statusPage).contains("<dd id=\"case-cve\">CVE-2026-10001</dd>");
    MimeMessage completion = single(DISCOVERER, "JVN で公表し、取扱いを終了しました");
    assertThat(body(completion)).contains("CVE ID: CVE-2026-10001");
    assertThat(body(completion)).contains(advisories.stored(tn).orElseThrow().id(), "/advisories/" + slug, "実施したこと", "開発者による確認と対策の準備",
        "What was done");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("PersonalDataRetention")
        .processInstanceBusinessKey(tn).count()).isEqualTo(1);

    String advisoryPage = mvc.perform(get("/advisories/" + slug)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(advisoryPage).contains("SampleCMS における格納型 XSS の脆弱性", "サンプルソフト株式会社", "該当製品あり",
        "4.2.8", "修正版 4.2.8 を公開しました。", "Hanako Yamada (Example Security Lab)", "csaf.json", advisoryId,
        "https://www.cve.org/CVERecord?id=CVE-2026-10001");
    String english = mvc.perform(get("/advisories/" + slug).param("lang", "en")).andReturn().getResponse()
        .getContentAsString();
    assertThat(english).contains("Stored XSS in SampleCMS", "Affected", "Reporter: Hanako Yamada");
    String published = mvc.perform(get("/advisories/" + slug + "/csaf.json")).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(csafValidator.problems(mapper.readTree(published))).isEmpty();
    assertThat(mapper.readTree(published).at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2026-10001");

    // the CVE record is downloaded from the advisory's staff view: coordinators and managers only
    String recordPath = "/api/cases/" + tn + "/advisory/cve/CVE-2026-10001.json";
    var download = mvc.perform(get(recordPath).header("Authorization", jp.vulnreport.support.Http.basic("coordinator1",
        "demo"))).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(download.getHeader("Content-Disposition")).contains("attachment", "CVE-2026-10001.json");
    JsonNode downloaded = mapper.readTree(download.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(cveRecordValidator.problems(downloaded)).isEmpty();
    assertThat(downloaded.at("/containers/cna/providerMetadata/orgId").asText()).isNotBlank();
    mvc.perform(get(recordPath).header("Authorization", jp.vulnreport.support.Http.basic("manager1", "demo")))
        .andExpect(status().isOk());
    mvc.perform(get(recordPath).header("Authorization", jp.vulnreport.support.Http.basic("receipt1", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get(recordPath)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/cases/" + tn + "/advisory/cve/CVE-2026-99999.json")
        .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))).andExpect(status().isNotFound());
    String staffView = mvc.perform(get("/api/cases/" + tn + "/advisory")
        .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(mapper.readTree(staffView).at("/advisoryId").asText()).isEqualTo(advisoryId);
    assertThat(mapper.readTree(staffView).at("/cveRecords/0").asText()).isEqualTo(recordPath);

    // an update after publication is a new version with its own revision entry; version 1 is kept
    mvc.perform(post("/api/cases/" + tn + "/advisory/revisions").contentType("application/json")
        .content("{\"summary\":\"x\"}").header("Authorization", jp.vulnreport.support.Http.basic("manager1", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/cases/" + tn + "/advisory/revisions").contentType("application/json")
        .content("{\"summary\":\" \"}").header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo")))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/cases/" + tn + "/advisory/revisions").contentType("application/json")
        .content("{\"summary\":\"修正版の情報を更新 / fixed version information updated\"}")
        .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))).andExpect(status().isOk());
    JsonNode v2 = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(csafValidator.problems(v2)).isEmpty();
    assertThat(v2.at("/document/tracking/version").asText()).isEqualTo("2");
    assertThat(v2.at("/document/tracking/revision_history").size()).isEqualTo(2);
    assertThat(v2.at("/document/tracking/revision_history/1/summary").asText()).contains("fixed version information");
    assertThat(v2.at("/document/tracking/initial_release_date").asText())
        .isEqualTo(released.at("/document/tracking/initial_release_date").asText());
    assertThat(mapper.readTree(advisories.csafVersion(tn, 1).orElseThrow()).at("/document/tracking/version").asText())
        .isEqualTo("1");
    assertThat(advisories.revisions(tn)).extracting(Advisories.Revision::version).containsExactly(1, 2);
    assertThat(mvc.perform(get("/advisories")).andReturn().getResponse().getContentAsString()).contains(slug);
  }

  @Test
  void aMultiVendorCaseWithADownstreamDeveloperThatIsNotAffectedAndAnExtendedTarget() throws Exception {
    DeveloperRegistryTest.coordinationUser(identity);
    ProcessInstance receipt = handedOff(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("reporter"))
        .put("shareContactWithDeveloper", true));
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    identifyAs(coordination, "sample-soft, kakuu-joho", false);
    assertThat(coordinations.get(tn, "sample-soft").role()).isEqualTo("DIRECT");
    assertThat(coordinations.get(tn, "kakuu-joho").role()).isEqualTo("DOWNSTREAM");
    assertThat(body(single(KAKUU, "製品の脆弱性に関するご連絡"))).contains("コンポーネント");
    ProcessInstance sampleSoft = developer(tn, "sample-soft");
    ProcessInstance kakuu = developer(tn, "kakuu-joho");

    // coordinators enter what the developers said by mail (staff API and Tasklist form), as the page would
    mvc.perform(post("/api/cases/" + tn + "/developers/sample-soft/contact-point").header("Authorization",
            jp.vulnreport.support.Http.basic(DeveloperRegistryTest.COORDINATION_USER, "demo")).contentType("application/json")
            .content("{\"name\":\"PSIRT\",\"email\":\"" + SAMPLE_SOFT_PSIRT + "\"}"))
        .andExpect(status().isOk());
    mvc.perform(post("/api/cases/" + tn + "/developers/sample-soft/contact-point").header("Authorization",
            jp.vulnreport.support.Http.basic("receipt1", "demo")).contentType("application/json").content("{\"name\":\"x\",\"email\":\"x@example.jp\"}"))
        .andExpect(status().isForbidden());
    cases.runJobs(sampleSoft.getId());
    commands.nameContactPoint(tn, "kakuu-joho", "製品セキュリティ担当", KAKUU, "coordinator1");
    cases.runJobs(kakuu.getId());
    LocalDate proposed = today().plusDays(50);
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.AFFECTED,
        Coordinations.FixAvailability.PLANNED, null, "回避策: 検索機能を無効にする", proposed,
        "修正版を準備中です。", "検証に使ったブラウザの設定を教えてください"), "coordinator1");
    cases.runJobs(sampleSoft.getId());
    assertThat(sampleSoft).isEnded();
    // the discoverer consented to contact with the developer: the question is passed on
    assertThat(body(single(DISCOVERER, "製品開発者からの質問"))).contains("検証に使ったブラウザの設定を教えてください");

    // the target comes near while kakuu-joho investigates: the coordinator extends it with a reason
    Job warning = management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationWarning")
        .singleResult();
    management.executeJob(warning.getId());
    assertThat(coordination).isWaitingAt("Task_ReviewPublicationTarget");
    LocalDate newTarget = deadlines.latest(tn, "PUBLICATION_TARGET").dueAt().atZoneSameInstant(JST).toLocalDate()
        .plusDays(14);
    Map<String, Object> noReason = new HashMap<>(Map.of("extendTarget", true, "newTargetDate", newTarget.toString()));
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination,
        "Task_ReviewPublicationTarget", noReason)).hasMessageContaining("reason");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ReviewPublicationTarget",
        Map.of("extendTarget", true, "newTargetDate", newTarget.toString(), "extensionReason", "下流製品の検証に時間が必要"));
    Deadlines.Deadline extended = deadlines.latest(tn, "PUBLICATION_TARGET");
    assertThat(extended.dueAt().atZoneSameInstant(JST).toLocalDate()).isEqualTo(newTarget);
    assertThat(extended.basis()).contains("下流製品の検証に時間が必要");
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("PUBLICATION_TARGET_EXTENDED")
        && e.actor().equals("coordinator1"));
    Job again = management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationWarning")
        .singleResult();
    assertThat(again.getDuedate().toInstant()).isEqualTo(extended.dueAt().minusDays(15).toInstant());

    // the downstream developer is not affected (entered through the Tasklist start form)
    identity.setAuthentication("coordinator1", List.of("coordination"));
    try {
      runtime.startProcessInstanceByKey("DeveloperResponseEntry", Map.of("entryTrackingNumber", tn,
          "entryDeveloperId", "kakuu-joho", "entryKind", "RESPONSE", "entryStatus", "NOT_AFFECTED",
          "entryStatement", "当社ポータルは該当の検索機能を使用していません。"));
    } finally {
      identity.clearAuthentication();
    }
    cases.runJobs(kakuu.getId());
    assertThat(kakuu).isEnded();
    assertThat(coordinations.get(tn, "kakuu-joho").outcome()).isEqualTo(Coordinations.Outcome.NOT_AFFECTED);
    assertThat(coordinations.get(tn, "kakuu-joho").respondedBy()).isEqualTo("coordinator1");

    // one date for both; later than the target only with a reason
    cases.runJobs(coordination.getId());
    assertThat(coordination).isWaitingAt("Task_SetPublicationDate");
    LocalDate late = newTarget.plusDays(3);
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", late.toString()))).hasMessageContaining("reason");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", late.toString(), "publicationDateReason", "海外の調整機関と日程を合わせるため"));
    // only the affected developer confirms; the not-affected downstream developer is told the date, not asked
    assertThat(coordination).isWaitingAt("Task_AwaitDateConfirmation");
    assertThat(publicationDates.confirmers(tn)).containsExactly("sample-soft");
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), KAKUU)).noneMatch(m -> Cases.subject(m).contains("公表日のご確認"));
    confirmDate(coordination, tn, "sample-soft");
    assertThat(body(single(KAKUU, "公表日のお知らせ"))).contains(late.toString());

    // after its part ended, sample-soft releases its fix: an update through its page, taken until publication
    String sampleToken = token(single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細"));
    assertThat(mvc.perform(get("/developer/" + sampleToken)).andReturn().getResponse().getContentAsString())
        .contains("update-note", "対応状況のご回答");
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.AFFECTED,
        Coordinations.FixAvailability.AVAILABLE, "4.2.8", "SampleCMS 4.2.8 へ更新してください", proposed,
        "修正版 4.2.8 を公開しました。", null), "developer");
    cases.runJobs(coordination.getId());
    assertThat(coordination).hasPassed("Task_ForwardUpdate");
    assertThat(coordinations.get(tn, "sample-soft").fixAvailability()).isEqualTo(Coordinations.FixAvailability.AVAILABLE);
    // a case coordinated with an overseas coordinator (CERT/CC): JVNVU# and 8 digits, two CVE IDs (two
    // distinct vulnerabilities: one CSAF vulnerability each)
    Map<String, Object> overseas = advisoryTexts();
    overseas.put("overseasCoordinator", "CERT/CC");
    overseas.put("cveIds", "CVE-2026-20001, CVE-2026-20002");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", overseas);
    assertThat(advisories.stored(tn).orElseThrow().id()).matches("JVNVU#[0-9]{8}");
    JsonNode csaf = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(csafValidator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/aliases").toString()).isEqualTo("[\"CVE-2026-20001\",\"CVE-2026-20002\"]");
    assertThat(csaf.at("/vulnerabilities/1/cve").asText()).isEqualTo("CVE-2026-20002");
    assertThat(csaf.at("/document/notes").toString()).contains("CERT/CC");
    JsonNode status = csaf.at("/vulnerabilities/0/product_status");
    assertThat(status.at("/known_affected").size()).isEqualTo(1);
    assertThat(status.at("/known_not_affected").size()).isEqualTo(1);
    assertThat(csaf.toString()).contains("まちナビ自治体ポータル", "pkg:maven/jp.example.kakuu/machinavi-portal",
        "架空情報システム株式会社");
    assertThat(status.at("/fixed").size()).isEqualTo(1);
    assertThat(csaf.at("/vulnerabilities/0/remediations/0/category").asText()).isEqualTo("vendor_fix");
  }

  @Test
  void aSilentDeveloperIsListedThenItsProductAndTheCommitteeDecidesToPublish() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    identifyAs(coordination, "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");

    fire(developer, "BoundaryEvent_ContactReminder");
    assertThat(body(single(SAMPLE_SOFT, "【再送】"))).contains("/developer/", "連絡不能");
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    fire(developer, "BoundaryEvent_ContactUnreachable");
    // not listed yet: a coordinator first records contact attempts by other channels and confirms
    assertThat(developer).isWaitingAt("Task_ConfirmUnreachable");
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    Task confirm = cases.task(developer);
    assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmUnreachable");
    assertThat(confirm.getDueDate()).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(confirm.getId())).anyMatch(l -> "coordination".equals(l.getGroupId()));
    assertThat((String) tasks.getVariable(confirm.getId(), "unreachableContactHistory"))
        .contains("最初の連絡（メール）", "まだ記録がありません");
    // listing without an attempt by another channel is refused with the field's message
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", developer,
        Map.of("unreachableDecision", "LIST")))
        .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("少なくとも 1 件記録してください");
    assertThat(developer).isWaitingAt("Task_ConfirmUnreachable");
    // one attempt recorded (the task stays), then a second one with the confirmation
    cases.completeAs("coordinator1", "coordination", developer, Map.of("unreachableDecision", "RECORD_ONLY",
        "contactAttemptChannel", "PHONE", "contactAttemptDate", today().minusDays(2).toString(),
        "contactAttemptResult", "代表番号に電話したが、担当部署に取り次がれなかった"));
    assertThat(developer).isWaitingAt("Task_ConfirmUnreachable");
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    assertThat((String) tasks.getVariable(cases.task(developer).getId(), "unreachableContactHistory"))
        .contains("電話: 代表番号に電話したが");
    cases.completeAs("coordinator1", "coordination", developer, Map.of("unreachableDecision", "LIST",
        "contactAttemptChannel", "POST", "contactAttemptDate", today().toString(),
        "contactAttemptResult", "登記上の所在地へ郵送したが、宛所不明で返送された", "unreachableNote", "電話・郵便とも不達"));
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Gateway_AfterListing");
    assertThat(coordinations.get(tn, "sample-soft").listed()).isTrue();
    assertThat(jdbc.queryForList("SELECT channel FROM vr_contact_attempt WHERE tracking_number = ? ORDER BY id",
        String.class, tn)).containsExactly("PHONE", "POST");
    assertThat(register.timeline(tn)).extracting(e -> e.type()).containsSubsequence("CONTACT_ATTEMPT",
        "CONTACT_ATTEMPT", "UNREACHABLE_CONFIRMED", "UNREACHABLE_DEVELOPER");
    // the dossier shows the attempts with Japanese labels and who confirmed the listing
    JsonNode dossier = mapper.readTree(mvc.perform(get("/api/cases/" + tn).header("Authorization",
        jp.vulnreport.support.Http.basic("coordinator1", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
    JsonNode dev = dossier.at("/developers/0");
    assertThat(dev.at("/contactAttempts/0/channelLabel").asText()).isEqualTo("電話");
    assertThat(dev.at("/contactAttempts/1/channelLabel").asText()).isEqualTo("郵便");
    assertThat(dev.at("/contactAttempts/1/result").asText()).contains("宛所不明");
    assertThat(dev.at("/contactAttempts/1/attemptedOn").asText()).isEqualTo(today().toString());
    assertThat(dev.at("/listingConfirmedBy").asText()).isEqualTo("coordinator1");
    assertThat(dossier.at("/timeline").toString()).contains("連絡不能を確認（掲載）", "別の連絡手段での連絡を記録");
    assertThat(unreachablePage()).contains("サンプルソフト株式会社", "掲載から 3 か月が過ぎると").doesNotContain("SampleCMS");
    // the developer is told, with a fresh link (the first one would expire before the committee)
    assertThat(body(single(SAMPLE_SOFT, "連絡不能開発者として公表しました"))).contains("/developer/");

    // three months later the product is listed too
    Job productListing = management.createJobQuery().processInstanceId(developer.getId())
        .activityId("Event_ProductListingDue").singleResult();
    OffsetDateTime listedAt = coordinations.get(tn, "sample-soft").listedAt();
    assertThat(Duration.between(productListing.getDuedate().toInstant(),
        listedAt.atZoneSameInstant(JST).plusMonths(3).toInstant()).abs()).isLessThan(Duration.ofSeconds(1));
    fire(developer, "Event_ProductListingDue");
    assertThat(unreachablePage()).contains("サンプルソフト株式会社", "SampleCMS 4.2.0 から 4.2.7 まで");
    assertThat(body(single(SAMPLE_SOFT, "製品名を連絡不能開発者一覧に掲載しました"))).contains("SampleCMS");
    assertThat(mvc.perform(get("/unreachable-developers.json")).andReturn().getResponse().getContentAsString())
        .contains("サンプルソフト株式会社", "SampleCMS 4.2.0 から 4.2.7 まで");

    // the committee is asked a year after the start date (起算日), not three months after the product listing
    Job referral = management.createJobQuery().processInstanceId(developer.getId())
        .activityId("Event_CommitteeReferralDue").singleResult();
    OffsetDateTime startDate = register.get(tn).startDateAt();
    assertThat(Duration.between(referral.getDuedate().toInstant(),
        startDate.atZoneSameInstant(JST).plusMonths(12).toInstant()).abs()).isLessThan(Duration.ofSeconds(1));
    // then the publication judgement committee (managers record it) decides to publish
    fire(developer, "Event_CommitteeReferralDue");
    assertThat(developer).isWaitingAt("Task_PublicationJudgement");
    assertThat(cases.task(developer).getDueDate()).isNotNull();
    assertThatThrownBy(() -> cases.completeAs("manager1", "manager", developer, Map.of("committeeDecision", "PUBLISH")))
        .hasMessageContaining("reasons");
    cases.completeAs("manager1", "manager", developer, Map.of("committeeDecision", "PUBLISH",
        "committeeReason", "利用者への注意喚起の必要性が、公表による不利益を上回る"));
    assertThat(developer).isEnded().hasPassed("Task_RecordCommitteeDecision");
    assertThat(coordinations.get(tn, "sample-soft").outcome()).isEqualTo(Coordinations.Outcome.COMMITTEE_PUBLISH);
    assertThat(coordinations.get(tn, "sample-soft").committeeDecision()).isEqualTo("PUBLISH");

    cases.runJobs(coordination.getId());
    assertThat(coordination).isWaitingAt("Task_SetPublicationDate");
    LocalDate date = LocalDate.parse((String) runtime.getVariable(coordination.getId(), "publicationDate"));
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", date.toString(), "publicationDateReason", "公表判定委員会の判断による"));
    // the only developer never answered (the committee decided): nobody to confirm, the date is fixed at once
    assertThat(coordination).hasPassed("Task_FixPublicationDate").hasNotPassed("Task_RequestDateConfirmation");
    assertThat(publications.plannedDate(tn)).contains(date);
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", advisoryTexts());
    JsonNode csaf = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(csafValidator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/vulnerabilities/0/product_status/known_affected/0").asText()).isEqualTo("CSAFPID-0001");
    assertThat(csaf.at("/vulnerabilities/0/remediations/0/category").asText()).isEqualTo("none_available");
    fire(coordination, "Event_PublicationDay");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLISHED);
    assertThat(body(single(DISCOVERER, "JVN で公表し、取扱いを終了しました"))).contains("公表判定委員会による公表の判断");
    // published: the developer leaves the unreachable list
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    assertThat(mvc.perform(get("/advisories/" + advisories.stored(tn).orElseThrow().slug())).andReturn().getResponse()
        .getContentAsString()).contains("連絡不能");
  }

  @Test
  void aDeveloperThatAnswersAfterBeingListedLeavesTheListAndCoordinationResumesWhereItWas() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    identifyAs(coordination, "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");
    String token = token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"));
    fire(developer, "BoundaryEvent_ContactUnreachable");
    confirmUnreachable(developer);
    fire(developer, "Event_ProductListingDue");
    assertThat(unreachablePage()).contains("サンプルソフト株式会社");

    // the page tells the developer it is listed; naming a contact point takes it off and sends the details
    MockHttpSession session = new MockHttpSession();
    String page = mvc.perform(get("/developer/" + token).session(session)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("連絡不能開発者一覧に掲載されています", "連絡窓口のご指定");
    mvc.perform(post("/developer/" + token + "/contact").session(session).param("_csrf", csrf(page))
        .param("name", "PSIRT").param("email", SAMPLE_SOFT_PSIRT)).andExpect(status().is3xxRedirection());
    cases.runJobs(developer.getId());
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細"))).contains("記事タイトル");
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");

    // silent again after the details: reminded, not listed again; a response resumes at the response check
    fire(developer, "BoundaryEvent_ResponseSilent");
    assertThat(developer).isWaitingAt("Gateway_AfterSilentReminder");
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.UNDER_INVESTIGATION, null,
        null, null, null, "確認中です", null), "developer");
    cases.runJobs(developer.getId());
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");
    assertThat(register.timeline(tn)).extracting(e -> e.type()).contains("UNREACHABLE_DEVELOPER",
        "UNREACHABLE_PRODUCTS", "UNREACHABLE_REMOVE");
  }

  @Test
  void aDeveloperThatWentQuietAfterTheDetailsIsRemindedAndReferredToTheCommitteeButNeverListed() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    identifyAs(coordination(tn), "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細"))).contains("メールには添付しません");

    // first reminder, then (silent for the policy's period) a second one to the contact point and the registered addresses
    fire(developer, "BoundaryEvent_ResponseReminder");
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "対応状況のお伺い"))).contains("/developer/");
    fire(developer, "BoundaryEvent_ResponseSilent");
    assertThat(developer).isWaitingAt("Gateway_AfterSilentReminder");
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "再度のお願い"))).contains("公表判定委員会", "連絡不能開発者一覧には掲載しません");
    assertThat(body(single(SAMPLE_SOFT, "再度のお願い"))).contains("/developer/");
    assertThat(coordinations.get(tn, "sample-soft").listed()).isFalse();
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNull();
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    assertThat(tasks.createTaskQuery().processInstanceId(developer.getId()).taskDefinitionKey("Task_ConfirmUnreachable")
        .count()).isZero();

    // the committee is asked no earlier than a year after the start date (起算日)
    Job escalation = management.createJobQuery().processInstanceId(developer.getId())
        .activityId("Event_SilenceEscalationDue").singleResult();
    OffsetDateTime start = register.get(tn).startDateAt();
    assertThat(Duration.between(escalation.getDuedate().toInstant(),
        start.atZoneSameInstant(JST).plusMonths(12).toInstant()).abs()).isLessThan(Duration.ofSeconds(1));
    fire(developer, "Event_SilenceEscalationDue");
    assertThat(developer).isWaitingAt("Task_PublicationJudgement");
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNull();
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");

    // an answer while the committee deliberates resumes coordination (nothing to take off the list)
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.UNDER_INVESTIGATION, null,
        null, null, null, "遅くなりました。調査中です", null), "developer");
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");
    assertThat(register.timeline(tn)).extracting(e -> e.type()).doesNotContain("UNREACHABLE_DEVELOPER",
        "UNREACHABLE_REMOVE", "UNREACHABLE_CONFIRMED");
  }

  @Test
  void aCoordinatorWhoReachesTheDeveloperByPhoneResumesTheWaitInsteadOfListing() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    identifyAs(coordination(tn), "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");
    fire(developer, "BoundaryEvent_ContactUnreachable");
    cases.completeAs("coordinator1", "coordination", developer, Map.of("unreachableDecision", "CONTACT_MADE",
        "contactAttemptChannel", "PHONE", "contactAttemptDate", today().toString(),
        "contactAttemptResult", "品質保証部と話ができた。窓口を指定するとのこと"));
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Task_AwaitContactPoint");
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNull();
    assertThat(register.timeline(tn)).extracting(e -> e.type()).contains("CONTACT_ATTEMPT", "DEVELOPER_CONTACT_MADE")
        .doesNotContain("UNREACHABLE_DEVELOPER");
    // a second reminder of the new wait is a new mail (not deduplicated with the first wait's)
    fire(developer, "BoundaryEvent_ContactReminder");
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), SAMPLE_SOFT).stream()
        .filter(m -> Cases.subject(m).contains("【再送】")).count()).isEqualTo(1);
    // the developer may also name its contact point while the coordinator is still confirming
    fire(developer, "BoundaryEvent_ContactUnreachable");
    assertThat(developer).isWaitingAt("Task_ConfirmUnreachable");
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(developer.getId());
    assertThat(developer).isWaitingAt("Task_AwaitDeveloperResponse");
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNull();
  }

  @Test
  void theDeveloperDownloadsTheSharedProofOfConceptFromItsPageAndEachDownloadIsLogged() throws Exception {
    byte[] poc = "import requests\nrequests.get('http://target/search?q=<script>alert(1)</script>')\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ProcessInstance receipt = handedOff(n -> { }, t -> tx.executeWithoutResult(s -> attachmentStore.attach(t, List.of(
        attachmentStore.stage("poc_xss.py", new java.io.ByteArrayInputStream(poc), List.of()),
        attachmentStore.stage("notes.txt", new java.io.ByteArrayInputStream("internal".getBytes()), List.of())))));
    String tn = receipt.getBusinessKey();
    List<jp.vulnreport.intake.AttachmentStore.StoredAttachment> stored = attachmentStore.forCase(tn);
    String pocId = stored.stream().filter(a -> a.fileName().equals("poc_xss.py")).findFirst().orElseThrow().id();
    String notesId = stored.stream().filter(a -> a.fileName().equals("notes.txt")).findFirst().orElseThrow().id();
    // only coordinators choose what is shared
    mvc.perform(put("/api/cases/" + tn + "/attachments/" + pocId + "/developer-sharing")
            .header("Authorization", jp.vulnreport.support.Http.basic("receipt1", "demo"))
            .contentType("application/json").content("{\"shared\":true}"))
        .andExpect(status().isForbidden());

    // the coordinator chooses the PoC (not the notes) when identifying the developers
    ProcessInstance coordination = coordination(tn);
    Task identify = cases.task(coordination);
    assertThat(tasks.getVariableLocal(identify.getId(), "attachmentChoices").toString())
        .contains("poc_xss.py", "notes.txt", pocId);
    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen("sample-soft"), "lowImpact", false, "lowImpactConfirmed", false,
            "attachmentsShared", chosen(pocId)));
    cases.runJobs(coordination.getId());
    assertThat(register.timeline(tn)).filteredOn(e -> e.type().equals("ATTACHMENT_SHARED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("poc_xss.py").doesNotContain("notes.txt"));
    ProcessInstance developer = developer(tn, "sample-soft");
    String firstToken = token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"));
    // before the contact point is named: no files on the page, and the download is refused
    assertThat(mvc.perform(get("/developer/" + firstToken)).andReturn().getResponse().getContentAsString())
        .doesNotContain("poc_xss.py", "届出者から提供されたファイル");
    mvc.perform(get("/developer/" + firstToken + "/files/" + pocId)).andExpect(status().isForbidden());

    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(developer.getId());
    MimeMessage details = single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細");
    assertThat(body(details)).contains("メールには添付しません", "ダウンロードできます");
    assertThat(details.getContent()).as("no mail attachments").isInstanceOf(String.class);
    String token = token(details);
    String page = mvc.perform(get("/developer/" + token)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("届出者から提供されたファイル", "poc_xss.py", "/developer/" + token + "/files/" + pocId)
        .doesNotContain("notes.txt");

    var download = mvc.perform(get("/developer/" + token + "/files/" + pocId)).andExpect(status().isOk()).andReturn()
        .getResponse();
    assertThat(download.getContentAsByteArray()).isEqualTo(poc);
    assertThat(download.getContentType()).isEqualTo("application/octet-stream");
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("poc_xss.py");
    assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(register.timeline(tn)).filteredOn(e -> e.type().equals("ATTACHMENT_DOWNLOADED_BY_DEVELOPER"))
        .singleElement().satisfies(e -> {
          assertThat(e.detail()).isEqualTo("sample-soft: poc_xss.py (" + pocId + ")");
          assertThat(e.actor()).isEqualTo("developer:sample-soft");
          assertThat(e.occurredAt()).isNotNull();
        });
    // a file not shared, or unknown: not found (and not logged)
    mvc.perform(get("/developer/" + token + "/files/" + notesId)).andExpect(status().isNotFound());
    mvc.perform(get("/developer/" + token + "/files/no-such-file")).andExpect(status().isNotFound());
    assertThat(register.timeline(tn)).filteredOn(e -> e.type().equals("ATTACHMENT_DOWNLOADED_BY_DEVELOPER")).hasSize(1);
    // a coordinator withdraws the file (staff API): no longer downloadable
    mvc.perform(put("/api/cases/" + tn + "/attachments/" + pocId + "/developer-sharing")
            .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))
            .contentType("application/json").content("{\"shared\":false}"))
        .andExpect(status().isOk());
    mvc.perform(get("/developer/" + token + "/files/" + pocId)).andExpect(status().isNotFound());
    assertThat(mvc.perform(get("/developer/" + token)).andReturn().getResponse().getContentAsString())
        .doesNotContain("poc_xss.py");
    // the first link (to the general addresses) no longer works after the details went to the contact point
    assertThat(mvc.perform(get("/developer/" + firstToken + "/files/" + pocId)).andReturn().getResponse().getStatus())
        .isIn(404, 410);
  }

  @Test
  void aCaseDiscontinuedDuringCoordinationEndsItAndTakesTheDeveloperOffTheList() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    identifyAs(coordination(tn), "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");
    String token = token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"));
    fire(developer, "BoundaryEvent_ContactUnreachable");
    confirmUnreachable(developer);
    assertThat(unreachablePage()).contains("サンプルソフト株式会社");

    mvc.perform(post("/api/cases/" + tn + "/discontinuation").header("Authorization",
            jp.vulnreport.support.Http.basic("receipt1", "demo")).contentType("application/json")
            .content("{\"reason\":\"発見者が届出を取り下げた\"}"))
        .andExpect(status().is2xxSuccessful());
    cases.runJobs(receipt.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).processDefinitionKeyIn(
        "Coordination", "DeveloperCoordination").count()).isZero();
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DISCONTINUED);
    assertThat(unreachablePage()).doesNotContain("サンプルソフト株式会社");
    // the developer's links end with the case
    mvc.perform(get("/developer/" + token)).andExpect(status().isGone());
  }

  @Test
  void aLowImpactCaseClosesOnceTheDeveloperIsNotified() {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    // low impact (no publication) needs its confirmation: refused without it, the task stays open
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen("sample-soft"), "lowImpact", true)))
        .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("確認のチェック");
    assertThat(coordination).isWaitingAt("Task_IdentifyDevelopers");
    identifyAs(coordination, "sample-soft", true);
    ProcessInstance developer = developer(tn, "sample-soft");
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(developer.getId());
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細"))).contains("記事タイトル", "このご連絡をもって取扱いを終了します")
        .doesNotContain("公表日のご希望");
    assertThat(developer).isEnded().hasPassed("Task_RecordLowImpact");
    cases.runJobs(coordination.getId());
    assertThat(coordination).isEnded().hasPassed("Task_RecordClosing", "Task_NotifyClosed")
        .hasNotPassed("Task_SetPublicationDate");
    cases.runJobs(receipt.getId());
    assertThat(receipt).isEnded();
    assertThat(register.get(tn).state()).isEqualTo(CaseState.CLOSED_LOW_IMPACT);
    assertThat(body(single(DISCOVERER, "取扱いを終了しました"))).contains("影響が限定的", "limited impact");
    assertThat(advisories.stored(tn)).isEmpty();
  }

  @Test
  void theDeveloperLinkIsRefusedWhenWrongExpiredOrRevoked() throws Exception {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    identifyAs(coordination(tn), "sample-soft", false);
    String token = token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"));
    mvc.perform(get("/developer/" + token)).andExpect(status().isOk());
    // a guessed token
    mvc.perform(get("/developer/" + "A".repeat(43))).andExpect(status().isNotFound());
    // a developer link does not open the operator page
    mvc.perform(get("/operator/" + token)).andExpect(status().isNotFound());
    // revoked by staff
    PrivateLinks.PrivateLink link = links.forCase(tn).stream().filter(l -> l.audience() == LinkAudience.DEVELOPER)
        .findFirst().orElseThrow();
    links.revoke(tn, link.id(), "宛先の誤り", "coordinator1");
    mvc.perform(get("/developer/" + token)).andExpect(status().isGone());
    // expired: a new link, then past its validity (180 days)
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "coordinator1");
    cases.runJobs(developer(tn, "sample-soft").getId());
    String fresh = token(single(SAMPLE_SOFT_PSIRT, "脆弱性の詳細"));
    mvc.perform(get("/developer/" + fresh)).andExpect(status().isOk());
    clock.advance(Duration.ofDays(181));
    mvc.perform(get("/developer/" + fresh)).andExpect(status().isGone());
    assertThatThrownBy(() -> commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "x"))
        .isInstanceOf(CaseConflictException.class);
  }

  @Test
  void exploitationAndTheCabinetOfficeNoticeReachTheCaseInCoordination() {
    ProcessInstance receipt = handedOff();
    String tn = receipt.getBusinessKey();
    ProcessInstance coordination = coordination(tn);
    identifyAs(coordination, "sample-soft", false);
    ProcessInstance developer = developer(tn, "sample-soft");
    OffsetDateTime start = register.get(tn).startDateAt();
    java.util.Date unreachableBefore = management.createJobQuery().processInstanceId(developer.getId())
        .activityId("BoundaryEvent_ContactUnreachable").singleResult().getDuedate();
    clock.advance(Duration.ofDays(2));

    // exploitation: the publication target shortens per the policy (7 days) and the warning timer follows
    ExploitationReports.Recorded r = exploitation.record(tn, new ExploitationReports.Report("ACTIVE",
        "観測機関の報告", "攻撃の観測", OffsetDateTime.now(clock).minusHours(3), "AMBER"), "coordinator1");
    assertThat(r.deadlinesShortened()).anyMatch(s -> s.startsWith("PUBLICATION_TARGET"));
    Deadlines.Deadline target = deadlines.latest(tn, "PUBLICATION_TARGET");
    assertThat(target.dueAt()).isEqualTo(start.atZoneSameInstant(JST).plusDays(7).toOffsetDateTime());
    Job warning = management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationWarning")
        .singleResult();
    // the warning before the target follows the policy for exploited cases (2 days before the 7-day target)
    assertThat(warning.getDuedate().toInstant()).isEqualTo(target.dueAt().minusDays(2).toInstant());
    assertThat(developer).isWaitingAt("Task_AwaitContactPoint");
    // a period that starts when its timer is set (60 days of silence) is not restarted by the new facts
    assertThat(management.createJobQuery().processInstanceId(developer.getId())
        .activityId("BoundaryEvent_ContactUnreachable").singleResult().getDuedate()).isEqualTo(unreachableBefore);

    // the re-evaluated government track sends the notice; coordination is asked to look at it
    ProcessInstance gov = cases.government(tn);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    Map<String, Object> draft = new HashMap<>();
    draft.put("tlp", "AMBER");
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", draft);
    cases.completeAs("liaison2", "liaison", gov, "Task_ReviewNotice", Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
    Task review = tasks.createTaskQuery().processInstanceId(coordination.getId())
        .taskDefinitionKey("Task_ReviewGovernmentNotice").singleResult();
    assertThat(review).isNotNull();
    // the developer identified before the notice was told of it at the registry's address, by the track itself
    assertThat(tasks.getVariable(review.getId(), "governmentVendorDecision")).isEqualTo("INFORMED");
    assertThat((String) tasks.getVariable(review.getId(), "governmentVendorToldText"))
        .contains("サンプルソフト株式会社", SAMPLE_SOFT, "開発者登録簿の連絡先", "(JST)".replace("(", "（").replace(")", "）"));
    // the time the notice went out, as staff read it (Japan time to the minute), not an ISO timestamp
    assertThat((String) tasks.getVariable(review.getId(), "governmentSentAt"))
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(JST\\)");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ReviewGovernmentNotice",
        Map.of("informDevelopers", true, "coordinationNote", "開発者へ伝える"));
    cases.runJobs(coordination.getId());
    // told once: coordination's "tell the developers" does not mail a developer the track already told
    assertThat(body(single(SAMPLE_SOFT, "政府への通知に関するお知らせ"))).contains(tn, "Cabinet Office");
    // not yet due: the warning comes 5 days later
    assertThat(coordination).isWaitingAt("Event_PublicationWarning");

    // acknowledged by the Cabinet Office: the developer's fix and the publication go to it as updates
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(developer.getId());
    LocalDate date = today().plusDays(3);
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.AFFECTED,
        Coordinations.FixAvailability.AVAILABLE, "4.2.8", "4.2.8 へ更新してください", date, "修正版を公開しました。", null),
        "developer");
    cases.runJobs(developer.getId());
    cases.runJobs(coordination.getId());
    assertThat(coordination).isWaitingAt("Task_SetPublicationDate");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", date.toString()));
    confirmDate(coordination, tn, "sample-soft");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", advisoryTexts());
    management.executeJob(management.createJobQuery().processInstanceId(coordination.getId())
        .activityId("Event_PublicationDay").singleResult().getId());
    // the track is still busy with the fix update: publication goes ahead (nothing waits or is retried);
    // the track, once the fix update is out, finds the case ended and sends the closing update
    cases.runJobs(coordination.getId());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLISHED);
    assertThat(gov).isNotEnded();
    cases.runJobs(gov.getId());
    assertThat(updates()).anyMatch(b -> b.contains("修正版を提供しました") && b.contains("4.2.8"));
    assertThat(updates()).anyMatch(b -> b.contains("JVN で公表しました") && b.contains(advisories.stored(tn).orElseThrow().id()));
    assertThat(gov).isEnded().hasPassed("Task_PrepareClosingUpdate", "EndEvent_TrackClosed");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLISHED);
  }

  private List<String> updates() {
    return mailsTo(GREEN_MAIL.getReceivedMessages(), "cabinet-office@localhost").stream()
        .filter(m -> Cases.subject(m).contains("続報")).map(Cases::body).toList();
  }

  // ------------------------------------------------------------------------------------------------

  /** A product report accepted, verified (CVSS 9.8, not notifiable) and handed off: coordination has started. */
  private ProcessInstance handedOff() {
    return handedOff(n -> { });
  }

  private ProcessInstance handedOff(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
    return handedOff(edit, tn -> { });
  }

  /** As above; {@code received} runs once the report is in the register (e.g. to attach files). */
  private ProcessInstance handedOff(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit,
      java.util.function.Consumer<String> received) {
    ProcessInstance pi = cases.atFormalCheck("report-product", edit);
    received.accept(pi.getBusinessKey());
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    cases.completeAs("analyst1", "analyst", pi, "Task_Verification", Map.of(
        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "exploitationStatus", "NONE",
        "affectedVersions", "4.2.0 - 4.2.7", "verificationNotes", "再現を確認", "ssvcAutomatable", "no",
        "ssvcTechnicalImpact", "partial", "ssvcMissionImpact", "medium"));
    cases.completeAs("analyst1", "analyst", cases.government(pi.getBusinessKey()),
        Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(pi.getId());
    assertThat(pi).isWaitingAt("CallActivity_Coordination");
    return pi;
  }

  private ProcessInstance coordination(String tn) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(tn).singleResult();
    assertThat(pi).as("coordination of " + tn).isNotNull();
    return pi;
  }

  private ProcessInstance developer(String tn, String developerId) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("DeveloperCoordination")
        .processInstanceBusinessKey(tn).variableValueEquals("developerId", developerId).singleResult();
    assertThat(pi).as("coordination with " + developerId).isNotNull();
    return pi;
  }

  private void identifyAs(ProcessInstance coordination, String ids, boolean lowImpact) {
    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen(ids), "lowImpact", lowImpact, "lowImpactConfirmed", lowImpact));
    cases.runJobs(coordination.getId());
  }

  /** Developer ids (comma separated here) as Tasklist sends the taglist's value: a Json array of strings. */
  static org.camunda.spin.plugin.variable.value.JsonValue chosen(String ids) {
    com.fasterxml.jackson.databind.node.ArrayNode array = new ObjectMapper().createArrayNode();
    for (String id : ids.split(",\\s*")) {
      array.add(id);
    }
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(array.toString()).create();
  }

  private static Map<String, Object> advisoryTexts() {
    Map<String, Object> v = new HashMap<>();
    v.put("advisoryTitleJa", "SampleCMS における格納型 XSS の脆弱性");
    v.put("advisoryTitleEn", "Stored XSS in SampleCMS");
    v.put("advisoryOverviewJa", "SampleCMS の管理画面の検索機能には、格納型クロスサイトスクリプティングの脆弱性があります。");
    v.put("advisoryOverviewEn", "The search function of the SampleCMS administration screen has a stored XSS vulnerability.");
    v.put("advisoryImpactJa", "管理者のウェブブラウザ上で任意のスクリプトを実行される可能性があります。");
    v.put("advisoryImpactEn", "An arbitrary script may be executed in the administrator's web browser.");
    v.put("advisorySolutionJa", "開発者が提供する情報をもとに、最新版へアップデートしてください。");
    v.put("advisorySolutionEn", "Update to the latest version according to the developer's information.");
    return v;
  }

  /** The developer confirms the proposed publication date (as on its page); the date is fixed when all have. */
  private void confirmDate(ProcessInstance coordination, String tn, String developerId) {
    assertThat(coordination).isWaitingAt("Task_AwaitDateConfirmation");
    publicationDates.answer(tn, developerId, true, null, null, "developer");
    cases.runJobs(coordination.getId());
  }

  /** A coordinator records a phone attempt and confirms the unreachable listing. */
  private void confirmUnreachable(ProcessInstance developer) {
    cases.completeAs("coordinator1", "coordination", developer, "Task_ConfirmUnreachable", Map.of(
        "unreachableDecision", "LIST", "contactAttemptChannel", "PHONE", "contactAttemptDate", today().toString(),
        "contactAttemptResult", "代表番号に電話したが応答なし"));
    cases.runJobs(developer.getId());
  }

  private void fire(ProcessInstance pi, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as(activityId).isNotNull();
    management.executeJob(job.getId());
    cases.runJobs(pi.getId());
  }

  private String unreachablePage() throws Exception {
    return mvc.perform(get("/unreachable-developers")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
  }

  private LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(JST).toLocalDate();
  }

  private static MimeMessage single(String address, String subject) {
    return Cases.single(GREEN_MAIL.getReceivedMessages(), address, subject);
  }

  private static String token(MimeMessage m) {
    return Cases.token(m, DEVELOPER_LINK);
  }

  private static String csrf(String html) {
    return Cases.csrf(html);
  }
}
