package jp.vulnreport.process;

import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.security.AsSystem;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

/**
 * The government notice's status as a task shows it ({@code governmentNoticeStatusLabel}, task-local,
 * Japanese). A task created before the notice moved on (製品開発者の特定 opens while recognition is
 * still pending) would keep showing the status of its creation, so every change of the notice's
 * status refreshes the label on the case's open tasks that show it.
 */
final class GovernmentStatusLabels {

  static final String VARIABLE = "governmentNoticeStatusLabel";

  private GovernmentStatusLabels() {}

  static void show(DelegateTask task, GovernmentNotification notice) {
    task.setVariableLocal(VARIABLE, GovernmentNotification.statusLabel(notice == null ? null : notice.status()));
  }

  /** After the notice's status changed: the case's open tasks that show it show the new status. */
  static void refresh(ProcessEngineServices engine, String trackingNumber, GovernmentNotification notice) {
    TaskService tasks = engine.getTaskService();
    String label = GovernmentNotification.statusLabel(notice == null ? null : notice.status());
    // the liaison acting here cannot see coordination's tasks: the application updates them
    AsSystem.call(engine.getIdentityService(), () -> {
      for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber).list()) {
        if (tasks.getVariableLocal(t.getId(), VARIABLE) != null) {
          tasks.setVariableLocal(t.getId(), VARIABLE, label);
        }
      }
      return null;
    });
  }
}
