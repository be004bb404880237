package jp.vulnreport.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.notification.MailRecords;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import jp.vulnreport.triage.PriorityRecipients;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Priority information provision (優先情報提供): liaison selects recipients and approves the text. */
@Configuration
public class PriorityProvisionDelegates {

  /**
   * Task_DecidePriorityProvision (create): the recipients the information's TLP allows, listed for
   * the form (id: organisation, sector, accepted TLP).
   */
  @Bean
  TaskListener priorityRecipientsListener(PriorityRecipients recipients) {
    return task -> {
      String tlp = Variables.string(task, "exploitationTlp");
      StringBuilder sb = new StringBuilder();
      for (PriorityRecipients.Recipient r : recipients.eligible(tlp)) {
        sb.append(r.id()).append(": ").append(r.organization()).append("（").append(r.sector()).append("、TLP:")
            .append(r.acceptedTlp()).append(" まで）\n");
      }
      task.setVariable("eligibleRecipients", sb.isEmpty() ? "（TLP:" + tlp + " を受け取れる提供先は登録されていません）"
          : sb.toString().strip());
    };
  }

  /**
   * Task_DecidePriorityProvision (complete): the selection must name eligible recipients only, and
   * an approved text; the ids become the collection the sending loops over.
   */
  @Bean
  TaskListener priorityProvisionDecisionListener(PriorityRecipients recipients) {
    return (DelegateTask task) -> {
      if (!"PROVIDE".equals(Variables.string(task, "provisionDecision"))) {
        task.setVariable("selectedRecipients", new ArrayList<String>());
        return;
      }
      String tlp = Variables.string(task, "exploitationTlp");
      String text = Variables.string(task, "provisionText");
      if (text == null || text.isBlank()) {
        throw new ProcessEngineException("提供する文面を入力してください / the text to provide is required");
      }
      Set<String> ids = new LinkedHashSet<>();
      for (String id : String.valueOf(Variables.string(task, "provisionRecipientIds")).split("[,\\s、]+")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
      if (ids.isEmpty()) {
        throw new ProcessEngineException("提供先を選んでください / select at least one recipient");
      }
      for (String id : ids) {
        if (recipients.find(id).map(r -> !r.accepts(tlp)).orElse(true)) {
          throw new ProcessEngineException("提供先 " + id + " は登録されていないか、TLP:" + tlp + " の情報を受け取れません"
              + " / recipient " + id + " is unknown or does not accept TLP:" + tlp);
        }
      }
      task.setVariable("selectedRecipients", new ArrayList<>(ids));
      task.setVariable("provisionApprovedBy", Actors.of(task));
    };
  }

  /** Task_SendPriorityInformation (one instance per recipient): the mail, recorded per recipient. */
  @Bean
  JavaDelegate priorityInformationDelegate(PriorityRecipients recipients, MailService mail, JdbcTemplate jdbc,
      CaseRegister register) {
    return execution -> {
      String tn = execution.getProcessBusinessKey();
      String id = String.valueOf(execution.getVariable("recipientId"));
      long exploitationId = ((Number) execution.getVariable("exploitationId")).longValue();
      PriorityRecipients.Recipient r = recipients.find(id).orElseThrow(() -> new IllegalStateException("no recipient " + id));
      String tlp = Variables.string(execution, "exploitationTlp");
      MailRecords.MailRecord sent = mail.send("priority-information:" + exploitationId + ":" + id, tn,
          "priority-information", Recipient.PRIORITY_RECIPIENT, r.email(),
          Map.of("provisionText", Variables.string(execution, "provisionText"), "tlp", tlp,
              "recipientOrganization", r.organization()), List.of());
      Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM vr_priority_provision WHERE exploitation_id = ? "
          + "AND recipient_id = ?", Integer.class, exploitationId, id);
      if (recorded == 0) {
        jdbc.update("INSERT INTO vr_priority_provision (tracking_number, exploitation_id, recipient_id, tlp, "
                + "approved_by, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", tn, exploitationId, id, tlp,
            Variables.string(execution, "provisionApprovedBy"), sent.messageId(), sent.sentAt());
        register.event(tn, CaseRegister.SYSTEM, "PRIORITY_INFORMATION_PROVIDED", id + " (" + r.organization() + ")");
      }
    };
  }
}
