package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportVariables;
import jp.vulnreport.intake.StartFormReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of the receipt process. A report from the API is already registered (it carries its
 * trackingNumber). A report staff typed into the Tasklist start form is registered here: its
 * personal data goes to the case register and leaves the process (the history filter keeps it out
 * of history too), and the tracking number becomes the business key.
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
    if (execution.hasVariable("trackingNumber")) {
      return;
    }
    var report = StartFormReport.from(execution.getVariables());
    var registered = intake.register(report, IntakeService.Channel.STAFF, Actors.current(execution.getProcessEngineServices()));
    ReportVariables.PERSONAL.forEach(execution::removeVariable);
    execution.removeVariable("consent");
    execution.setVariables(ReportVariables.of(report, registered.trackingNumber(), registered.reporterId()));
    execution.setProcessBusinessKey(registered.trackingNumber());
    register.linkProcessInstance(registered.trackingNumber(), execution.getProcessInstanceId());
  }
}
