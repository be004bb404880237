package jp.vulnreport.coordination;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.government.CsafValidator;
import jp.vulnreport.statistics.StatisticsReport;
import jp.vulnreport.statistics.StatisticsService;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A developer's report about its own product (自社製品届出) from the API to publication, and the
 * publication date agreed with the developer on its private page: confirm (fixed, the timer at that
 * date), object (back to the coordinator with the reason), no answer (reminder, then back), and a
 * change after agreement (asked again). The registry is the local sample registry (sample-soft makes
 * SampleCMS).
 */
class SelfReportAndPublicationDateTest extends IntegrationTest {

  static final String REPORTER = "security-team@sample-soft.example.jp";
  static final Pattern DEVELOPER_LINK = Pattern.compile("/developer/([A-Za-z0-9_-]{43})");
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @Autowired Cases cases;
  @Autowired CaseRegister register;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired Coordinations coordinations;
  @Autowired DeveloperRegistry registry;
  @Autowired Advisories advisories;
  @Autowired Publications publications;
  @Autowired PublicationDates dates;
  @Autowired Deadlines deadlines;
  @Autowired CsafValidator csafValidator;
  @Autowired StatisticsService statistics;
  @Autowired ObjectMapper mapper;
  @Autowired MockMvc mvc;

  @Test
  void theApiRefusesDiscovererQuestionsAndAMissingProductInADeveloperOwnReport() throws Exception {
    rejected(n -> ((ObjectNode) n.get("reporter")).putObject("credit").put("wanted", true).put("displayName", "x"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("reporter.credit.wanted")))
        .andExpect(jsonPath("$.errors[*].message", hasItem(org.hamcrest.Matchers.containsString("developer's own report"))));
    rejected(n -> ((ObjectNode) n.get("reporter")).put("shareContactWithDeveloper", true))
        .andExpect(jsonPath("$.errors[*].field", hasItem("reporter.shareContactWithDeveloper")));
    rejected(n -> n.putObject("priorContact").put("developerContacted", true))
        .andExpect(jsonPath("$.errors[*].field", hasItem("priorContact.developerContacted")));
    rejected(n -> n.remove("product")).andExpect(jsonPath("$.errors[*].field", hasItem("product")));
    rejected(n -> ((ObjectNode) n.get("reporter")).remove("organization"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("reporter.organization")));
    // "no" to the discoverer's questions is accepted as well as leaving them out
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content(cases.example("report-self",
        n -> ((ObjectNode) n.get("reporter")).put("shareContactWithDeveloper", false)
            .putObject("credit").put("wanted", false)))).andExpect(status().isCreated());
  }

  @Test
  void aSelfReportGoesFromTheApiThroughReceiptStraightToAgreeingThePublicationAndIsPublishedAsReportedByTheDeveloper()
      throws Exception {
    LocalDate today = today();
    StatisticsReport before = statistics.report(today, today);

    String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
        .content(cases.example("report-self"))).andExpect(status().isCreated()).andReturn().getResponse()
        .getContentAsString();
    String tn = mapper.readTree(json).get("trackingNumber").asText();
    assertThat(register.get(tn).category()).isEqualTo("DEVELOPER_SELF_REPORT");
    ProcessInstance receipt = cases.instance(tn);
    assertThat(runtime.getVariable(receipt.getId(), "selfReport")).isEqualTo(true);
    assertThat(runtime.getVariable(receipt.getId(), "category")).isEqualTo("SOFTWARE_PRODUCT");
    assertThat(runtime.getVariable(receipt.getId(), "creditWanted")).isEqualTo(false);
    ProcessInstance coordination = handedOff(receipt);
    assertThat(body(single(REPORTER, "届出を受理しました"))).contains("製品開発者自身からの届出（自社製品届出）として受理",
        "accepted as a report by the product developer itself");

    // nothing is adopted before a coordinator confirms who reported it (the task shows the registry's match)
    assertThat(currentActivities(coordination)).containsExactly("Task_ConfirmSelfReporter");
    assertThat(coordinations.forCase(tn)).isEmpty();
    assertThat((String) runtime.getVariable(coordination.getId(), "selfReportFacts"))
        .contains("サンプルソフト株式会社", REPORTER, "psirt@sample-soft.example.jp", "登録簿の連絡先にありません");
    confirmSelfReport(coordination, "CONFIRM_REGISTERED", true);

    // no identification, no first contact: the reporting developer is the case's developer
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(coordination.getId())
        .activityId("Task_AdoptReportingDeveloper").finished().count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(coordination.getId())
        .activityId("Task_IdentifyDevelopers").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DeveloperCoordination")
        .processInstanceBusinessKey(tn).count()).isZero();
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    List<Coordinations.Coordination> devs = coordinations.forCase(tn);
    assertThat(devs).hasSize(1);
    Coordinations.Coordination dev = devs.get(0);
    assertThat(dev.developerId()).isEqualTo("sample-soft");      // matched in the registry (purl)
    assertThat(dev.contactPointEmail()).isEqualTo(REPORTER);      // the reporter (verified by the coordinator)
    assertThat(dev.outcome()).isEqualTo(Coordinations.Outcome.READY);
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), "psirt@sample-soft.example.jp")).isEmpty();
    // 起算日 = the hand-off; the publication target from the policy
    OffsetDateTime start = register.get(tn).startDateAt();
    assertThat(start).isNotNull();
    Deadlines.Deadline target = deadlines.latest(tn, "PUBLICATION_TARGET");
    assertThat(target.startsAt()).isEqualTo(start);
    assertThat(target.dueAt()).isEqualTo(start.atZoneSameInstant(JST).plusDays(45).toOffsetDateTime());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DEVELOPER_COORDINATING);

    // the reporting developer confirms the date the same way as any developer
    LocalDate date = today.plusDays(20);
    propose(coordination, date);
    MimeMessage ask = single(REPORTER, "公表日のご確認のお願い");
    confirmOnPage(token(ask));
    cases.runJobs(coordination.getId());
    assertThat(publications.plannedDate(tn)).contains(date);
    assertThat(body(single(REPORTER, "公表日が決まりました"))).contains(date.toString());

    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", advisoryTexts());
    JsonNode csaf = mapper.readTree(advisories.csafOf(tn).orElseThrow());
    assertThat(csafValidator.problems(csaf)).isEmpty();
    JsonNode ack = csaf.at("/document/acknowledgments/0");
    assertThat(ack.at("/organization").asText()).isEqualTo("サンプルソフト株式会社");
    assertThat(ack.at("/summary").asText()).contains("製品開発者自身からの届出", "Reported by the developer");
    assertThat(ack.has("names")).isFalse();
    assertThat(csaf.at("/document/notes").toString()).contains("Reported by the developer");
    fire(coordination, "Event_PublicationDay");
    cases.runJobs(receipt.getId());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.PUBLISHED);

    String slug = Advisories.slugOf(advisories.stored(tn).orElseThrow().id());
    String page = mvc.perform(get("/advisories/" + slug)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("id=\"advisory-self-report\"", "製品開発者自身からの届出（サンプルソフト株式会社）")
        .doesNotContain("id=\"advisory-credit\"", "佐藤");
    String english = mvc.perform(get("/advisories/" + slug).param("lang", "en")).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english).contains("Reported by the developer: サンプルソフト株式会社");

    // the statistics count it as its own category, and its advisory among the self-reports' advisories
    StatisticsReport after = statistics.report(today, today);
    assertThat(period(after.receipt().byCategory(), "DEVELOPER_SELF_REPORT"))
        .isEqualTo(period(before.receipt().byCategory(), "DEVELOPER_SELF_REPORT") + 1);
    assertThat(label(after.receipt().byCategory(), "DEVELOPER_SELF_REPORT")).isEqualTo("製品開発者自身からの届出");
    assertThat(after.software().selfReportAdvisories().period())
        .isEqualTo(before.software().selfReportAdvisories().period() + 1);
  }

  @Test
  void aSelfReportOfAnUnregisteredDeveloperRegistersItWithTheReporterAsContact() throws Exception {
    String tn = cases.submit("report-self", n -> {
      ((ObjectNode) n.get("reporter")).put("organization", "新規ソフト合同会社").put("email", "security@shinki.example.jp");
      ((ObjectNode) n.get("product")).put("developer", "新規ソフト合同会社").put("name", "ShinkiNote")
          .put("purl", "pkg:npm/shinki-note@1.0.0").remove("cpe");
    }).trackingNumber();
    ProcessInstance coordination = handedOff(cases.instance(tn));
    assertThat(registry.summaries()).noneMatch(d -> d.name().equals("新規ソフト合同会社")); // not before confirmation
    assertThat((String) runtime.getVariable(coordination.getId(), "selfReportFacts"))
        .contains("新規ソフト合同会社", "一致する登録済みの開発者はありません");
    confirmSelfReport(coordination, "REGISTER_NEW", false);
    Coordinations.Coordination dev = coordinations.forCase(tn).get(0);
    DeveloperRegistry.Developer registered = registry.get(dev.developerId());
    assertThat(registered.name()).isEqualTo("新規ソフト合同会社");
    assertThat(registered.contactEmails()).containsExactly("security@shinki.example.jp");
    assertThat(dev.contactPointEmail()).isEqualTo("security@shinki.example.jp");
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
  }

  @Test
  void aSelfReportNamingARegisteredDeveloperFromAForeignAddressDoesNotGetItsContactPointWithoutConfirmation()
      throws Exception {
    String impostor = "vendor-psirt@attacker.example.net";
    String tn = cases.submit("report-self", n -> ((ObjectNode) n.get("reporter"))
        .put("organization", "サンプルソフト株式会社").put("email", impostor)).trackingNumber();
    ProcessInstance coordination = handedOff(cases.instance(tn));
    // waits for a coordinator: nothing adopted, no link anywhere
    assertThat(currentActivities(coordination)).containsExactly("Task_ConfirmSelfReporter");
    assertThat(coordinations.forCase(tn)).isEmpty();
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), impostor).stream().map(Cases::body))
        .noneMatch(b -> b.contains("/developer/"));
    assertThat((String) runtime.getVariable(coordination.getId(), "selfReportFacts")).contains(impostor,
        "psirt@sample-soft.example.jp", "登録簿の連絡先にありません");
    // the coordinator confirms the registered developer but not the address: no contact point
    confirmSelfReport(coordination, "CONFIRM_REGISTERED", false);
    Coordinations.Coordination dev = coordinations.forCase(tn).get(0);
    assertThat(dev.developerId()).isEqualTo("sample-soft");
    assertThat(dev.contactPointEmail()).isNull();
    assertThat(registry.get("sample-soft").contactEmails()).doesNotContain(impostor);
    // the private link goes to the registry's addresses, not to the reporter
    propose(coordination, today().plusDays(15));
    assertThat(body(single("psirt@sample-soft.example.jp", "公表日のご確認のお願い"))).contains("/developer/");
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), impostor).stream().map(Cases::body))
        .noneMatch(b -> b.contains("/developer/"));
  }

  @Test
  void aDeclinedSelfReportIsCoordinatedAsUsualAndNotCreditedToTheDeveloper() {
    String tn = cases.submit("report-self").trackingNumber();
    ProcessInstance coordination = handedOff(cases.instance(tn));
    confirmSelfReport(coordination, "DECLINE", false);
    assertThat(currentActivities(coordination)).containsExactly("Task_IdentifyDevelopers");
    assertThat(coordinations.forCase(tn)).isEmpty();
    assertThat(advisories.selfReportedBy(tn)).isEmpty();
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("SELF_REPORT_DECLINED"));
  }

  @Autowired CaseDevelopers caseDevelopers;

  @Test
  void nothingIsAdoptedFromASelfReportWithoutAPersonConfirmingIt() {
    String tn = cases.submit("report-self").trackingNumber();
    ProcessInstance coordination = handedOff(cases.instance(tn));
    assertThatThrownBy(() -> caseDevelopers.adoptReporter(tn, CaseDevelopers.SelfReportDecision.CONFIRM_REGISTERED,
        null, true, CaseRegister.SYSTEM)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> caseDevelopers.adoptedReporter(tn)).isInstanceOf(IllegalStateException.class);
    assertThat(coordinations.forCase(tn)).isEmpty();
    assertThat(currentActivities(coordination)).containsExactly("Task_ConfirmSelfReporter");
  }

  @Test
  void aCveIdRecordedOnAnotherCaseIsRefusedInTheDraftFormAndTheApi() throws Exception {
    // case A holds the CVE ID
    ProcessInstance a = confirmed(handedOff(cases.instance(cases.submit("report-self").trackingNumber())));
    Advisories.Texts texts = new Advisories.Texts((String) advisoryTexts().get("advisoryTitleJa"),
        (String) advisoryTexts().get("advisoryTitleEn"), (String) advisoryTexts().get("advisoryOverviewJa"),
        (String) advisoryTexts().get("advisoryOverviewEn"), (String) advisoryTexts().get("advisoryImpactJa"),
        (String) advisoryTexts().get("advisoryImpactEn"), (String) advisoryTexts().get("advisorySolutionJa"),
        (String) advisoryTexts().get("advisorySolutionEn"));
    advisories.draft(a.getBusinessKey(), texts, "CVE-2026-40001", null, "coordinator1");
    // case B reaches its draft
    String other = "psirt-b@sample-soft.example.jp";
    ProcessInstance b = confirmed(handedOff(cases.instance(cases.submit("report-self",
        n -> ((ObjectNode) n.get("reporter")).put("email", other)).trackingNumber())));
    propose(b, today().plusDays(20));
    confirmOnPage(token(single(other, "公表日のご確認のお願い")));
    cases.runJobs(b.getId());
    Map<String, Object> withTaken = new HashMap<>(advisoryTexts());
    withTaken.put("cveIds", "CVE-2026-40002 CVE-2026-40001");
    assertThatThrownBy(() -> cases.completeAs("coordinator1", "coordination", b, "Task_DraftAdvisory", withTaken))
        .isInstanceOfSatisfying(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class,
            e -> assertThat((Object) e.getDetail()).isEqualTo("cveIds"))
        .hasMessageContaining("CVE-2026-40001").hasMessageContaining(a.getBusinessKey());
    assertThat(currentActivities(b)).containsExactly("Task_DraftAdvisory");
    cases.completeAs("coordinator1", "coordination", b, "Task_DraftAdvisory", advisoryTexts());
    assertThat(advisories.stored(b.getBusinessKey()).orElseThrow().cves()).isEmpty();
    // the API refuses it too, with the field; the case's own ID may be recorded again
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
            "/api/cases/" + b.getBusinessKey() + "/advisory/cve-ids")
        .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"cveIds\":\"CVE-2026-40001\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cveIds"));
    assertThat(advisories.stored(b.getBusinessKey()).orElseThrow().cves()).isEmpty();
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
            "/api/cases/" + b.getBusinessKey() + "/advisory/cve-ids")
        .header("Authorization", jp.vulnreport.support.Http.basic("coordinator1", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"cveIds\":\"CVE-2026-40002\"}"))
        .andExpect(status().isOk());
    advisories.draft(a.getBusinessKey(), texts, "CVE-2026-40001", null, "coordinator1");
    assertThat(advisories.stored(a.getBusinessKey()).orElseThrow().cves()).containsExactly("CVE-2026-40001");
  }

  @Autowired org.springframework.transaction.support.TransactionTemplate tx;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * Answers to the same proposal are taken one after the other: while another transaction holds the
   * case's proposal (as a concurrent answer or a new proposal does), an answer waits, then works on
   * what that transaction committed (here: the proposal was replaced, so the answer is refused instead
   * of agreeing a date that is no longer proposed).
   */
  @Test
  void anAnswerWaitsWhileAnotherTransactionHoldsTheProposalAndThenSeesItsChange() throws Exception {
    ProcessInstance coordination = confirmed(handedOff(cases.instance(cases.submit("report-self").trackingNumber())));
    String tn = coordination.getBusinessKey();
    propose(coordination, today().plusDays(10));
    java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<?> holder = pool.submit(() -> tx.executeWithoutResult(s -> {
        jdbc.update("UPDATE vr_publication_date_proposal SET state = 'REPLACED' WHERE tracking_number = ?", tn);
        locked.countDown();
        try {
          release.await(8, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertThat(locked.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      java.util.concurrent.Future<?> answer = pool.submit(() -> dates.answer(tn, "sample-soft", true, null, null,
          "developer"));
      Thread.sleep(1500);
      assertThat(answer.isDone()).as("the answer waits for the proposal's lock").isFalse();
      release.countDown();
      holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThatThrownBy(() -> answer.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .hasCauseInstanceOf(jp.vulnreport.cases.CaseConflictException.class);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(dates.current(tn).orElseThrow().state()).isEqualTo(PublicationDates.State.REPLACED);
    assertThat(dates.answers(dates.current(tn).orElseThrow().id())).noneMatch(PublicationDates.Answer::confirmed);
    assertThat(publications.plannedDate(tn)).isEmpty();
  }

  @Test
  void anObjectionReturnsToTheCoordinatorWithTheReasonAndAChangeAfterAgreementAsksAgain() throws Exception {
    ProcessInstance coordination = confirmed(handedOff(cases.instance(cases.submit("report-self").trackingNumber())));
    String tn = coordination.getBusinessKey();
    LocalDate first = today().plusDays(10);
    LocalDate asked = today().plusDays(25);
    propose(coordination, first);
    String token = token(single(REPORTER, "公表日のご確認のお願い"));

    // an objection needs a reason (400 on the page, nothing recorded)
    MockHttpSession session = new MockHttpSession();
    String page = pageOf(token, session);
    mvc.perform(post("/developer/" + token + "/publication-date").session(session).param("_csrf", Cases.csrf(page))
        .param("dateAnswer", "OBJECT").param("dateReason", " ")).andExpect(status().isBadRequest())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.containsString("id=\"error-dateReason\"")));
    assertThat(currentActivities(coordination)).containsExactly("Task_AwaitDateConfirmation");
    // without the page's CSRF token nothing is taken
    mvc.perform(post("/developer/" + token + "/publication-date").param("dateAnswer", "CONFIRM"))
        .andExpect(status().isForbidden());
    // the objection, with a counter-proposal; the text is escaped where it is shown
    mvc.perform(post("/developer/" + token + "/publication-date").session(session).param("_csrf", Cases.csrf(page))
        .param("dateAnswer", "OBJECT").param("dateReason", "修正版のリリースが <遅れる> ため")
        .param("counterDate", asked.toString())).andExpect(status().is3xxRedirection());
    cases.runJobs(coordination.getId());
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    assertThat(publications.plannedDate(tn)).isEmpty();
    assertThat((String) runtime.getVariable(coordination.getId(), "publicationDateAnswers"))
        .contains("異議", "修正版のリリースが <遅れる> ため", "希望する公表日 " + asked);
    assertThat(runtime.getVariable(coordination.getId(), "publicationDate")).isEqualTo(asked.toString());
    assertThat(pageOf(token, new MockHttpSession())).contains("修正版のリリースが &lt;遅れる&gt; ため")
        .doesNotContain("<遅れる>", "id=\"publication-date-form\"");

    // the second proposal is confirmed: fixed, the timer at that date
    propose(coordination, asked);
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), REPORTER).stream()
        .filter(m -> Cases.subject(m).contains("公表日のご確認のお願い"))).hasSize(2);
    confirmOnPage(token);
    cases.runJobs(coordination.getId());
    assertThat(publications.plannedDate(tn)).contains(asked);
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", advisoryTexts());
    assertThat(dayTimer(coordination).getDuedate().toInstant()).isEqualTo(asked.atStartOfDay(JST).toInstant());
    assertThat(dates.current(tn).orElseThrow().state()).isEqualTo(PublicationDates.State.AGREED);

    // after agreement the developer asks for a change: the timer is gone, the coordinator proposes again
    session = new MockHttpSession();
    page = pageOf(token, session);
    assertThat(page).contains("publication-date-change-form");
    LocalDate later = today().plusDays(35);
    mvc.perform(post("/developer/" + token + "/publication-date/change").session(session).param("_csrf", Cases.csrf(page))
        .param("dateReason", "修正版に追加の不具合が見つかったため").param("counterDate", later.toString()))
        .andExpect(status().is3xxRedirection());
    cases.runJobs(coordination.getId());
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    assertThat(management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationDay")
        .count()).isZero();
    assertThat((String) runtime.getVariable(coordination.getId(), "publicationDateAnswers"))
        .contains("合意後に変更の申し出", "修正版に追加の不具合が見つかったため");
    propose(coordination, later);
    assertThat(currentActivities(coordination)).containsExactly("Task_AwaitDateConfirmation");
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), REPORTER).stream()
        .filter(m -> Cases.subject(m).contains("公表日のご確認のお願い"))).hasSize(3);
    confirmOnPage(token);
    cases.runJobs(coordination.getId());
    assertThat(publications.plannedDate(tn)).contains(later);
    // the advisory is looked at again for the new date (its texts are kept)
    assertThat(runtime.getVariable(coordination.getId(), "advisoryTitleJa")).isEqualTo(advisoryTexts().get("advisoryTitleJa"));
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", advisoryTexts());
    assertThat(dayTimer(coordination).getDuedate().toInstant()).isEqualTo(later.atStartOfDay(JST).toInstant());
    // the discoverer (here: the reporter) is told each agreed date
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), REPORTER).stream()
        .filter(m -> Cases.subject(m).contains("公表日が決まりました")).map(Cases::body).toList())
        .anyMatch(b -> b.contains(asked.toString())).anyMatch(b -> b.contains(later.toString()));
    // a second answer to the same round is refused
    assertThatThrownBy(() -> dates.answer(tn, "sample-soft", true, null, null, "developer"))
        .isInstanceOf(jp.vulnreport.cases.CaseConflictException.class);
  }

  @Test
  void aDeveloperThatDoesNotAnswerIsRemindedThenTheCaseReturnsToTheCoordinator() throws Exception {
    ProcessInstance coordination = confirmed(handedOff(cases.instance(cases.submit("report-self").trackingNumber())));
    String tn = coordination.getBusinessKey();
    propose(coordination, today().plusDays(10));
    Job reminder = management.createJobQuery().processInstanceId(coordination.getId())
        .activityId("BoundaryEvent_DateConfirmationReminder").singleResult();
    Job due = management.createJobQuery().processInstanceId(coordination.getId())
        .activityId("BoundaryEvent_DateConfirmationDue").singleResult();
    // both from the deadline policy (3 and 5 business days), the reminder first
    assertThat(reminder.getDuedate()).isEqualTo(java.util.Date.from(deadlines.latest(tn,
        "PUBLICATION_DATE_CONFIRMATION_REMINDER").dueAt().toInstant()));
    assertThat(due.getDuedate()).isEqualTo(java.util.Date.from(deadlines.latest(tn,
        "PUBLICATION_DATE_CONFIRMATION").dueAt().toInstant()));
    assertThat(reminder.getDuedate()).isBefore(due.getDuedate());
    management.executeJob(reminder.getId());
    cases.runJobs(coordination.getId());
    assertThat(body(single(REPORTER, "公表日のご確認（再送）"))).contains("/developer/");
    assertThat(currentActivities(coordination)).containsExactly("Task_AwaitDateConfirmation");
    management.executeJob(due.getId());
    cases.runJobs(coordination.getId());
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    assertThat((String) runtime.getVariable(coordination.getId(), "publicationDateAnswers")).contains("回答なし");
  }

  @Test
  void theReportPageOffersTheSelfReportWithTheDeveloperBlockAndNoDiscovererQuestions() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String consent = mvc.perform(get("/report").session(session)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(consent).contains("value=\"DEVELOPER_SELF_REPORT\"", "自社製品の脆弱性（製品開発者自身からの届出）");
    // a discoverer's product report keeps its own block only (each field once)
    MockHttpSession other = new MockHttpSession();
    String otherConsent = mvc.perform(get("/report").session(other)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    mvc.perform(post("/report").session(other).param("_csrf", Cases.csrf(otherConsent)).param("consent", "true")
        .param("category", "SOFTWARE_PRODUCT")).andExpect(status().is3xxRedirection());
    String productForm = mvc.perform(get("/report/form").session(other)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(productForm).doesNotContain("self-reporter").contains("name=\"creditWanted\"");
    assertThat(productForm.split("name=\"reporterName\"", -1)).hasSize(2);

    mvc.perform(post("/report").session(session).param("_csrf", Cases.csrf(consent)).param("consent", "true")
        .param("category", "DEVELOPER_SELF_REPORT")).andExpect(status().is3xxRedirection());
    String form = mvc.perform(get("/report/form").session(session)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(form).contains("id=\"self-reporter\"", "届出者（製品開発者）の情報", "連絡窓口の担当者名", "name=\"productName\"")
        .doesNotContain("name=\"shareContactWithDeveloper\"", "name=\"creditWanted\"", "name=\"developerContacted\"",
            "name=\"websiteUrl\"");
    assertThat(form.split("name=\"reporterName\"", -1)).hasSize(2);
    var fields = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/report/form")
        .session(session).param("_csrf", Cases.csrf(form));
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("reporterOrganization", "ページ試験ソフト株式会社");
    values.put("reporterName", "製品セキュリティ担当");
    values.put("reporterEmail", "psirt-page@page-soft.example.jp");
    values.put("productDeveloper", "ページ試験ソフト株式会社");
    values.put("productName", "PageCMS");
    values.put("productVersions", "2.0 から 2.3");
    values.put("vulnType", "クロスサイトスクリプティング");
    values.put("summary", "コメント欄の XSS（自社で発見）");
    values.put("details", "コメント欄の入力値がエスケープされずに表示される。");
    // a hand-made request that still sends the discoverer's questions: they are not taken
    values.put("creditWanted", "true");
    values.put("creditDisplayName", "x");
    values.put("shareContactWithDeveloper", "true");
    values.forEach(fields::param);
    mvc.perform(fields).andExpect(status().is3xxRedirection());
    String confirm = mvc.perform(get("/report/confirm").session(session)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(confirm).contains("PageCMS", "psirt-page@page-soft.example.jp").doesNotContain("謝辞に表示する名前");
    String thanks = mvc.perform(post("/report/submit").session(session).param("_csrf", Cases.csrf(confirm)))
        .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("trackingNumber").toString();
    assertThat(register.get(thanks).category()).isEqualTo("DEVELOPER_SELF_REPORT");
    assertThat(register.reporter(register.get(thanks).reporterId()).orElseThrow().creditWanted()).isFalse();
    assertThat(runtime.getVariable(cases.instance(thanks).getId(), "selfReport")).isEqualTo(true);
  }

  @Test
  void theStaffStartFormRegistersASelfReport() {
    Map<String, Object> v = new HashMap<>();
    v.put("consent", true);
    v.put("category", "DEVELOPER_SELF_REPORT");
    v.put("reporterName", "製品セキュリティ担当 田中");
    v.put("reporterOrganization", "例示ネットワークス株式会社");
    v.put("reporterEmail", "psirt@reiji-networks.example.jp");
    v.put("productDeveloper", "例示ネットワークス株式会社");
    v.put("productName", "MailGateway");
    v.put("productVersions", "2.x");
    v.put("vulnType", "OS コマンドインジェクション");
    v.put("summary", "管理画面で OS コマンドインジェクション（自社で発見）");
    v.put("details", "診断機能の ping 宛先にコマンドを連結できる。");
    Map<String, Object> withCredit = new HashMap<>(v);
    withCredit.put("creditWanted", true);
    withCredit.put("creditDisplayName", "x");
    assertThatThrownBy(() -> startForm(withCredit)).hasMessageContaining("reporter.credit.wanted");
    ProcessInstance pi = startForm(v);
    assertThat(register.get(pi.getBusinessKey()).category()).isEqualTo("DEVELOPER_SELF_REPORT");
    assertThat(runtime.getVariable(pi.getId(), "selfReport")).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "category")).isEqualTo("SOFTWARE_PRODUCT");
  }

  private ProcessInstance startForm(Map<String, Object> variables) {
    identity.setAuthentication("receipt1", List.of("receipt"));
    try {
      String id = repository.createProcessDefinitionQuery().processDefinitionKey("SoftwareVulnerabilityReport")
          .latestVersion().singleResult().getId();
      return formService.submitStartForm(id, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aCoordinatorEntersAnAnswerReceivedByPhone() {
    ProcessInstance coordination = confirmed(handedOff(cases.instance(cases.submit("report-self").trackingNumber())));
    String tn = coordination.getBusinessKey();
    LocalDate date = today().plusDays(12);
    propose(coordination, date);
    // an objection without a reason is refused like on the page
    assertThatThrownBy(() -> enter(tn, Map.of("entryDateAnswer", "OBJECT"))).hasMessageContaining("dateReason");
    enter(tn, Map.of("entryDateAnswer", "CONFIRM"));
    cases.runJobs(coordination.getId());
    assertThat(publications.plannedDate(tn)).contains(date);
    assertThat(dates.answers(dates.current(tn).orElseThrow().id()).get(0).answeredBy()).isEqualTo("coordinator1");
    // a developer that was not asked to confirm the date cannot throw the agreed date back
    assertThatThrownBy(() -> dates.reopen(tn, "not-asked", "別の開発者からの変更の申し出", null, "developer"))
        .isInstanceOf(jp.vulnreport.cases.CaseConflictException.class);
    assertThat(dates.current(tn).orElseThrow().state()).isEqualTo(PublicationDates.State.AGREED);
    // after agreement the coordinator enters the developer's request to change it: asked again
    enter(tn, Map.of("entryDateAnswer", "CHANGE", "entryDateReason", "電話で延期の申し出", "entryCounterDate",
        date.plusDays(7).toString()));
    cases.runJobs(coordination.getId());
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    assertThat(runtime.getVariable(coordination.getId(), "publicationDate")).isEqualTo(date.plusDays(7).toString());
  }

  private void enter(String tn, Map<String, Object> answer) {
    Map<String, Object> v = new HashMap<>(answer);
    v.put("entryTrackingNumber", tn);
    v.put("entryDeveloperId", "sample-soft");
    v.put("entryKind", "PUBLICATION_DATE");
    identity.setAuthentication("coordinator1", List.of("coordination"));
    try {
      runtime.startProcessInstanceByKey("DeveloperResponseEntry", v);
    } finally {
      identity.clearAuthentication();
    }
  }

  // ------------------------------------------------------------------------------------------------

  private ResultActions rejected(Consumer<ObjectNode> edit) throws Exception {
    return mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
        .content(cases.example("report-self", edit))).andExpect(status().isBadRequest());
  }

  /** Receipt as for a product report: accepted, verified, not notifiable, handed off. Returns the coordination. */
  private ProcessInstance handedOff(ProcessInstance receipt) {
    cases.runJobs(receipt.getId());
    cases.throughVerification(receipt, "NONE");
    cases.completeAs("analyst1", "analyst", cases.government(receipt.getBusinessKey()),
        Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(receipt.getBusinessKey()).singleResult();
    assertThat(coordination).as("coordination of " + receipt.getBusinessKey()).isNotNull();
    cases.runJobs(coordination.getId());
    return coordination;
  }

  /** The coordinator's decision about the reporting developer (Task_ConfirmSelfReporter). */
  private void confirmSelfReport(ProcessInstance coordination, String decision, boolean contactVerified) {
    assertThat(currentActivities(coordination)).containsExactly("Task_ConfirmSelfReporter");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ConfirmSelfReporter",
        Map.of("selfReportDecision", decision, "selfReportContactVerified", contactVerified,
            "selfReportNote", "登録簿の連絡先に電話で確認"));
    cases.runJobs(coordination.getId());
  }

  /** The sample self-report confirmed as sample-soft's, its reporter verified by phone. */
  private ProcessInstance confirmed(ProcessInstance coordination) {
    confirmSelfReport(coordination, "CONFIRM_REGISTERED", true);
    return coordination;
  }

  private void propose(ProcessInstance coordination, LocalDate date) {
    assertThat(currentActivities(coordination)).containsExactly("Task_SetPublicationDate");
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", date.toString()));
    cases.runJobs(coordination.getId());
  }

  private void confirmOnPage(String token) throws Exception {
    MockHttpSession session = new MockHttpSession();
    String page = pageOf(token, session);
    assertThat(page).contains("id=\"publication-date-form\"");
    mvc.perform(post("/developer/" + token + "/publication-date").session(session).param("_csrf", Cases.csrf(page))
        .param("dateAnswer", "CONFIRM")).andExpect(status().is3xxRedirection());
  }

  private String pageOf(String token, MockHttpSession session) throws Exception {
    return mvc.perform(get("/developer/" + token).session(session)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private List<String> currentActivities(ProcessInstance pi) {
    return runtime.getActiveActivityIds(pi.getId()).stream()
        .filter(a -> !a.startsWith("SubProcess_") && !a.startsWith("StartEvent_")).toList();
  }

  private Job dayTimer(ProcessInstance coordination) {
    return management.createJobQuery().processInstanceId(coordination.getId()).activityId("Event_PublicationDay")
        .singleResult();
  }

  private void fire(ProcessInstance pi, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as(activityId).isNotNull();
    management.executeJob(job.getId());
    cases.runJobs(pi.getId());
  }

  private static long period(List<StatisticsReport.Count> counts, String key) {
    return counts.stream().filter(c -> c.key().equals(key)).mapToLong(StatisticsReport.Count::period).sum();
  }

  private static String label(List<StatisticsReport.Count> counts, String key) {
    return counts.stream().filter(c -> c.key().equals(key)).map(StatisticsReport.Count::ja).findFirst().orElse(null);
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

  private static Map<String, Object> advisoryTexts() {
    Map<String, Object> v = new HashMap<>();
    v.put("advisoryTitleJa", "SampleCMS におけるパストラバーサルの脆弱性");
    v.put("advisoryTitleEn", "Path traversal in SampleCMS");
    v.put("advisoryOverviewJa", "SampleCMS のファイル取得 API には、パストラバーサルの脆弱性があります。");
    v.put("advisoryOverviewEn", "The file API of SampleCMS has a path traversal vulnerability.");
    v.put("advisoryImpactJa", "サーバ上の任意のファイルを読み取られる可能性があります。");
    v.put("advisoryImpactEn", "Any file on the server may be read.");
    v.put("advisorySolutionJa", "開発者が提供する情報をもとに、最新版へアップデートしてください。");
    v.put("advisorySolutionEn", "Update to the latest version according to the developer's information.");
    return v;
  }
}
