package jp.vulnreport.process;

import java.util.List;
import java.util.Map;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends one templated mail. Input parameters: {@code mailTemplate}, {@code mailRecipient} (default
 * DISCOVERER; VENDOR and OPERATOR go to {@code mailTo}, VENDOR by default to the variable
 * vendorContactEmail), optionally {@code mailRound} when the
 * same activity sends once per round, {@code mailUpdate} (the text of a follow-up update) and
 * {@code mailValues} (a map of further template values, e.g. the publication date). The
 * idempotency key is process instance + activity (+ round): a retried job never sends twice.
 */
@Component("sendMailDelegate")
public class SendMailDelegate implements JavaDelegate {

  private final MailService mailService;

  public SendMailDelegate(MailService mailService) {
    this.mailService = mailService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = Variables.string(execution, "mailTemplate");
    if (template == null) {
      throw new IllegalStateException(execution.getCurrentActivityId() + " has no mailTemplate input parameter");
    }
    String recipient = Variables.string(execution, "mailRecipient");
    Object round = execution.getVariableLocal("mailRound");
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
        + (round == null ? "" : ":" + round);
    Object update = execution.getVariableLocal("mailUpdate");
    Map<String, String> values = new java.util.HashMap<>();
    if (update != null) {
      values.put("update", update.toString());
    }
    if (execution.getVariableLocal("mailValues") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> values.put(k.toString(), v == null ? "-" : v.toString()));
    }
    if ("acceptance".equals(template) && "WEBSITE".equals(Variables.string(execution, "category"))) {
      template = "acceptance-website"; // websites: IPA contacts the operator; no product, no JPCERT/CC
    } else if ("acceptance".equals(template) && Boolean.TRUE.equals(execution.getVariable("selfReport"))) {
      template = "acceptance-self-report"; // the developer's own report: straight to agreeing the publication
    }
    mailService.send(key, Variables.trackingNumber(execution), template,
        recipient == null ? Recipient.DISCOVERER : Recipient.valueOf(recipient),
        execution.getVariableLocal("mailTo") != null ? execution.getVariableLocal("mailTo").toString()
            : Variables.string(execution, "vendorContactEmail"),
        values, List.of());
  }
}
