package jp.vulnreport.website;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.LinkProperties;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of WebsiteVulnerabilityReport. */
@Configuration
public class WebsiteDelegates {

  /**
   * A mail to the operator that carries a private link of its own (first contact, details): the
   * link is issued and mailed in one transaction, so its token exists in the mail only. Input
   * parameters: mailTemplate, mailTo, mailRound.
   */
  @Bean
  JavaDelegate websiteContactMailDelegate(PrivateLinks links, LinkProperties linkProperties, MailService mail) {
    return execution -> {
      String tn = execution.getProcessBusinessKey();
      String template = (String) execution.getVariableLocal("mailTemplate");
      String to = String.valueOf(execution.getVariableLocal("mailTo"));
      String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
          + execution.getVariableLocal("mailRound");
      PrivateLinks.Issued link = links.issue(tn, LinkAudience.OPERATOR, template, CaseRegister.SYSTEM);
      Map<String, String> model = new HashMap<>(details(execution));
      model.put("operatorUrl", linkProperties.responseUrl(LinkAudience.OPERATOR, link.token()));
      model.put("linkExpiresAt", link.expiresAt().toLocalDate().toString());
      mail.send(key, tn, template, Recipient.OPERATOR, to, model, List.of());
    };
  }

  /** Task_RecordOutcome: the case closes as the variable websiteOutcome says. */
  @Bean
  JavaDelegate websiteOutcomeDelegate(CaseRegister register) {
    return execution -> register.close(execution.getProcessBusinessKey(),
        CaseState.valueOf("WEBSITE_" + execution.getVariable("websiteOutcome")), CaseRegister.SYSTEM);
  }

  /** What the details mail tells the operator's contact point (the report's content, never the discoverer). */
  static Map<String, String> details(DelegateExecution execution) {
    Map<String, String> m = new HashMap<>();
    for (String name : List.of("websiteUrl", "siteName", "vulnType", "cwe", "details", "reproduction", "impact",
        "workaround", "operatorContactPointName", "reviewNote")) {
      Object v = execution.getVariable(name);
      m.put(name, v == null || v.toString().isBlank() ? "-" : v.toString());
    }
    return m;
  }
}
