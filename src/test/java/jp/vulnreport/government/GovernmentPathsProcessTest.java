package jp.vulnreport.government;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static jp.vulnreport.support.Cases.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.cases.CaseDossier;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.cases.NonAcceptanceReason;
import jp.vulnreport.government.GovernmentEvaluations.Evaluation;
import jp.vulnreport.government.GovernmentEvaluations.Outcome;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import jp.vulnreport.website.WebsiteCommands;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, "on every path" and "every notice closes": the criteria are evaluated and recorded on
 * every end of a case and when coordination identifies the developers; a duplicate of a notified case
 * is linked, not notified twice; every end of a case sends the notice's closing update and ends the
 * track, and no receipt waits behind a track. Driven as staff would.
 */
class GovernmentPathsProcessTest extends IntegrationTest {

  static final String CABINET_OFFICE = "cabinet-office@localhost";

  @Autowired Cases cases;
  @Autowired GovernmentNotices notices;
  @Autowired GovernmentEvaluations evaluations;
  @Autowired GovernmentCommands government;
  @Autowired CaseRegister register;
  @Autowired CaseCommands caseCommands;
  @Autowired CaseDossier dossier;
  @Autowired WebsiteCommands website;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired jp.vulnreport.coordination.DeveloperRegistry registry;

  /**
   * Each non-acceptance reason reaches the criteria and the evaluation is recorded. With exploitation
   * recorded before the close (ACTIVE: notifiable whatever else is known) the track starts at
   * recognition; without any facts to judge on the case is recorded as such (no track), except the
   * reasons an analyst always looks at (specification-level flaw, out of scope).
   */
  @ParameterizedTest(name = "{0} with exploitation {1}")
  @CsvSource({
      "NOT_A_VULNERABILITY, ACTIVE, TRACK_STARTED",
      "OUT_OF_SCOPE, ACTIVE, TRACK_STARTED",
      "KNOWN_OR_DUPLICATE, ACTIVE, TRACK_STARTED",
      "INSUFFICIENT_INFORMATION, ACTIVE, TRACK_STARTED",
      "SPECIFICATION_CRYPTO_PROTOCOL, ACTIVE, TRACK_STARTED",
      "WITHDRAWN, ACTIVE, TRACK_STARTED",
      "NOT_A_VULNERABILITY, , INSUFFICIENT_FACTS",
      "OUT_OF_SCOPE, , TRACK_STARTED",
      "KNOWN_OR_DUPLICATE, , INSUFFICIENT_FACTS",
      "INSUFFICIENT_INFORMATION, , INSUFFICIENT_FACTS",
      "SPECIFICATION_CRYPTO_PROTOCOL, , TRACK_STARTED",
      "WITHDRAWN, , INSUFFICIENT_FACTS"})
  void everyNonAcceptanceReasonReachesTheCriteria(NonAcceptanceReason reason, String exploitation, Outcome expected) {
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> { });
    String tn = receipt.getBusinessKey();
    if (exploitation != null) {
      // recorded before the close (as intake records the discoverer's OBSERVED, or an analyst would)
      runtime.setVariable(receipt.getId(), "exploitationStatus", exploitation);
    }
    notAccept(receipt, reason);

    assertThat(register.get(tn).nonAcceptanceReason()).isEqualTo(reason);
    assertThat(receipt).isEnded().hasPassed("Task_GovernmentAfterNonAcceptance", "EndEvent_NotAccepted");
    Evaluation e = single(evaluations.forCase(tn));
    assertThat(e.path()).isEqualTo("NOT_ACCEPTED");
    assertThat(e.pathDetail()).isEqualTo(reason.name());
    assertThat(e.criteriaNotifiable()).isEqualTo(exploitation != null);
    assertThat(e.outcome()).isEqualTo(expected);
    assertThat(e.evaluatedAt()).isNotNull();
    assertThat(register.timeline(tn)).anyMatch(ev -> ev.type().equals("GOVERNMENT_CRITERIA_EVALUATED"));
    ProcessInstance gov = cases.government(tn);
    if (expected == Outcome.TRACK_STARTED) {
      assertThat(gov).isWaitingAt("Task_Recognition").variables().containsEntry("governmentTrigger", "NOT_ACCEPTED")
          .containsEntry("criteriaNotifiable", exploitation != null);
      assertThat(notices.get(tn).openedOn()).isEqualTo("NOT_ACCEPTED");
    } else {
      assertThat(gov).isNull();
      assertThat(notices.find(tn)).isEmpty();
      assertThat(e.factsSufficient()).isFalse();
    }
    // the dossier shows the evaluation in Japanese
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shown = (List<Map<String, Object>>) dossier.dossier(tn, List.of("liaison"))
        .get("governmentEvaluations");
    assertThat(shown).singleElement().satisfies(m -> {
      assertThat((String) m.get("pathLabel")).startsWith("不受理（");
      assertThat(m.get("resultLabel")).isEqualTo(exploitation != null ? "基準に該当（通知対象）"
          // a specification-level flaw is a fact the table judges on; with nothing else, no criterion is met
          : reason == NonAcceptanceReason.SPECIFICATION_CRYPTO_PROTOCOL ? "基準に該当せず" : "判断材料なし");
      assertThat(m.get("outcomeLabel")).isEqualTo(expected.ja());
    });
  }

  @Test
  void aDuplicateOfANotifiedCaseIsLinkedToThatNoticeNotNotifiedAgain() {
    ProcessInstance first = verified("ACTIVE");
    String original = first.getBusinessKey();
    ProcessInstance gov = cases.government(original);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    draftAndApprove(gov);
    government.acknowledged(original);
    cases.runJobs(gov.getId());
    assertThat(gov).isWaitingAt("Gateway_AwaitCaseChange");
    assertThat(notices.get(original).status()).isEqualTo("ACKNOWLEDGED");

    // the same vulnerability again, exploited as well: staff mark it a duplicate of the notified case
    ProcessInstance second = cases.atFormalCheck("report-product", n -> { });
    String duplicate = second.getBusinessKey();
    runtime.setVariable(second.getId(), "exploitationStatus", "ACTIVE");
    cases.complete(second, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> v = substantive(true, true, true, false, "SOFTWARE_PRODUCT");
    v.put("duplicateOf", "受付番号 " + original + " と同じ");
    cases.complete(second, v);
    cases.runJobs(gov.getId());

    Evaluation e = single(evaluations.forCase(duplicate));
    assertThat(e.outcome()).isEqualTo(Outcome.LINKED_TO_NOTICE);
    assertThat(e.linkedTrackingNumber()).isEqualTo(original);
    assertThat(e.criteriaNotifiable()).isTrue();
    // no second track, no second notice row, no second notice mail
    assertThat(cases.government(duplicate)).isNull();
    assertThat(notices.find(duplicate)).isEmpty();
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), CABINET_OFFICE).stream()
        .filter(m -> subject(m).contains("脆弱性に関する通知"))).hasSize(1);
    // the original notice hears of it as an update
    MimeMessage update = onlyMail("続報");
    assertThat(body(update)).contains(duplicate);
    assertThat(register.timeline(original)).anyMatch(ev -> ev.type().equals("GOVERNMENT_DUPLICATE_LINKED")
        && duplicate.equals(ev.detail()));
    // both dossiers show the link
    assertThat(evaluationsShown(duplicate)).anyMatch(m -> original.equals(m.get("linkedTrackingNumber"))
        && "重複先の通知に紐づけ（二重には通知しない）".equals(m.get("outcomeLabel")));
    assertThat(evaluationsShown(original)).anyMatch(m -> duplicate.equals(m.get("linkedTrackingNumber"))
        && ((String) m.get("pathLabel")).contains(duplicate));
  }

  @Test
  void aNotAcceptedNotifiableCaseIsNotifiedAndItsNoticeClosed() {
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> { });
    String tn = receipt.getBusinessKey();
    runtime.setVariable(receipt.getId(), "exploitationStatus", "ACTIVE");
    notAccept(receipt, NonAcceptanceReason.OUT_OF_SCOPE);
    assertThat(receipt).isEnded();
    ProcessInstance gov = cases.government(tn);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    draftAndApprove(gov);
    assertThat(notices.get(tn).status()).isEqualTo("NOTIFIED");
    // acknowledged: the case had ended (not accepted) before, so the closing update follows at once
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    assertThat(gov).isEnded().hasPassed("Task_PrepareClosingUpdate", "Task_SendClosingUpdate", "EndEvent_TrackClosed");
    assertThat(body(onlyMail("続報"))).contains("不受理として取扱いを終了しました", "対象範囲外");
    assertNothingLeftWaiting(tn);
  }

  @Test
  void aDiscontinuedCaseWhoseNoticeWaitsForTheCaseGetsTheClosingUpdateAtOnce() {
    ProcessInstance receipt = verified("ACTIVE");
    String tn = receipt.getBusinessKey();
    ProcessInstance gov = cases.government(tn);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    draftAndApprove(gov);
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    assertThat(gov).isWaitingAt("Gateway_AwaitCaseChange");

    caseCommands.discontinue(tn, "製品の提供が終了したため", "manager1");
    cases.runJobs(receipt.getId());
    cases.runJobs(gov.getId());
    assertThat(gov).isEnded().hasPassed("Event_CaseClosed", "Task_SendClosingUpdate", "EndEvent_TrackClosed")
        .hasNotPassed("Task_PrepareClosingUpdate");
    assertThat(body(onlyMail("続報"))).contains("取扱いを終了しました（取りやめ）");
    assertThat(notices.get(tn).updatesSent()).isEqualTo(1);
    assertThat(evaluations.forCase(tn)).extracting(Evaluation::path).containsExactly("ACCEPTED", "DISCONTINUED");
    assertNothingLeftWaiting(tn);
  }

  @Test
  void aClosedWebsiteCaseClosesItsNotice() {
    ProcessInstance receipt = cases.atFormalCheck("report-website", n -> { });
    String tn = receipt.getBusinessKey();
    cases.complete(receipt, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(receipt, substantive(true, true, false, false, "WEBSITE"));
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).isWaitingAt("Task_Recognition");
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE",
        "overrideReason", "自治体の住民情報サイトで個人情報が漏えいするおそれ"));
    draftAndApprove(gov);
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    assertThat(gov).isWaitingAt("Gateway_AwaitCaseChange");

    ProcessInstance site = runtime.createProcessInstanceQuery().processDefinitionKey("WebsiteVulnerabilityReport")
        .processInstanceBusinessKey(tn).singleResult();
    cases.completeAs("receipt1", "receipt", site, Map.of("operatorContactEmail", "info@shop.example.jp",
        "operatorContactSource", "サイトの「お問い合わせ」ページ", "operatorKind", "LOCAL_GOVERNMENT"));
    website.nameContactPoint(tn, "Web 担当", "web@shop.example.jp");
    cases.runJobs(site.getId());
    website.respond(tn, WebsiteCommands.ResponseType.DISPUTED, "仕様です");
    cases.completeAs("receipt1", "receipt", site, Map.of("reviewOutcome", "DISPUTED",
        "reviewNote", "運営者は対応しない", "websiteFixKind", "OPERATOR_HANDLING"));
    cases.runJobs(receipt.getId());
    cases.runJobs(gov.getId());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.WEBSITE_DISPUTED);
    assertThat(gov).isEnded().hasPassed("Task_SendClosingUpdate", "EndEvent_TrackClosed");
    assertThat(body(onlyMail("続報"))).contains(CaseState.WEBSITE_DISPUTED.ja());
    // the end of website handling is a path of its own: the criteria were evaluated there too
    assertThat(evaluations.forCase(tn)).extracting(Evaluation::path, Evaluation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("CLOSED", Outcome.TRACK_RUNNING));
    assertNothingLeftWaiting(tn);
  }

  @Test
  void identifyingThreeDevelopersOfASevereCaseStartsTheTrack() {
    ProcessInstance coordination = cases.atDeveloperIdentification();
    String tn = coordination.getBusinessKey();
    assertThat(notices.get(tn).status()).isEqualTo("NOT_REQUIRED");
    assertThat(cases.government(tn)).isNull();

    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen("sample-soft, kakuu-joho, rei-network"), "lowImpact", false,
            "lowImpactConfirmed", false));
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).isWaitingAt("Task_Recognition").variables().containsEntry("governmentTrigger", "BREADTH")
        .containsEntry("affectedDeveloperCount", 3).containsEntry("criteriaNotifiable", true);
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaGrounds")).contains("多数の開発者・製品に影響");
    // judged not notifiable before: recognised anew
    assertThat(notices.get(tn).status()).isEqualTo("RECOGNITION_PENDING");
    Evaluation e = evaluations.forCase(tn).stream().filter(x -> x.path().equals("BREADTH")).findFirst().orElseThrow();
    assertThat(e.outcome()).isEqualTo(Outcome.TRACK_STARTED);
    assertThat(e.criteriaNotifiable()).isTrue();
    assertThat(e.pathDetail()).isEqualTo("developers 3");
  }

  @Test
  void identifyingTwoDevelopersChangesNothingButIsRecorded() {
    ProcessInstance coordination = cases.atDeveloperIdentification();
    String tn = coordination.getBusinessKey();
    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen("sample-soft, kakuu-joho"), "lowImpact", false, "lowImpactConfirmed", false));
    assertThat(cases.government(tn)).isNull();
    assertThat(notices.get(tn).status()).isEqualTo("NOT_REQUIRED");
    assertThat(evaluations.forCase(tn)).extracting(Evaluation::path, Evaluation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("BREADTH", Outcome.NOT_NOTIFIABLE));
  }

  @Test
  void sbomMatchesThatAddDownstreamDevelopersLaterStartTheTrack() {
    // a product of its own (no other test's registry entries match it, and these do not match theirs)
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> n.with("product").put("name", "PathsCMS")
        .put("purl", "pkg:maven/jp.example/pathscms@1.0.3").put("cpe", "cpe:2.3:a:example:pathscms:1.0.3:*:*:*:*:*:*:*"));
    String tn = receipt.getBusinessKey();
    cases.throughVerification(receipt, "NONE");
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(tn).singleResult();
    // one developer identified
    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", chosen("sample-soft"), "lowImpact", false, "lowImpactConfirmed", false));
    assertThat(cases.government(tn)).isNull();

    // two products registered later ship PathsCMS (their SBOMs say so): breadth 2, then 3
    registry.save(downstream("paths-later-one"));
    assertThat(cases.government(tn)).isNull();
    assertThat(evaluations.forCase(tn)).extracting(Evaluation::pathDetail, Evaluation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("developers 2", Outcome.NOT_NOTIFIABLE));
    registry.save(downstream("paths-later-two"));
    ProcessInstance gov = cases.government(tn);
    assertThat(gov).isWaitingAt("Task_Recognition").variables().containsEntry("governmentTrigger", "BREADTH")
        .containsEntry("affectedDeveloperCount", 3);
    assertThat(evaluations.forCase(tn)).extracting(Evaluation::pathDetail, Evaluation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("developers 3", Outcome.TRACK_STARTED));
    assertThat(register.timeline(tn)).anyMatch(ev -> ev.type().equals("SBOM_DOWNSTREAM_MATCHED")
        && "paths-later-two".equals(ev.detail()));
    // saving a developer again finds nothing new: no second evaluation
    int evaluated = evaluations.forCase(tn).size();
    registry.save(downstream("paths-later-two"));
    assertThat(evaluations.forCase(tn)).hasSize(evaluated);
  }

  // --- helpers

  /** A developer whose product's SBOM contains PathsCMS. */
  private static jp.vulnreport.coordination.DeveloperRegistry.Developer downstream(String id) {
    String sbom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "metadata": {"component": {"type": "application", "name": "%s portal", "version": "1.0"}},
         "components": [{"type": "library", "name": "pathscms", "version": "1.0.1",
           "purl": "pkg:maven/jp.example/pathscms@1.0.1"}]}""".formatted(id);
    return new jp.vulnreport.coordination.DeveloperRegistry.Developer(id, id + " 株式会社",
        jp.vulnreport.coordination.DeveloperRegistry.RegistrationType.GENERAL, List.of("psirt@" + id + ".example.jp"),
        null, List.of(new jp.vulnreport.coordination.DeveloperRegistry.Product(null, id + " portal",
            "pkg:maven/jp.example." + id + "/portal@1.0", null, sbom)));
  }

  /** Brings a report at the formal check to non-acceptance for {@code reason}, as staff (or the timer) would. */
  private void notAccept(ProcessInstance receipt, NonAcceptanceReason reason) {
    if (reason == NonAcceptanceReason.INSUFFICIENT_INFORMATION) {
      cases.complete(receipt, Map.of("formalCheckOutcome", "CLARIFICATION", "clarificationQuestions", "PoC を添付してください。"));
      Job cutoff = management.createJobQuery().processInstanceId(receipt.getId()).timers()
          .activityId("BoundaryEvent_ClarificationCutoff").singleResult();
      management.executeJob(cutoff.getId());
      cases.runJobs(receipt.getId());
      return;
    }
    cases.complete(receipt, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(receipt, switch (reason) {
      case NOT_A_VULNERABILITY -> substantive(false, true, false, false, "SOFTWARE_PRODUCT");
      case OUT_OF_SCOPE -> substantive(true, false, false, false, "SOFTWARE_PRODUCT");
      case KNOWN_OR_DUPLICATE -> substantive(true, true, true, false, "SOFTWARE_PRODUCT");
      case SPECIFICATION_CRYPTO_PROTOCOL -> substantive(true, true, false, false, "SPECIFICATION_CRYPTO_PROTOCOL");
      case WITHDRAWN -> substantive(true, true, false, true, "SOFTWARE_PRODUCT");
      default -> throw new IllegalArgumentException(reason.name());
    });
  }

  private static Map<String, Object> substantive(boolean vulnerability, boolean inScope, boolean duplicate,
      boolean withdrawn, String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("isVulnerability", vulnerability);
    v.put("inScope", inScope);
    v.put("knownOrDuplicate", duplicate);
    v.put("withdrawn", withdrawn);
    v.put("category", category);
    if (category.equals("SOFTWARE_PRODUCT")) {
      v.put("productKind", "WEB_APPLICATION");
    }
    if (category.equals("WEBSITE")) {
      // a website's facts for the criteria, asked at substantive check (not notifiable by themselves)
      v.put("exploitationStatus", "NONE");
      v.put("websiteSeverity", "MEDIUM");
      v.put("personalDataExposed", false);
      v.put("criticalServiceExposed", false);
    }
    return v;
  }

  /** A product report accepted and verified (CVSS 9.8) with the given exploitation status. */
  private ProcessInstance verified(String exploitation) {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.throughVerification(pi, exploitation);
    return pi;
  }

  private void draftAndApprove(ProcessInstance gov) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("tlp", "AMBER");
    draft.put("vendorContactEmail", "");
    draft.put("zeroDayRequested", false);
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", draft);
    cases.completeAs("liaison2", "liaison", gov, "Task_ReviewNotice", Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
  }

  /** Neither the receipt nor the government track of the case is left running. */
  private void assertNothingLeftWaiting(String tn) {
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("SoftwareVulnerabilityReport")
        .processInstanceBusinessKey(tn).count()).as("receipt of " + tn).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("GovernmentNotification")
        .processInstanceBusinessKey(tn).count()).as("government track of " + tn).isZero();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> evaluationsShown(String tn) {
    return (List<Map<String, Object>>) dossier.dossier(tn, List.of("liaison")).get("governmentEvaluations");
  }

  private MimeMessage onlyMail(String subjectPart) {
    List<MimeMessage> mails = mailsTo(GREEN_MAIL.getReceivedMessages(), CABINET_OFFICE).stream()
        .filter(m -> subject(m).contains(subjectPart)).toList();
    assertThat(mails).as("mail to the Cabinet Office about %s", subjectPart).hasSize(1);
    return mails.get(0);
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static org.camunda.spin.plugin.variable.value.JsonValue chosen(String ids) {
    com.fasterxml.jackson.databind.node.ArrayNode array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    for (String id : ids.split(",\\s*")) {
      array.add(id);
    }
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(array.toString()).create();
  }
}
