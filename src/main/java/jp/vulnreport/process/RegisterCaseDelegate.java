package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportValidationException;
import jp.vulnreport.intake.ReportVariables;
import jp.vulnreport.intake.StartFormReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of the receipt process: a case starts only through intake.
 * <ul>
 *   <li>A report from the API or the page was registered by intake moments before, in the same
 *       transaction: the business key is its tracking number and the register row is not yet linked
 *       to any process. Anything else with a business key (a key of the caller's choosing, or the
 *       tracking number of a case that already has its process) is refused.</li>
 *   <li>A report staff typed into the Tasklist start form carries no business key and no tracking
 *       number: it is validated and registered here like any other report (its personal data goes to
 *       the register and leaves the process; the history filter keeps it out of history), and the
 *       tracking number intake assigns becomes the business key.</li>
 * </ul>
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {

  private final IntakeService intake;
  private final CaseRegister register;

  public RegisterCaseDelegate(IntakeService intake, CaseRegister register) {
    this.intake = intake;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null) {
      CaseRecord c = register.find(businessKey).orElseThrow(() -> refused(
          "no case " + businessKey + " was registered by intake"));
      if (c.processInstanceId() != null && !c.processInstanceId().equals(execution.getProcessInstanceId())) {
        throw refused("case " + businessKey + " already has its receipt process");
      }
      // shown in Tasklist's lists and forms; the processes read the business key
      execution.setVariable("trackingNumber", businessKey);
      register.linkProcessInstance(businessKey, execution.getProcessInstanceId());
      return;
    }
    if (execution.hasVariable("trackingNumber") || execution.hasVariable("reporterId")) {
      throw refused("a new case may not bring its own tracking number or reporter: intake assigns them");
    }
    IntakeService.Registered registered;
    jp.vulnreport.intake.ReportSubmission report;
    try {
      report = StartFormReport.from(execution.getVariables());
      registered = intake.register(report, IntakeService.Channel.STAFF, Actors.current(execution.getProcessEngineServices()));
    } catch (ReportValidationException e) {
      // a person can fix these: the start form shows them (400), nothing was stored
      throw new InvalidReportException("届出の内容を確認してください / Please check the report: " + String.join("; ",
          e.errors().stream().map(f -> f.field() + ": " + f.message()).toList()));
    }
    ReportVariables.PERSONAL.forEach(execution::removeVariable);
    execution.removeVariable("consent");
    execution.setVariables(ReportVariables.of(report, registered.trackingNumber(), registered.reporterId()));
    execution.setProcessBusinessKey(registered.trackingNumber());
    register.linkProcessInstance(registered.trackingNumber(), execution.getProcessInstanceId());
    intake.exploitationAtIntake(registered.trackingNumber(), report);
  }

  private static CaseStartRefusedException refused(String why) {
    return new CaseStartRefusedException("受付処理を経ない案件の開始はできません / A case starts only through intake: " + why);
  }

  /** A report typed into the start form that intake's validation refuses (the REST API answers 400). */
  public static class InvalidReportException
      extends org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException {
    InvalidReportException(String message) {
      super(null, message);
    }
  }

  /** A start that did not come through intake (the REST API answers 400). */
  public static class CaseStartRefusedException
      extends org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException {
    CaseStartRefusedException(String message) {
      super(null, message);
    }
  }
}
