package jp.vulnreport.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.exploitation.ExploitationReports;
import jp.vulnreport.government.GovernmentEvaluations.Evaluation;
import jp.vulnreport.government.GovernmentEvaluations.Outcome;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, "every evaluation sees the same facts": the criteria's facts held in process variables
 * (fix availability, critical infrastructure, breadth, a website's facts) are recorded in the
 * register when they are set, and a re-evaluation after the case's processes ended — exploitation
 * information for a closed case — judges on them, not on what the case record alone holds.
 */
class CriteriaFactsReevaluationTest extends IntegrationTest {

  static final String ZERO_DAY = "ゼロデイ攻撃";
  static final String CRITICAL_SERVICE = "重要インフラ・公共サービスを提供するウェブサイト";

  @Autowired Cases cases;
  @Autowired CaseRegister register;
  @Autowired CaseCommands caseCommands;
  @Autowired CriteriaFacts criteriaFacts;
  @Autowired GovernmentEvaluations evaluations;
  @Autowired ExploitationReports exploitation;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  /**
   * A product verified with no fix or workaround and no exploitation known: not notifiable (the
   * analyst says so) and later discontinued — its processes end. Exploitation is then suspected: the
   * re-evaluation sees the recorded "no fix", so the zero-day ground is among its grounds.
   */
  @Test
  void exploitationOfAClosedCaseIsJudgedOnTheFixAvailabilityRecordedAtVerification() {
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> { });
    String tn = receipt.getBusinessKey();
    cases.complete(receipt, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(receipt, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT", "productKind", "WEB_APPLICATION"));
    Map<String, Object> verification = new HashMap<>();
    verification.put("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    verification.put("exploitationStatus", "NONE");
    verification.put("affectedVersions", "4.2.0 - 4.2.7");
    verification.put("ssvcAutomatable", "no");
    verification.put("ssvcTechnicalImpact", "partial");
    verification.put("ssvcMissionImpact", "low");
    verification.put("criticalInfrastructure", false);
    verification.put("affectedDeveloperCount", 1);
    verification.put("fixAvailable", false);
    cases.complete(receipt, verification);
    assertThat(criteriaFacts.variables(tn)).containsEntry("fixAvailable", false)
        .containsEntry("criticalInfrastructure", false).containsEntry("affectedDeveloperCount", 1);

    ProcessInstance gov = cases.government(tn);
    assertThat(runtime.getVariable(gov.getId(), "criteriaNotifiable")).isEqualTo(false);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    caseCommands.discontinue(tn, "製品の提供が終了したため", "manager1");
    cases.runJobs(receipt.getId());
    assertThat(register.get(tn).state()).isEqualTo(CaseState.DISCONTINUED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).list())
        .extracting(ProcessInstance::getProcessDefinitionId)
        .noneMatch(d -> d.startsWith("SoftwareVulnerabilityReport") || d.startsWith("GovernmentNotification"));

    var recorded = exploitation.record(tn, new ExploitationReports.Report("SUSPECTED", "セキュリティベンダーの観測",
        "攻撃の痕跡を観測", register.now(), "AMBER"), "analyst1");
    assertThat(recorded.government()).isEqualTo("TRACK_STARTED");

    Evaluation e = reevaluation(tn);
    assertThat(e.outcome()).isEqualTo(Outcome.TRACK_STARTED);
    assertThat(e.criteriaNotifiable()).isTrue();
    assertThat(e.grounds()).contains("悪用の疑いがある", ZERO_DAY);
    assertThat(e.facts()).contains("修正版・回避策がある: いいえ", "重要インフラ・指定製品で使われている: いいえ",
        "影響する開発者・製品の数: 1");
    ProcessInstance again = cases.government(tn);
    assertThat((String) runtime.getVariable(again.getId(), "criteriaGrounds")).contains(ZERO_DAY);
    assertThat(runtime.getVariable(again.getId(), "criteriaUrgency")).isEqualTo("URGENT");
  }

  /**
   * A website judged at substantive check as a public service with high estimated severity: the
   * website path's evaluation starts the track, the analyst judges it not notifiable (override), and
   * again when the case is discontinued. Exploitation suspected later: the re-evaluation still knows
   * the site's facts recorded at substantive check.
   */
  @Test
  void exploitationOfAClosedWebsiteCaseIsJudgedOnTheWebsiteFactsRecordedAtSubstantiveCheck() {
    ProcessInstance receipt = cases.atFormalCheck("report-website", n -> { });
    String tn = receipt.getBusinessKey();
    cases.complete(receipt, Map.of("formalCheckOutcome", "COMPLETE"));
    Map<String, Object> substantive = new HashMap<>();
    substantive.put("isVulnerability", true);
    substantive.put("inScope", true);
    substantive.put("knownOrDuplicate", false);
    substantive.put("withdrawn", false);
    substantive.put("category", "WEBSITE");
    substantive.put("exploitationStatus", "NONE");
    substantive.put("websiteSeverity", "HIGH");
    substantive.put("personalDataExposed", false);
    substantive.put("criticalServiceExposed", true);
    cases.complete(receipt, substantive);
    assertThat(criteriaFacts.variables(tn)).containsEntry("websiteSeverity", "HIGH")
        .containsEntry("personalDataExposed", false).containsEntry("criticalServiceExposed", true);

    ProcessInstance gov = cases.government(tn);
    assertThat((String) runtime.getVariable(gov.getId(), "criteriaGrounds")).contains(CRITICAL_SERVICE);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOT_NOTIFIABLE",
        "overrideReason", "公開前の検証環境で、利用者はいない"));
    cases.runJobs(gov.getId());
    caseCommands.discontinue(tn, "サイトが閉鎖されたため", "manager1");
    cases.runJobs(receipt.getId());
    assertThat(register.get(tn).closedAt()).isNotNull();
    // the end of the case is a path of its own: the same facts, so recognition is asked again
    ProcessInstance atClose = cases.government(tn);
    assertThat(atClose).isNotNull();
    assertThat((String) runtime.getVariable(atClose.getId(), "criteriaGrounds")).contains(CRITICAL_SERVICE);
    cases.completeAs("analyst1", "analyst", atClose, Map.of("recognitionDecision", "NOT_NOTIFIABLE",
        "overrideReason", "公開前の検証環境で、利用者はいない"));
    cases.runJobs(atClose.getId());
    assertThat(cases.government(tn)).isNull();

    exploitation.record(tn, new ExploitationReports.Report("SUSPECTED", "JPCERT/CC からの情報", null,
        register.now(), "AMBER"), "analyst1");
    Evaluation e = reevaluation(tn);
    assertThat(e.grounds()).contains("悪用の疑いがある", CRITICAL_SERVICE);
    assertThat(e.facts()).contains("重要インフラ・公共サービスのサイト: はい");
  }

  private Evaluation reevaluation(String tn) {
    ProcessInstance track = cases.government(tn);
    assertThat(track).as("the re-evaluation's track of " + tn).isNotNull();
    cases.runJobs(track.getId());
    List<Evaluation> found = evaluations.forCase(tn).stream().filter(x -> x.path().equals("REEVALUATION")).toList();
    assertThat(found).as("re-evaluations of " + tn).hasSize(1);
    return found.get(0);
  }
}
