package jp.vulnreport.process;

import jp.vulnreport.cases.CaseCommands;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Tasklist way to discontinue a case: the CaseDiscontinuation start form calls this. */
@Component("requestDiscontinuationDelegate")
public class RequestDiscontinuationDelegate implements JavaDelegate {

  private final CaseCommands commands;

  public RequestDiscontinuationDelegate(CaseCommands commands) {
    this.commands = commands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = Variables.required(execution, "trackingNumber");
    String initiator = Variables.string(execution, "initiator");
    commands.discontinue(trackingNumber, Variables.required(execution, "discontinuationReason"),
        initiator == null ? Actors.current(execution.getProcessEngineServices()) : initiator);
    execution.setProcessBusinessKey(trackingNumber);
  }
}
