package jp.vulnreport.process;

import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.NonAcceptanceReason;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The receipt process's outcomes, each a one-line delegate onto the case register. */
@Configuration
public class CaseOutcomeDelegates {

  /** 受理. */
  @Bean
  JavaDelegate recordAcceptanceDelegate(CaseRegister register) {
    return execution -> register.markAccepted(Variables.trackingNumber(execution),
        Actors.current(execution.getProcessEngineServices()));
  }

  /** 不受理, with the reason code in {@code nonAcceptanceReason}. */
  @Bean
  JavaDelegate recordNonAcceptanceDelegate(CaseRegister register) {
    return execution -> register.markNotAccepted(Variables.trackingNumber(execution),
        NonAcceptanceReason.valueOf(Variables.required(execution, "nonAcceptanceReason")),
        Actors.current(execution.getProcessEngineServices()));
  }

  /** Hand-off to the coordinating organisation (JPCERT/CC). */
  @Bean
  JavaDelegate handOffDelegate(CaseRegister register) {
    return execution -> register.markHandedOff(Variables.trackingNumber(execution), CaseRegister.SYSTEM);
  }

  /** 取りやめ, with {@code discontinuationReason} and {@code discontinuedBy} from the message. */
  @Bean
  JavaDelegate recordDiscontinuationDelegate(CaseRegister register) {
    return execution -> register.markDiscontinued(Variables.trackingNumber(execution),
        Variables.required(execution, "discontinuationReason"), Variables.string(execution, "discontinuedBy"));
  }
}
