package jp.vulnreport.process;

import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.verification.CvssService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing verification (検証): the CVSS vector must be valid; its score and severity are
 * computed, stored on the case and set as variables. An invalid vector refuses the completion as a
 * person-fixable error (400 with the message in Tasklist; the form's pattern catches most before).
 */
@Component("verificationListener")
public class VerificationListener implements TaskListener {

  static final Set<String> EXPLOITATION = Set.of("NONE", "PUBLIC_POC", "SUSPECTED", "ACTIVE");

  private final CvssService cvss;
  private final CaseRegister register;
  private final jp.vulnreport.government.CriteriaFacts criteriaFacts;

  public VerificationListener(CvssService cvss, CaseRegister register,
      jp.vulnreport.government.CriteriaFacts criteriaFacts) {
    this.cvss = cvss;
    this.register = register;
    this.criteriaFacts = criteriaFacts;
  }

  @Override
  public void notify(DelegateTask task) {
    CvssService.CvssResult result;
    try {
      result = cvss.evaluate(Variables.string(task, "cvssVector"));
    } catch (CvssService.InvalidCvssVectorException e) {
      throw PersonFixable.error("cvssVector", e.getMessage(), e);
    }
    String exploitation = Variables.required(task, "exploitationStatus");
    if (!EXPLOITATION.contains(exploitation)) {
      throw PersonFixable.error("exploitationStatus", "悪用状況を選択肢から選んでください / exploitationStatus must be one of "
          + EXPLOITATION + ", not " + exploitation);
    }
    task.getExecution().setVariable("cvssVector", result.vector());
    task.getExecution().setVariable("cvssScore", result.baseScore().doubleValue());
    task.getExecution().setVariable("cvssSeverity", result.severity());
    task.getExecution().setVariable("cvssSummary", summary(result));
    register.markVerified(Variables.trackingNumber(task), result.vector(), result.baseScore(), exploitation,
        Actors.of(task));
    // the criteria's facts recorded here (critical infrastructure, breadth estimate, fix availability)
    // stay in the register for evaluations made after the case's processes ended
    java.util.Map<String, Object> facts = new java.util.HashMap<>();
    for (String name : java.util.List.of("criticalInfrastructure", "affectedDeveloperCount", "fixAvailable")) {
      facts.put(name, task.getVariable(name));
    }
    criteriaFacts.record(Variables.trackingNumber(task), facts);
  }

  /** Score and severity as later forms show them, e.g. "9.8 緊急（CRITICAL） — CVSS:3.1/…". */
  static String summary(CvssService.CvssResult r) {
    return r.baseScore().toPlainString() + " " + severityLabel(r.severity()) + " — " + r.vector();
  }

  /** The severity in Japanese (JVN's words) with the CVSS name. */
  static String severityLabel(String severity) {
    return switch (severity) {
      case "NONE" -> "なし（NONE）";
      case "LOW" -> "注意（LOW）";
      case "MEDIUM" -> "警告（MEDIUM）";
      case "HIGH" -> "重要（HIGH）";
      case "CRITICAL" -> "緊急（CRITICAL）";
      default -> severity;
    };
  }
}
