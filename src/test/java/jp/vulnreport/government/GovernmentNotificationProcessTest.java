package jp.vulnreport.government;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static jp.vulnreport.support.Cases.subject;
import static jp.vulnreport.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.deadline.DeadlineUnit;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** government-notification.bpmn: one test per path of the issue. */
class GovernmentNotificationProcessTest extends IntegrationTest {

  static final String CABINET_OFFICE = "cabinet-office@localhost";
  static final String VENDOR = "psirt@example.co.jp";

  @Autowired Cases cases;
  @Autowired GovernmentNotices notices;
  @Autowired GovernmentEvaluations evaluations;
  @Autowired Deadlines deadlines;
  @Autowired CsafValidator validator;
  @Autowired CaseCommands caseCommands;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper mapper;
  @Autowired MockMvc mvc;

  @Test
  void acceptedAndNotifiableIsNotifiedInTimeThenUpdatedUntilClosed() throws Exception {
    ProcessInstance receipt = verified("SUSPECTED");
    String tn = receipt.getBusinessKey();
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).isWaitingAt("Task_Recognition").variables()
        .containsEntry("criteriaNotifiable", true).containsEntry("criteriaUrgency", "URGENT")
        .containsEntry("cvssSummary", "9.8 緊急（CRITICAL） — CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    // 認知 shows the facts the criteria used, in Japanese
    assertThat(runtimeService.getVariable(gov.getId(), "criteriaFactsText")).asString()
        .contains("悪用状況: 悪用の疑い", "CVSS の深刻度: 緊急（CRITICAL）").doesNotContain("SUSPECTED");

    // coordination runs alongside: its 製品開発者の特定 shows the notice's status in Japanese, kept current
    assertThat(noticeStatusShownToCoordination(tn)).isEqualTo("認知待ち（通知の要否をまだ判断していません）");
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    assertThat(noticeStatusShownToCoordination(tn)).isEqualTo("通知対象（内閣府への通知の作成・承認・送信を待っています）");
    GovernmentNotification recognised = notices.get(tn);
    assertThat(recognised.recognisedBy()).isEqualTo("analyst1");
    assertThat(recognised.status()).isEqualTo("NOTIFY_DUE");
    // 速やかに: 24 hours from recognition when exploitation is suspected
    assertThat(Duration.between(recognised.recognisedAt(), recognised.deadlineAt())).isEqualTo(Duration.ofHours(24));
    Deadlines.Deadline d = deadlines.latest(tn, "GOVERNMENT_NOTICE");
    assertThat(d.unit()).isEqualTo(DeadlineUnit.HOURS);
    assertThat(d.basis()).contains("速やかに");
    assertThat(recognised.policyVersion()).isEqualTo(d.policyVersion());
    assertThat(gov).isWaitingAt("Task_DraftNotice");

    draftAndApprove(gov, "liaison1", "liaison2", VENDOR);
    assertThat(gov).isWaitingAt("Task_AwaitAcknowledgement");

    GovernmentNotification sent = notices.get(tn);
    assertThat(sent.status()).isEqualTo("NOTIFIED");
    assertThat(sent.onTime()).isTrue();
    assertThat(sent.lateBySeconds()).isZero();
    assertThat(sent.draftedBy()).isEqualTo("liaison1");
    assertThat(sent.approvedBy()).isEqualTo("liaison2");
    MimeMessage notice = onlyMail(CABINET_OFFICE, "脆弱性に関する通知");
    assertThat(body(notice)).contains(tn).contains("悪用の疑いがある").contains("TLP:AMBER");
    JsonNode csaf = attachment(notice, tn + ".csaf.json");
    assertThat(validator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo(tn);
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("AMBER");
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("interim");
    assertThat(csaf.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(9.8);
    assertThat(csaf.at("/vulnerabilities/0/threats/0/details").asText()).contains("SUSPECTED");
    assertThat(csaf.at("/product_tree/branches/0/branches/0/name").asText()).isEqualTo("SampleCMS");
    // the CWE catalogue's official name (CSAF §6.1.11) and the document's canonical URL under IPA's namespace
    assertThat(csaf.at("/vulnerabilities/0/cwe/id").asText()).isEqualTo("CWE-79");
    assertThat(csaf.at("/vulnerabilities/0/cwe/name").asText())
        .isEqualTo("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    assertThat(csaf.at("/document/references/0/category").asText()).isEqualTo("self");
    assertThat(csaf.at("/document/references/0/url").asText()).startsWith(
        csaf.at("/document/publisher/namespace").asText() + "/").endsWith(".json");
    assertThat(body(onlyMail(VENDOR, "政府への脆弱性情報の通知"))).contains("内閣府へ通知しました").contains(tn);
    assertThat(notices.get(tn).vendorDecision()).isEqualTo("INFORMED");

    // acknowledgement arrives (message through the API), then updates until the case closes
    mvc.perform(post("/api/government-notifications/" + tn + "/acknowledgement")
        .header("Authorization", basic("liaison1", "demo"))).andExpect(status().isAccepted());
    assertThat(notices.get(tn).acknowledgedVia()).isEqualTo("MESSAGE");
    assertThat(noticeStatusShownToCoordination(tn)).isEqualTo("内閣府へ通知し、受領が確認されました");
    mvc.perform(post("/api/government-notifications/" + tn + "/updates").header("Authorization", basic("liaison1", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"修正版 4.2.8 が公開されました\"}"))
        .andExpect(status().isAccepted());
    cases.runJobs(gov.getId());
    assertThat(body(onlyMail(CABINET_OFFICE, "続報"))).contains("修正版 4.2.8 が公開されました");
    mvc.perform(post("/api/government-notifications/" + tn + "/updates").header("Authorization", basic("manager1", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"JVN で公表し、取扱いを終了しました\",\"closing\":true}"))
        .andExpect(status().isAccepted());
    cases.runJobs(gov.getId());
    assertThat(gov).isEnded().hasPassed("EndEvent_TrackClosed");
    // the government track has ended; the case itself goes on in coordination
    assertThat(receipt).isWaitingAt("CallActivity_Coordination");
    assertThat(notices.get(tn).updatesSent()).isEqualTo(2);

    // the evidence
    mvc.perform(get("/api/government-notifications").header("Authorization", basic("manager1", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notifications[?(@.trackingNumber == '" + tn + "')].onTime").value(Matchers.contains(true)))
        .andExpect(jsonPath("$.onTimeRate").isNumber());
    mvc.perform(get("/api/government-notifications.csv").header("Authorization", basic("liaison2", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(tn + ",ACKNOWLEDGED,ACCEPTED,")));
    mvc.perform(get("/api/government-notifications").header("Authorization", basic("receipt1", "demo")))
        .andExpect(status().isForbidden());
  }

  @Test
  void specificationFlawNotAcceptedButRecognisedAsNotifiableIsNotified() throws Exception {
    ProcessInstance receipt = cases.atFormalCheck("report-protocol-spec", n -> { });
    cases.complete(receipt, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(receipt, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SPECIFICATION_CRYPTO_PROTOCOL"));
    ProcessInstance gov = cases.government(receipt.getBusinessKey());
    assertThat(gov).isWaitingAt("Task_Recognition").variables().containsEntry("criteriaNotifiable", false);

    // overriding the criteria needs a reason
    assertThatThrownBy(() -> cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE")))
        .hasMessageContaining("理由");
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE",
        "overrideReason", "全ての準拠実装に影響し、悪用の疑いが報告されている"));
    GovernmentNotification n = notices.get(receipt.getBusinessKey());
    assertThat(n.overrideReason()).contains("悪用の疑い");
    assertThat(n.openedOn()).isEqualTo("NOT_ACCEPTED");
    // not exploited as far as recorded: 72 calendar hours (CRA Art. 14's notification), not business days
    assertThat(deadlines.latest(receipt.getBusinessKey(), "GOVERNMENT_NOTICE").unit()).isEqualTo(DeadlineUnit.HOURS);
    assertThat(deadlines.latest(receipt.getBusinessKey(), "GOVERNMENT_NOTICE").amount()).isEqualTo(72);

    draftAndApprove(gov, "liaison2", "liaison1", "");
    assertThat(notices.get(receipt.getBusinessKey()).sentAt()).isNotNull();
    assertThat(notices.get(receipt.getBusinessKey()).vendorDecision()).isEqualTo("NO_CONTACT");
    JsonNode csaf = attachment(onlyMail(CABINET_OFFICE, "脆弱性に関する通知"), receipt.getBusinessKey() + ".csaf.json");
    assertThat(validator.problems(csaf)).isEmpty();
  }

  @Test
  void discontinuedAfterRecognitionStillSendsTheNotice() {
    ProcessInstance receipt = verified("ACTIVE");
    String tn = receipt.getBusinessKey();
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOTIFIABLE"));
    var deadline = notices.get(tn).deadlineAt();

    ProcessInstance gov = cases.government(tn);
    caseCommands.discontinue(tn, "製品の開発者が事業を終了したため", "receipt1");
    cases.runJobs(receipt.getId());
    // the receipt ends; the track is its own instance and goes on: no second track, no new recognition,
    // and the clock keeps running from the first recognition
    assertThat(receipt).isEnded().hasPassed("Task_GovernmentAfterDiscontinuation", "EndEvent_Discontinued");
    assertThat(cases.government(tn).getId()).isEqualTo(gov.getId());
    assertThat(gov).isWaitingAt("Task_DraftNotice");
    assertThat(notices.get(tn).deadlineAt()).isEqualTo(deadline);
    assertThat(evaluations.forCase(tn)).extracting(GovernmentEvaluations.Evaluation::path, GovernmentEvaluations.Evaluation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("DISCONTINUED", GovernmentEvaluations.Outcome.TRACK_RUNNING));

    draftAndApprove(gov, "liaison1", "liaison2", VENDOR);
    assertThat(notices.get(tn).status()).isEqualTo("NOTIFIED");
    assertThat(body(onlyMail(CABINET_OFFICE, "脆弱性に関する通知"))).contains(tn);
    // acknowledged: the case has ended meanwhile, so the closing update goes out and the track ends
    cases.completeAs("liaison2", "liaison", gov, "Task_AwaitAcknowledgement", Map.of("acknowledgementNote", "電話で受領を確認"));
    assertThat(gov).isEnded().hasPassed("Task_PrepareClosingUpdate", "Task_SendClosingUpdate", "EndEvent_TrackClosed");
    assertThat(body(onlyMail(CABINET_OFFICE, "続報"))).contains("取扱いを終了しました（取りやめ）");
  }

  @Test
  void discontinuedAfterTheNoticeSendsAnUpdate() throws Exception {
    ProcessInstance receipt = verified("ACTIVE");
    String tn = receipt.getBusinessKey();
    ProcessInstance first = recognisedAsNotifiable(tn);
    draftAndApprove(first, "liaison1", "liaison2", "");
    assertThat(first).isWaitingAt("Task_AwaitAcknowledgement");

    caseCommands.discontinue(tn, "発見者が取り下げたため", "manager1");
    cases.runJobs(receipt.getId());
    assertThat(receipt).isEnded().hasPassed("EndEvent_Discontinued");
    // the track was busy awaiting the acknowledgement: it was not cancelled and no second track started
    assertThat(cases.government(tn).getId()).isEqualTo(first.getId());
    mvc.perform(post("/api/government-notifications/" + tn + "/acknowledgement")
        .header("Authorization", basic("liaison1", "demo"))).andExpect(status().isAccepted());
    cases.runJobs(first.getId());
    assertThat(first).isEnded().hasPassed("Task_PrepareClosingUpdate", "EndEvent_TrackClosed")
        .hasNotPassed("Task_SendReopenUpdate");
    MimeMessage update = onlyMail(CABINET_OFFICE, "続報");
    String text = body(update);
    // each half in its own language: the bilingual update is not repeated in both
    assertThat(text.substring(0, text.indexOf("-----"))).contains("続報: 取扱いを終了しました（取りやめ）")
        .doesNotContain("handling was discontinued");
    assertThat(text.substring(text.indexOf("-----"))).contains("handling was discontinued")
        .doesNotContain("取扱いを終了しました");
    assertThat(subject(update)).contains("続報: 取扱いを終了しました（取りやめ） / Update to our notice")
        .doesNotContain("handling was discontinued");
    assertThat(body(onlyMail(CABINET_OFFICE, "脆弱性に関する通知"))).contains(tn);
  }

  @Test
  void missedDeadlineRemindsEscalatesAndRecordsTheLateNotice() {
    ProcessInstance receipt = verified("ACTIVE");
    String tn = receipt.getBusinessKey();
    ProcessInstance gov = recognisedAsNotifiable(tn);
    GovernmentNotification n = notices.get(tn);

    Job halfway = timer(gov, "BoundaryEvent_NoticeHalfway");
    Job eighty = timer(gov, "BoundaryEvent_NoticeEightyPercent");
    Job due = timer(gov, "BoundaryEvent_NoticeDeadline");
    assertThat(halfway.getDuedate().toInstant()).isEqualTo(n.recognisedAt().plusHours(12).toInstant());
    assertThat(eighty.getDuedate().toInstant())
        .isEqualTo(n.recognisedAt().toInstant().plus(Duration.ofMinutes(24 * 60 * 8 / 10)));
    assertThat(due.getDuedate().toInstant()).isEqualTo(n.deadlineAt().toInstant());

    management.executeJob(halfway.getId());
    management.executeJob(eighty.getId());
    cases.runJobs(gov.getId());
    List<MimeMessage> reminders = mailsTo(GREEN_MAIL.getReceivedMessages(), "liaison1@localhost").stream()
        .filter(m -> subject(m).contains("通知期限が近づいています")).toList();
    assertThat(reminders).hasSize(2);
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), "liaison2@localhost")).hasSize(2);

    clock.advance(Duration.ofHours(30));
    management.executeJob(due.getId());
    cases.runJobs(gov.getId());
    assertThat(notices.get(tn).overdueFlaggedAt()).isNotNull();
    assertThat(body(onlyMail("manager1@localhost", "期限超過"))).contains(tn);
    Task escalation = taskService.createTaskQuery().processInstanceId(gov.getId()).taskDefinitionKey("Task_ManagerEscalation")
        .singleResult();
    assertThat(escalation).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(escalation.getId()))
        .anyMatch(l -> "manager".equals(l.getGroupId()));

    // the notice can still go, and its lateness is recorded
    draftAndApprove(gov, "liaison1", "liaison2", VENDOR);
    GovernmentNotification late = notices.get(tn);
    assertThat(late.onTime()).isFalse();
    assertThat(late.lateBySeconds()).isGreaterThanOrEqualTo(Duration.ofHours(6).getSeconds());
  }

  @Test
  void theApproverApprovesExactlyWhatItSawAndAChangeAfterApprovalNeedsANewApproval() throws Exception {
    ProcessInstance receipt = verified("SUSPECTED");
    String tn = receipt.getBusinessKey();
    ProcessInstance gov = recognisedAsNotifiable(tn);
    Task drafting = cases.task(gov);
    assertThat(drafting.getTaskDefinitionKey()).isEqualTo("Task_DraftNotice");
    // the drafter sees the grounds as decided, the deadline and time left, the text and CSAF as they will be sent
    assertThat(taskService.getVariable(drafting.getId(), "noticeGroundsText")).asString()
        .contains("通知の根拠: ", "（analyst1）", "基準の評価どおりの判断です。");
    assertThat(taskService.getVariable(drafting.getId(), "noticeDeadlineText")).asString()
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（JST）まで（この作業の開始時点で残り 2[34] 時間 \\d+ 分）");
    String prefilled = taskService.getVariable(drafting.getId(), "noticeText").toString();
    assertThat(prefilled).contains(tn, "内閣府", "Dear", "TLP:AMBER").doesNotContain("{{");
    JsonNode preview = mapper.readTree(taskService.getVariable(drafting.getId(), "csafPreview").toString());
    assertThat(preview.at("/document/tracking/id").asText()).isEqualTo(tn);
    assertThat(validator.problems(preview)).isEmpty();

    // the drafter edits the text and chooses TLP:RED: the text states it
    Map<String, Object> draft = new HashMap<>(draft(VENDOR));
    draft.put("tlp", "RED");
    draft.put("noticeText", prefilled.replace("受領の確認をお願いいたします。", "受領の確認を本日中にお願いいたします。"));
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", draft);
    Task review = cases.task(gov);
    String approvedText = taskService.getVariable(review.getId(), "noticeText").toString();
    assertThat(approvedText).contains("本日中に", "TLP:RED").doesNotContain("TLP:AMBER");
    assertThat(mapper.readTree(taskService.getVariable(review.getId(), "csafPreview").toString())
        .at("/document/distribution/tlp/label").asText()).isEqualTo("RED");

    // the text changes while the approver looks at it: approving what was shown is refused
    runtimeService.setVariable(gov.getId(), "noticeText", approvedText + "\n追記");
    assertThatThrownBy(() -> cases.completeAs("liaison2", "liaison", gov, "Task_ReviewNotice",
        Map.of("reviewOutcome", "APPROVE")))
        .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("内容が変わりました");
    runtimeService.setVariable(gov.getId(), "noticeText", approvedText);
    identity.setAuthentication("liaison2", List.of("liaison"));
    try {
      taskService.claim(review.getId(), "liaison2");
      taskService.complete(review.getId(), Map.of("reviewOutcome", "APPROVE"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(notices.get(tn).approvedBy()).isEqualTo("liaison2");

    // the draft changes after the approval, before sending: nothing is sent, drafting and approval start again
    runtimeService.setVariable(gov.getId(), "noticeText", approvedText + "\n承認後の変更");
    cases.runJobs(gov.getId());
    assertThat(gov).isWaitingAt("Task_DraftNotice");
    assertThat(notices.get(tn).approvedBy()).isNull();
    assertThat(notices.get(tn).sentAt()).isNull();
    assertThat(GREEN_MAIL.getReceivedMessages()).noneMatch(m -> subject(m).contains("脆弱性に関する通知"));

    // approved again: exactly the approved text goes out, with the CSAF document that was shown
    Map<String, Object> again = new HashMap<>(draft(VENDOR));
    again.put("tlp", "RED");
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", again);
    Task second = cases.task(gov);
    JsonNode shown = mapper.readTree(taskService.getVariable(second.getId(), "csafPreview").toString());
    cases.completeAs("liaison2", "liaison", gov, "Task_ReviewNotice", Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
    MimeMessage notice = onlyMail(CABINET_OFFICE, "脆弱性に関する通知");
    assertThat(body(notice).strip()).isEqualTo((approvedText + "\n承認後の変更").strip());
    JsonNode sent = attachment(notice, tn + ".csaf.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode) sent.get("document")).remove("tracking");
    ((com.fasterxml.jackson.databind.node.ObjectNode) shown.get("document")).remove("tracking");
    assertThat(sent).isEqualTo(shown);
  }

  @Test
  void theDrafterCannotApprove() {
    ProcessInstance receipt = verified("ACTIVE");
    ProcessInstance gov = cases.government(receipt.getBusinessKey());
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    cases.completeAs("liaison1", "liaison", gov, draft(VENDOR));
    Task review = cases.task(gov);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewNotice");

    assertThatThrownBy(() -> taskService.claim(review.getId(), "liaison1")).hasMessageContaining("承認できません");
    identity.setAuthentication("liaison1", List.of("liaison"));
    try {
      assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("reviewOutcome", "APPROVE")))
          .hasMessageContaining("cannot approve");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(gov).isWaitingAt("Task_ReviewNotice");
    assertThat(notices.get(receipt.getBusinessKey()).approvedBy()).isNull();
    assertThat(GREEN_MAIL.getReceivedMessages()).noneMatch(m -> subject(m).contains("脆弱性に関する通知"));

    cases.completeAs("liaison2", "liaison", gov, Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
    assertThat(notices.get(receipt.getBusinessKey()).approvedBy()).isEqualTo("liaison2");
  }

  @Test
  void reevaluationRecognisesAgainAndNotifies() throws Exception {
    ProcessInstance receipt = verified("NONE");
    String tn = receipt.getBusinessKey();
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    assertThat(receipt).isWaitingAt("CallActivity_Coordination");
    assertThat(notices.get(tn).status()).isEqualTo("NOT_REQUIRED");

    // new facts (e.g. exploitation observed) make liaison ask for a re-evaluation
    mvc.perform(post("/api/government-notifications/" + tn + "/reevaluation").header("Authorization", basic("liaison1", "demo")))
        .andExpect(status().isCreated());
    mvc.perform(post("/api/government-notifications/" + tn + "/reevaluation").header("Authorization", basic("liaison1", "demo")))
        .andExpect(status().isConflict());
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).isWaitingAt("Task_Recognition").variables().containsEntry("governmentTrigger", "REEVALUATION")
        .containsEntry("cvssSeverity", "CRITICAL");
    assertThat(notices.get(tn).status()).isEqualTo("RECOGNITION_PENDING");
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE",
        "overrideReason", "悪用を確認したとの情報を JPCERT/CC から受領"));
    draftAndApprove(gov, "liaison1", "liaison2", "");
    assertThat(notices.get(tn).status()).isEqualTo("NOTIFIED");

    // acknowledged by phone, entered by staff
    cases.completeAs("liaison2", "liaison", gov, "Task_AwaitAcknowledgement",
        Map.of("acknowledgementNote", "11:00 電話で受領を確認"));
    assertThat(notices.get(tn).acknowledgedVia()).isEqualTo("STAFF");
    assertThat(gov).isWaitingAt("Gateway_AwaitCaseChange");
  }

  // --- helpers

  /** A product report accepted and verified with the given exploitation status (CVSS 9.8). */
  /** What the coordinators' 製品開発者の特定 shows as the notice's status (the form's read-only field). */
  private Object noticeStatusShownToCoordination(String tn) {
    Task identify = taskService.createTaskQuery().processInstanceBusinessKey(tn)
        .taskDefinitionKey("Task_IdentifyDevelopers").singleResult();
    assertThat(identify).as("製品開発者の特定 of " + tn).isNotNull();
    // a case with a notifiable recognition or exploitation is never preset to low impact (no publication)
    assertThat(taskService.getVariable(identify.getId(), "lowImpact")).isEqualTo(false);
    return taskService.getVariable(identify.getId(), "governmentNoticeStatusLabel");
  }

  private ProcessInstance verified(String exploitation) {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    cases.complete(pi, Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "exploitationStatus", exploitation, "affectedVersions", "4.2.0 - 4.2.7",
        "ssvcAutomatable", "no", "ssvcTechnicalImpact", "partial", "ssvcMissionImpact", "low"));
    assertThat(pi).hasPassed("Task_GovernmentAfterVerification");
    return pi;
  }

  /** The case's government track after analyst1 recognised it as notifiable. */
  private ProcessInstance recognisedAsNotifiable(String trackingNumber) {
    ProcessInstance gov = cases.government(trackingNumber);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    return gov;
  }

  /** The draft's fields: TLP and the address liaison types (used only when no developer is identified). */
  private static Map<String, Object> draft(String vendor) {
    Map<String, Object> v = new HashMap<>();
    v.put("tlp", "AMBER");
    v.put("vendorContactEmail", vendor);
    return v;
  }

  private void draftAndApprove(ProcessInstance gov, String drafter, String reviewer, String vendor) {
    cases.completeAs(drafter, "liaison", gov, "Task_DraftNotice", draft(vendor));
    cases.completeAs(reviewer, "liaison", gov, "Task_ReviewNotice", Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
  }

  private MimeMessage onlyMail(String address, String subjectPart) {
    List<MimeMessage> mails = mailsTo(GREEN_MAIL.getReceivedMessages(), address).stream()
        .filter(m -> subject(m).contains(subjectPart)).toList();
    assertThat(mails).as("mail to %s about %s", address, subjectPart).hasSize(1);
    return mails.get(0);
  }

  private JsonNode attachment(MimeMessage m, String fileName) throws Exception {
    Multipart multipart = (Multipart) m.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (fileName.equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return mapper.readTree(in);
        }
      }
    }
    throw new AssertionError("no attachment " + fileName);
  }
}
