package jp.vulnreport.government;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.deadline.DeadlineCalendar;
import jp.vulnreport.deadline.DeadlineUnit;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline policy and the criteria as the processes use them (issue 15): the 72-hour notice clock
 * over the New Year closure, a website's facts reaching the criteria, the completion notice's deadline.
 */
class PolicyInProcessTest extends IntegrationTest {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @Autowired Cases cases;
  @Autowired GovernmentNotices notices;
  @Autowired Deadlines deadlines;
  @Autowired DeadlineCalendar calendar;
  @Autowired CaseRegister register;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  /** Recognised 2026-12-30 10:00 JST, notifiable, not exploited: due 2027-01-02 10:00 JST (calendar hours). */
  @Test
  void theNoticeClockRunsThroughTheNewYearClosure() {
    clock.advance(Duration.between(OffsetDateTime.now(clock), ZonedDateTime.parse("2026-12-30T10:00+09:00[Asia/Tokyo]")));
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT", "productKind", "WEB_APPLICATION"));
    cases.complete(pi, Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "exploitationStatus", "NONE", "affectedVersions", "4.2.0 - 4.2.7", "ssvcAutomatable", "no",
        "ssvcTechnicalImpact", "partial", "ssvcMissionImpact", "low", "criticalInfrastructure", true,
        "fixAvailable", false));
    String tn = pi.getBusinessKey();
    ProcessInstance gov = cases.government(tn);
    // severe and used by critical infrastructure; no fix but not exploited: no zero-day attack
    assertThat(runtime.getVariable(gov.getId(), "criteriaNotifiable")).isEqualTo(true);
    assertThat(runtime.getVariable(gov.getId(), "criteriaUrgency")).isEqualTo("NORMAL");
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaGrounds")).contains("重要インフラ")
        .doesNotContain("ゼロデイ");
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaFactsText")).contains("修正版・回避策がある: いいえ");
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));

    Deadlines.Deadline d = deadlines.latest(tn, "GOVERNMENT_NOTICE");
    assertThat(d.amount()).isEqualTo(72);
    assertThat(d.unit()).isEqualTo(DeadlineUnit.HOURS);
    ZonedDateTime start = d.startsAt().atZoneSameInstant(JST);
    ZonedDateTime due = d.dueAt().atZoneSameInstant(JST);
    assertThat(start.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(start.getHour()).isEqualTo(10);
    assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(72));
    assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 2)); // inside the closure, not after it
    assertThat(due.getHour()).isEqualTo(10);
    assertThat(notices.get(tn).deadlineAt().toInstant()).isEqualTo(d.dueAt().toInstant());
  }

  /** A severe website exposing personal data: its facts from 内容確認 reach the criteria on the website path. */
  @Test
  void aWebsitesFactsReachTheCriteria() {
    ProcessInstance pi = cases.atFormalCheck("report-website", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> check = websiteCheck();
    check.remove("websiteSeverity");
    assertThatThrownBy(() -> cases.complete(pi, check)).hasMessageContaining("深刻度");
    check.put("websiteSeverity", "HIGH");
    check.put("personalDataExposed", true);
    cases.complete(pi, check);
    String tn = pi.getBusinessKey();
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).as("the website path's government track").isNotNull();
    assertThat(runtime.getVariable(gov.getId(), "criteriaNotifiable")).isEqualTo(true);
    assertThat(runtime.getVariable(gov.getId(), "criteriaUrgency")).isEqualTo("NORMAL");
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaGrounds")).contains("個人情報");
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaFactsText"))
        .contains("多数の個人情報が漏えいし得る（ウェブサイト）: はい", "重要インフラ・公共サービスのサイト: いいえ",
            "CVSS の深刻度: 重要（HIGH）");
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("WEBSITE_FACTS"));
  }

  /** An exploited website: urgent, as for products, whatever its estimated severity. */
  @Test
  void anExploitedWebsiteIsUrgent() {
    ProcessInstance pi = cases.atFormalCheck("report-website", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> check = websiteCheck();
    check.put("exploitationStatus", "ACTIVE");
    check.put("websiteSeverity", "LOW");
    cases.complete(pi, check);
    ProcessInstance gov = cases.government(pi.getBusinessKey());
    assertThat(runtime.getVariable(gov.getId(), "criteriaNotifiable")).isEqualTo(true);
    assertThat(runtime.getVariable(gov.getId(), "criteriaUrgency")).isEqualTo("URGENT");
    assertThat(register.get(pi.getBusinessKey()).exploitationStatus()).isEqualTo("ACTIVE");
  }

  /** A website that is neither severe nor exposing anything: not notifiable. */
  @Test
  void anOrdinaryWebsiteIsNotNotifiable() {
    ProcessInstance pi = cases.atFormalCheck("report-website", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, websiteCheck());
    ProcessInstance gov = cases.government(pi.getBusinessKey());
    assertThat(runtime.getVariable(gov.getId(), "criteriaNotifiable")).isEqualTo(false);
  }

  /** The completion notice to the discoverer has its deadline: 5 business days from the close. */
  @Test
  void theCompletionNoticeHasItsDeadline() {
    ProcessInstance pi = cases.atFormalCheck("report-website", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, websiteCheck());
    String tn = pi.getBusinessKey();
    ProcessInstance website = runtime.createProcessInstanceQuery().processDefinitionKey("WebsiteVulnerabilityReport")
        .processInstanceBusinessKey(tn).singleResult();
    cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", "info@shop.example.jp",
        "operatorContactSource", "サイトの「お問い合わせ」ページ", "operatorKind", "COMPANY"));
    fire(website, "BoundaryEvent_ContactTimeout");
    cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", "abuse@hosting.example.jp",
        "secondRouteNote", "ホスティング事業者の窓口"));
    fire(website, "BoundaryEvent_ContactTimeout");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(website.getId()).count()).isZero();

    OffsetDateTime closed = register.get(tn).closedAt();
    assertThat(closed).isNotNull();
    Deadlines.Deadline d = deadlines.latest(tn, "COMPLETION_NOTICE");
    assertThat(d.startsAt().toInstant()).isEqualTo(closed.toInstant());
    assertThat(d.amount()).isEqualTo(5);
    assertThat(d.unit()).isEqualTo(DeadlineUnit.BUSINESS_DAYS);
    assertThat(d.dueAt().toInstant()).isEqualTo(calendar.plus(closed.atZoneSameInstant(JST), 5,
        DeadlineUnit.BUSINESS_DAYS).toInstant());
    assertThat(Cases.single(GREEN_MAIL.getReceivedMessages(), "jiro.sato@example.jp", "取扱いを終了しました"))
        .isNotNull();
  }

  private static Map<String, Object> websiteCheck() {
    Map<String, Object> v = new HashMap<>();
    v.put("isVulnerability", true);
    v.put("inScope", true);
    v.put("knownOrDuplicate", false);
    v.put("withdrawn", false);
    v.put("category", "WEBSITE");
    v.put("exploitationStatus", "NONE");
    v.put("websiteSeverity", "MEDIUM");
    v.put("personalDataExposed", false);
    v.put("criticalServiceExposed", false);
    return v;
  }

  private void fire(ProcessInstance pi, String timer) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(timer).singleResult();
    assertThat(job).as(timer).isNotNull();
    management.executeJob(job.getId());
    cases.runJobs(pi.getId());
  }
}
