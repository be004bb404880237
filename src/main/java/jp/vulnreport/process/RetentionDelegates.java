package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.PersonalDataErasure;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The retention of personal data: started when a case closes, erasing when its period is over. */
@Configuration
public class RetentionDelegates {

  /** Task_ErasePersonalData: the retention period of the policy is over. */
  @Bean
  JavaDelegate erasePersonalDataDelegate(PersonalDataErasure erasure) {
    return execution -> erasure.erase(execution.getProcessBusinessKey(), CaseRegister.SYSTEM,
        "保存期間の満了 / retention period over");
  }

  /** Starts the case's PersonalDataRetention process when the case closes (once per case). */
  @Component
  static class RetentionStarter {

    private final RuntimeService runtime;

    RetentionStarter(RuntimeService runtime) {
      this.runtime = runtime;
    }

    @EventListener
    public void closed(CaseRegister.CaseClosed event) {
      String tn = event.trackingNumber();
      if (runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PERSONAL_DATA_RETENTION)
          .processInstanceBusinessKey(tn).count() == 0) {
        runtime.startProcessInstanceByKey(ProcessKeys.PERSONAL_DATA_RETENTION, tn,
            java.util.Map.of("trackingNumber", tn));
      }
    }
  }
}
