package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Keeps the register's state in step with the process: {@code ${caseStates.enter(execution, 'FORMAL_CHECK')}}. */
@Component("caseStates")
public class CaseStateListener {

  private final CaseRegister register;

  public CaseStateListener(CaseRegister register) {
    this.register = register;
  }

  @jp.vulnreport.ProcessExpression
  public void enter(DelegateExecution execution, String state) {
    register.transition(Variables.trackingNumber(execution), CaseState.valueOf(state),
        Actors.current(execution.getProcessEngineServices()));
  }
}
