package jp.vulnreport.process;

import java.util.ArrayList;
import jp.vulnreport.exploitation.PriorityProvisions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Priority information provision (優先情報提供): liaison selects recipients and approves the text. */
@Configuration
public class PriorityProvisionDelegates {

  /** Task_DecidePriorityProvision (create): the recipients the information's TLP allows, for the form. */
  @Bean
  TaskListener priorityRecipientsListener(PriorityProvisions provisions) {
    return task -> task.setVariable("eligibleRecipients",
        provisions.eligibleList(Variables.string(task, "exploitationTlp")));
  }

  /** Task_DecidePriorityProvision (complete): the selection becomes the collection the sending loops over. */
  @Bean
  TaskListener priorityProvisionDecisionListener(PriorityProvisions provisions) {
    return task -> {
      if (!"PROVIDE".equals(Variables.string(task, "provisionDecision"))) {
        task.setVariable("selectedRecipients", new ArrayList<String>());
        return;
      }
      try {
        task.setVariable("selectedRecipients", provisions.selection(Variables.string(task, "provisionRecipientIds"),
            Variables.string(task, "exploitationTlp"), Variables.string(task, "provisionText")));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
      task.setVariable("provisionApprovedBy", Actors.of(task));
    };
  }

  /** Task_SendPriorityInformation (one instance per recipient). */
  @Bean
  JavaDelegate priorityInformationDelegate(PriorityProvisions provisions) {
    return execution -> provisions.provide(execution.getProcessBusinessKey(),
        ((Number) execution.getVariable("exploitationId")).longValue(), String.valueOf(execution.getVariable("recipientId")),
        Variables.string(execution, "exploitationTlp"), Variables.string(execution, "provisionText"),
        Variables.string(execution, "provisionApprovedBy"));
  }
}
