package jp.vulnreport.process;

import jp.vulnreport.triage.Triage;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SSVC triage after verification, and task priorities from its outcome. */
@Configuration
public class TriageDelegates {

  /** Evaluates the Triage table on the analyst's decision points, stores it, sets ssvcPriority and priority. */
  @Bean
  JavaDelegate triageDelegate(Triage triage) {
    return execution -> {
      Triage.Inputs in = new Triage.Inputs(Triage.exploitation(Variables.string(execution, "exploitationStatus")),
          Variables.required(execution, "ssvcAutomatable"), Variables.required(execution, "ssvcTechnicalImpact"),
          Variables.required(execution, "ssvcMissionImpact"));
      String outcome = triage.triage(Variables.trackingNumber(execution), in,
          Actors.current(execution.getProcessEngineServices()));
      execution.setVariable("ssvcPriority", outcome);
      execution.setVariable("priority", Triage.policyPriority(outcome));
    };
  }

  /** On task creation: the task's priority from the case's SSVC outcome, so Tasklist lists urgent cases first. */
  @Bean
  TaskListener taskPriorityListener() {
    return task -> task.setPriority(Triage.taskPriority(Variables.string(task, "ssvcPriority")));
  }
}
