package jp.vulnreport.process;

import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.verification.CvssService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing verification (検証): the CVSS vector must be valid; its score and severity are
 * computed, stored on the case and set as variables. An invalid vector refuses the completion, so
 * Tasklist shows the error and the task stays open.
 */
@Component("verificationListener")
public class VerificationListener implements TaskListener {

  static final Set<String> EXPLOITATION = Set.of("NONE", "PUBLIC_POC", "SUSPECTED", "ACTIVE");

  private final CvssService cvss;
  private final CaseRegister register;

  public VerificationListener(CvssService cvss, CaseRegister register) {
    this.cvss = cvss;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    var result = cvss.evaluate(Variables.string(task, "cvssVector"));
    String exploitation = Variables.required(task, "exploitationStatus");
    if (!EXPLOITATION.contains(exploitation)) {
      throw new IllegalArgumentException("exploitationStatus must be one of " + EXPLOITATION + ", not " + exploitation);
    }
    task.getExecution().setVariable("cvssVector", result.vector());
    task.getExecution().setVariable("cvssScore", result.baseScore().doubleValue());
    task.getExecution().setVariable("cvssSeverity", result.severity());
    register.markVerified(Variables.trackingNumber(task), result.vector(), result.baseScore(), exploitation,
        Actors.of(task));
  }
}
