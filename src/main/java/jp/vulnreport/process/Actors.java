package jp.vulnreport.process;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import jp.vulnreport.cases.CaseRegister;

/** Who is acting: the logged-in Tasklist user when there is one, else the task's assignee, else "system". */
final class Actors {

  private Actors() {}

  static String current(ProcessEngineServices services) {
    Authentication auth = services.getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : CaseRegister.SYSTEM;
  }

  static String of(DelegateTask task) {
    String user = current(task.getProcessEngineServices());
    if (CaseRegister.SYSTEM.equals(user) && task.getAssignee() != null) {
      return task.getAssignee();
    }
    return user;
  }
}
