package jp.vulnreport.website;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Website reports (WebsiteVulnerabilityReport): IPA contacts the operator in three stages and the
 * case closes as fixed, unresponsive or disputed, the discoverer told each time; a report filed as
 * a product is re-routed to website handling without being entered again.
 */
class WebsiteProcessTest extends IntegrationTest {

  static final String DISCOVERER = "jiro.sato@example.jp";
  static final String PUBLISHED = "info@shop.example.jp";
  static final String CONTACT_POINT = "security@shop.example.jp";
  static final Pattern OPERATOR_LINK = Pattern.compile("/operator/([A-Za-z0-9_-]{43})");

  @Autowired Cases cases;
  @Autowired CaseRegister register;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired WebsiteCommands commands;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theOperatorNamesAContactPointThroughThePageAndReportsTheFix() throws Exception {
    ProcessInstance receipt = acceptedWebsiteReport("report-website");
    String tn = receipt.getBusinessKey();
    assertThat(receipt).isWaitingAt("CallActivity_WebsiteHandling").hasPassed("Task_GovernmentAfterWebsite");
    assertThat(cases.government(tn)).isWaitingAt("Task_Recognition");
    assertThat(runtime.getVariable(receipt.getId(), "websiteScopeHint")).asString()
        .contains("shop.example.jp", ".jp ドメイン");
    ProcessInstance website = website(tn);
    assertThat(website).isWaitingAt("Task_FindOperatorContact");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_CONTACTING);
    // the discoverer's acceptance mail speaks of the website and its operator, not of products or JPCERT/CC
    assertThat(body(single(DISCOVERER, "届出を受理しました"))).contains("ウェブサイトの運営者", "website's operator", tn)
        .doesNotContain("JPCERT", "ソフトウエア製品", "software product", "developer");

    // stage 1: the URL only, to the published contact
    firstContact(website, PUBLISHED);
    MimeMessage first = single(PUBLISHED, "貴サイトの脆弱性に関するご連絡");
    assertThat(body(first)).contains("https://shop.example.jp/search?q=test", tn)
        .doesNotContain("シングルクォート", "SQLインジェクション", "佐藤");
    String token = token(first);

    // stage 2: the operator names a contact point on the private page (which shows the URL only)
    MockHttpSession session = new MockHttpSession();
    MvcResult page = mvc.perform(get("/operator/" + token).session(session)).andExpect(status().isOk()).andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("https://shop.example.jp/search?q=test", "連絡窓口のご指定")
        .doesNotContain("商品検索で SQL インジェクションが可能");
    String csrf = csrf(html);
    mvc.perform(post("/operator/" + token + "/contact").session(session).param("_csrf", csrf)
        .param("name", "情報システム部").param("email", "not-an-address")).andExpect(status().isBadRequest());
    mvc.perform(post("/operator/" + token + "/contact").session(session).param("_csrf", csrf)
        .param("name", "情報システム部").param("email", CONTACT_POINT)).andExpect(status().is3xxRedirection());
    cases.runJobs(website.getId());

    // stage 3: the details to the contact point
    MimeMessage details = single(CONTACT_POINT, "脆弱性の詳細");
    assertThat(body(details)).contains("シングルクォート", "情報システム部", "/operator/").doesNotContain("佐藤");
    assertThat(website).isWaitingAt("Task_AwaitOperatorResponse");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_AWAITING_FIX);

    // a first fix report that staff cannot confirm, then a second one
    String detailsToken = token(details);
    String pageHtml = mvc.perform(get("/operator/" + detailsToken).session(session)).andReturn().getResponse()
        .getContentAsString();
    assertThat(pageHtml).contains("修正完了報告", "商品検索で SQL インジェクションが可能");
    mvc.perform(post("/operator/" + detailsToken + "/response").session(session).param("_csrf", csrf(pageHtml))
        .param("type", "FIXED").param("text", "検索パラメータをエスケープしました")).andExpect(status().is3xxRedirection());
    assertThat(website).isWaitingAt("Task_ReviewOperatorResponse");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_REVIEW);
    cases.completeAs("receipt1", "receipt", website, Map.of("reviewOutcome", "NOT_FIXED",
        "reviewNote", "q=' で引き続きエラーが表示されます"));
    assertThat(body(single(CONTACT_POINT, "修正完了報告について"))).contains("q=' で引き続きエラーが表示されます");
    assertThat(website).isWaitingAt("Task_AwaitOperatorResponse");
    commands.respond(tn, WebsiteCommands.ResponseType.FIXED, "プレースホルダを使うよう修正しました");
    // closing as fixed needs how it was fixed (IPA's 修正 / 削除 / 運営者の個別対応)
    assertThatThrownBy(() -> cases.completeAs("receipt1", "receipt", website, Map.of("reviewOutcome", "FIXED",
        "reviewNote", "修正を確認"))).hasMessageContaining("完了の区分");
    assertThat(website).isWaitingAt("Task_ReviewOperatorResponse");
    cases.completeAs("receipt1", "receipt", website, Map.of("reviewOutcome", "FIXED", "reviewNote", "修正を確認",
        "websiteFixKind", "PAGE_REMOVED"));
    assertThat(kind(tn, "website_fix_kind")).isEqualTo("PAGE_REMOVED");
    assertThat(kind(tn, "operator_kind")).isEqualTo("LOCAL_GOVERNMENT");

    assertThat(website).isEnded().hasPassed("Task_RecordOutcome", "Task_NotifyDiscoverer");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_FIXED);
    assertThat(register.get(tn).closedAt()).isNotNull();
    assertThat(body(single(DISCOVERER, "取扱いを終了しました"))).contains("修正を確認しました", "has confirmed it");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("PersonalDataRetention")
        .processInstanceBusinessKey(tn).count()).isEqualTo(1);
    // nothing more for the operator to do: the page says so
    assertThat(mvc.perform(get("/operator/" + detailsToken)).andReturn().getResponse().getContentAsString())
        .contains("nothing-to-do");
  }

  @Test
  void anOperatorWhoNeverAnswersIsRemindedTriedThroughASecondRouteAndTheCaseClosesAsUnresponsive() {
    ProcessInstance receipt = acceptedWebsiteReport("report-website");
    String tn = receipt.getBusinessKey();
    ProcessInstance website = website(tn);
    firstContact(website, PUBLISHED);

    fire(website, "BoundaryEvent_ContactReminder");
    assertThat(body(single(PUBLISHED, "【再送】"))).contains("/operator/");
    fire(website, "BoundaryEvent_ContactTimeout");
    assertThat(website).isWaitingAt("Task_SecondRoute");
    assertThat(runtime.getVariable(website.getId(), "previousOperatorContactEmail")).isEqualTo(PUBLISHED);
    cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", "abuse@hosting.example.jp",
        "secondRouteNote", "ホスティング事業者の窓口"));
    assertThat(body(single("abuse@hosting.example.jp", "貴サイトの脆弱性に関するご連絡"))).contains(tn);
    assertThat(website).isWaitingAt("Task_AwaitContactPoint");

    fire(website, "BoundaryEvent_ContactTimeout");
    assertThat(website).isEnded().hasPassed("Task_RecordOutcome");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_UNRESPONSIVE);
    assertThat(kind(tn, "website_fix_kind")).isEqualTo("CLOSED_AFTER_REMINDER");
    assertThat(body(single(DISCOVERER, "取扱いを終了しました"))).contains("応答がありませんでした");
  }

  @Test
  void anOperatorWhoDisputesTheReportClosesTheCaseAsDisputed() {
    ProcessInstance receipt = acceptedWebsiteReport("report-website");
    String tn = receipt.getBusinessKey();
    ProcessInstance website = website(tn);
    firstContact(website, PUBLISHED);
    commands.nameContactPoint(tn, "Web 担当", CONTACT_POINT);
    cases.runJobs(website.getId());
    commands.respond(tn, WebsiteCommands.ResponseType.DISPUTED, "エラー表示は仕様であり、データは取得できません");
    assertThat(runtime.getVariable(website.getId(), "operatorResponseText"))
        .isEqualTo("エラー表示は仕様であり、データは取得できません");
    cases.completeAs("receipt1", "receipt", website, Map.of("reviewOutcome", "DISPUTED",
        "reviewNote", "再現を確認したが運営者は対応しない", "websiteFixKind", "OPERATOR_HANDLING"));
    assertThat(kind(tn, "website_fix_kind")).isEqualTo("OPERATOR_HANDLING");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_DISPUTED);
    assertThat(body(single(DISCOVERER, "取扱いを終了しました"))).contains("見解が", "disagree");
    // a late answer through the link is refused: nothing waits for it any more
    assertThatThrownBy(() -> commands.respond(tn, WebsiteCommands.ResponseType.FIXED, "やはり修正しました"))
        .isInstanceOf(jp.vulnreport.cases.CaseConflictException.class);
  }

  @Test
  void aWebsiteReportFiledAsAProductIsReroutedWithoutBeingEnteredAgain() {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    String tn = pi.getBusinessKey();
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> substantive = substantive("WEBSITE");
    // a website needs its address
    assertThatThrownBy(() -> cases.complete(pi, substantive)).hasMessageContaining("URL");
    substantive.put("reroutedWebsiteUrl", "https://cms-demo.example.jp/admin");
    cases.completeAs("receipt1", "receipt", pi, substantive);

    assertThat(register.get(tn).category()).isEqualTo("WEBSITE");
    assertThat(register.get(tn).websiteUrl()).isEqualTo("https://cms-demo.example.jp/admin");
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("RECATEGORISED") && e.actor().equals("receipt1")
        && e.detail().startsWith("SOFTWARE_PRODUCT -> WEBSITE"));
    assertThat(pi).isWaitingAt("CallActivity_WebsiteHandling").hasNotPassed("Task_Verification");
    ProcessInstance website = website(tn);
    firstContact(website, "webmaster@cms-demo.example.jp");
    assertThat(body(single("webmaster@cms-demo.example.jp", "貴サイトの脆弱性に関するご連絡")))
        .contains("https://cms-demo.example.jp/admin");
  }

  private ProcessInstance acceptedWebsiteReport(String example) {
    ProcessInstance pi = cases.atFormalCheck(example, n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, substantive("WEBSITE"));
    return pi;
  }

  private static Map<String, Object> substantive(String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("isVulnerability", true);
    v.put("inScope", true);
    v.put("knownOrDuplicate", false);
    v.put("withdrawn", false);
    v.put("category", category);
    if (category.equals("WEBSITE")) {
      // a website's facts for the government criteria (no CVSS verification for websites)
      v.put("exploitationStatus", "NONE");
      v.put("websiteSeverity", "MEDIUM");
      v.put("personalDataExposed", false);
      v.put("criticalServiceExposed", false);
    }
    return v;
  }

  private String kind(String tn, String column) {
    return jdbc.queryForObject("SELECT " + column + " FROM vr_case WHERE tracking_number = ?", String.class, tn);
  }

  private ProcessInstance website(String tn) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("WebsiteVulnerabilityReport")
        .processInstanceBusinessKey(tn).singleResult();
    assertThat(pi).as("website process of " + tn).isNotNull();
    return pi;
  }

  private void firstContact(ProcessInstance website, String address) {
    assertThatThrownBy(() -> cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", address,
        "operatorContactSource", "サイトの「お問い合わせ」ページ"))).hasMessageContaining("運営者の種類");
    cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", address,
        "operatorContactSource", "サイトの「お問い合わせ」ページ", "operatorKind", "LOCAL_GOVERNMENT"));
    assertThat(website).isWaitingAt("Task_AwaitContactPoint");
  }

  private void fire(ProcessInstance pi, String timer) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(timer).singleResult();
    assertThat(job).as(timer).isNotNull();
    management.executeJob(job.getId());
    cases.runJobs(pi.getId());
  }

  private static MimeMessage single(String address, String subject) {
    return Cases.single(GREEN_MAIL.getReceivedMessages(), address, subject);
  }

  private static String token(MimeMessage m) {
    return Cases.token(m, OPERATOR_LINK);
  }

  private static String csrf(String html) {
    return Cases.csrf(html);
  }
}
