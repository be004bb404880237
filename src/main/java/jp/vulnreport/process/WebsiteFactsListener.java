package jp.vulnreport.process;

import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing 内容確認 for a website: a website gets no CVSS verification, so the facts the
 * government-notification criteria need are recorded here — exploitation status, estimated
 * severity (websiteSeverity), whether personal data of many people is exposed
 * (personalDataExposed) and whether the site serves critical infrastructure or a public service
 * (criticalServiceExposed). The website path's criteria evaluation reads these variables
 * (CallActivity_GovernmentAfterWebsite passes all variables). Other categories: nothing to do.
 */
@Component("websiteFactsListener")
public class WebsiteFactsListener implements TaskListener {

  static final Set<String> SEVERITY = Set.of("NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");

  private final CaseRegister register;
  private final jp.vulnreport.government.CriteriaFacts criteriaFacts;

  public WebsiteFactsListener(CaseRegister register, jp.vulnreport.government.CriteriaFacts criteriaFacts) {
    this.register = register;
    this.criteriaFacts = criteriaFacts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!"WEBSITE".equals(Variables.string(task, "category"))) {
      return;
    }
    String exploitation = Variables.string(task, "exploitationStatus");
    if (exploitation == null || !VerificationListener.EXPLOITATION.contains(exploitation)) {
      throw PersonFixable.error("exploitationStatus",
          "ウェブサイトの悪用状況を選んでください / choose the website's exploitation status");
    }
    String severity = Variables.string(task, "websiteSeverity");
    if (severity == null || !SEVERITY.contains(severity)) {
      throw PersonFixable.error("websiteSeverity",
          "ウェブサイトの深刻度（推定）を選んでください / choose the website's estimated severity");
    }
    boolean personal = Boolean.TRUE.equals(task.getVariable("personalDataExposed"));
    boolean critical = Boolean.TRUE.equals(task.getVariable("criticalServiceExposed"));
    task.getExecution().setVariable("exploitationStatus", exploitation);
    task.getExecution().setVariable("websiteSeverity", severity);
    task.getExecution().setVariable("personalDataExposed", personal);
    task.getExecution().setVariable("criticalServiceExposed", critical);
    register.recordWebsiteFacts(Variables.trackingNumber(task), exploitation,
        "exploitation " + exploitation + ", estimated severity " + severity + ", personal data exposed " + personal
            + ", critical service " + critical, Actors.of(task));
    // kept in the register for evaluations made after the case's processes ended
    criteriaFacts.record(Variables.trackingNumber(task), java.util.Map.of("websiteSeverity", severity,
        "personalDataExposed", personal, "criticalServiceExposed", critical));
  }
}
