package jp.vulnreport.website;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end of waiting for a website operator's fix: staff are asked (extend with a reason, or close
 * with how it ended as IPA counts it) instead of the case closing as unresponsive on its own.
 */
class WebsiteFixCutoffTest extends IntegrationTest {

  static final String DISCOVERER = "jiro.sato@example.jp";
  static final String PUBLISHED = "info@shop.example.jp";
  static final String CONTACT_POINT = "security@shop.example.jp";
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  @Autowired Cases cases;
  @Autowired CaseRegister register;
  @Autowired Deadlines deadlines;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired WebsiteCommands commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void atTheCutoffTheCaseIsExtendedWithAReasonAndTheTimerReArmsAtTheNewDate() {
    ProcessInstance website = awaitingFix();
    String tn = website.getBusinessKey();
    Deadlines.Deadline cutoff = deadlines.latest(tn, "WEBSITE_FIX_CUTOFF");
    assertThat(timer(website).getDuedate().toInstant()).isEqualTo(cutoff.dueAt().toInstant());

    fire(website);
    // not closed: receipt staff decide
    assertThat(website).isWaitingAt("Task_DecideFixCutoff");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_AWAITING_FIX);
    assertThat(register.get(tn).closedAt()).isNull();
    Task decide = tasks.createTaskQuery().processInstanceId(website.getId()).singleResult();
    assertThat(decide.getTaskDefinitionKey()).isEqualTo("Task_DecideFixCutoff");
    assertThat(tasks.getIdentityLinksForTask(decide.getId())).anyMatch(l -> "receipt".equals(l.getGroupId()));
    assertThat(decide.getDueDate().toInstant())
        .isEqualTo(deadlines.latest(tn, "WEBSITE_FIX_CUTOFF_DECISION").dueAt().toInstant());
    assertThat(deadlines.latest(tn, "WEBSITE_FIX_CUTOFF_DECISION").amount()).isEqualTo(2);

    LocalDate current = cutoff.dueAt().atZoneSameInstant(JST).toLocalDate();
    LocalDate newDate = current.plusDays(30);
    // a reason and a later date are required
    assertThatThrownBy(() -> complete(website, Map.of("cutoffDecision", "EXTEND", "newCutoffDate", newDate.toString())))
        .hasMessageContaining("延長の理由");
    assertThatThrownBy(() -> complete(website, Map.of("cutoffDecision", "EXTEND", "newCutoffDate",
        current.minusDays(1).toString(), "extensionReason", "改修中"))).hasMessageContaining("より後の日付");
    assertThatThrownBy(() -> complete(website, Map.of("cutoffDecision", "LATER"))).hasMessageContaining("延長するか終了するか");
    assertThat(website).isWaitingAt("Task_DecideFixCutoff");

    String reason = "運営者から、改修を外部委託しており 12 月末に完了予定との連絡があった";
    complete(website, Map.of("cutoffDecision", "EXTEND", "newCutoffDate", newDate.toString(), "extensionReason", reason));

    // waiting for the fix again, the timer at the new date, the reason on record, the case open
    assertThat(website).isWaitingAt("Task_AwaitOperatorResponse");
    Deadlines.Deadline extended = deadlines.latest(tn, "WEBSITE_FIX_CUTOFF");
    assertThat(extended.dueAt().atZoneSameInstant(JST).toLocalDate()).isEqualTo(newDate);
    assertThat(extended.basis()).contains(reason);
    assertThat(timer(website).getDuedate().toInstant()).isEqualTo(extended.dueAt().toInstant());
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("WEBSITE_FIX_CUTOFF_EXTENDED")
        && e.actor().equals("receipt1") && e.detail().contains(reason) && e.detail().contains(newDate.toString()));
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_AWAITING_FIX);
    assertThat(register.get(tn).closedAt()).isNull();
    assertThat(kind(tn, "website_fix_kind")).isNull();
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), DISCOVERER).stream()
        .filter(m -> Cases.subject(m).contains("取扱いを終了しました"))).isEmpty();

    // the operator still answers in time: the ordinary review follows
    commands.respond(tn, WebsiteCommands.ResponseType.FIXED, "入力値の検証を追加しました");
    assertThat(website).isWaitingAt("Task_ReviewOperatorResponse");
  }

  @Test
  void closingAtTheCutoffRecordsHowTheCaseEnded() {
    ProcessInstance website = awaitingFix();
    String tn = website.getBusinessKey();
    fire(website);
    assertThatThrownBy(() -> complete(website, Map.of("cutoffDecision", "CLOSE"))).hasMessageContaining("完了の区分");
    assertThatThrownBy(() -> complete(website, Map.of("cutoffDecision", "CLOSE", "websiteFixKind", "FORGOTTEN")))
        .hasMessageContaining("完了の区分");
    complete(website, Map.of("cutoffDecision", "CLOSE", "websiteFixKind", "CLOSED_AFTER_REMINDER"));

    assertThat(website).isEnded().hasPassed("Task_DecideFixCutoff", "Task_RecordOutcome", "Task_NotifyDiscoverer");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_UNRESPONSIVE);
    assertThat(kind(tn, "website_fix_kind")).isEqualTo("CLOSED_AFTER_REMINDER");
    assertThat(kind(tn, "operator_kind")).isEqualTo("COMPANY");
    assertThat(body(Cases.single(GREEN_MAIL.getReceivedMessages(), DISCOVERER, "取扱いを終了しました")))
        .contains("応答がありませんでした");
  }

  @Test
  void anOperatorHandlingItIndividuallyClosesAsHandledWithItsKind() {
    ProcessInstance website = awaitingFix();
    String tn = website.getBusinessKey();
    fire(website);
    complete(website, Map.of("cutoffDecision", "CLOSE", "websiteFixKind", "OPERATOR_HANDLING"));
    assertThat(website).isEnded();
    assertThat(kind(tn, "website_fix_kind")).isEqualTo("OPERATOR_HANDLING");
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_FIXED);
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("KIND_RECORDED") && e.actor().equals("receipt1")
        && e.detail().equals("website_fix_kind OPERATOR_HANDLING"));
    assertThat(body(Cases.single(GREEN_MAIL.getReceivedMessages(), DISCOVERER, "取扱いを終了しました")))
        .contains("個別に対応");
  }

  private ProcessInstance awaitingFix() {
    ProcessInstance pi = cases.atFormalCheck("report-website", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> substantive = new HashMap<>();
    substantive.put("isVulnerability", true);
    substantive.put("inScope", true);
    substantive.put("knownOrDuplicate", false);
    substantive.put("withdrawn", false);
    substantive.put("category", "WEBSITE");
    substantive.put("exploitationStatus", "NONE");
    substantive.put("websiteSeverity", "MEDIUM");
    substantive.put("personalDataExposed", false);
    substantive.put("criticalServiceExposed", false);
    cases.complete(pi, substantive);
    String tn = pi.getBusinessKey();
    ProcessInstance website = runtime.createProcessInstanceQuery().processDefinitionKey("WebsiteVulnerabilityReport")
        .processInstanceBusinessKey(tn).singleResult();
    cases.completeAs("receipt1", "receipt", website, Map.of("operatorContactEmail", PUBLISHED,
        "operatorContactSource", "サイトの「お問い合わせ」ページ", "operatorKind", "COMPANY"));
    commands.nameContactPoint(tn, "Web 担当", CONTACT_POINT);
    cases.runJobs(website.getId());
    assertThat(website).isWaitingAt("Task_AwaitOperatorResponse");
    return website;
  }

  private void complete(ProcessInstance website, Map<String, Object> variables) {
    cases.completeAs("receipt1", "receipt", website, "Task_DecideFixCutoff", variables);
  }

  private Job timer(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().activityId("BoundaryEvent_FixCutoff")
        .singleResult();
  }

  private void fire(ProcessInstance pi) {
    management.executeJob(timer(pi).getId());
    cases.runJobs(pi.getId());
  }

  private String kind(String tn, String column) {
    return jdbc.queryForObject("SELECT " + column + " FROM vr_case WHERE tracking_number = ?", String.class, tn);
  }
}
