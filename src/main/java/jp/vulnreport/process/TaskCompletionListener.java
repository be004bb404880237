package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records on the case who completed which task and when (every user task has it on "complete"). */
@Component("taskCompletionListener")
public class TaskCompletionListener implements TaskListener {

  private final CaseRegister register;

  public TaskCompletionListener(CaseRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    register.event(Variables.trackingNumber(task), Actors.of(task), "TASK_COMPLETED",
        task.getTaskDefinitionKey() + " " + task.getName());
  }
}
