package jp.vulnreport.website;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.intake.StoredReports;
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
  JavaDelegate websiteContactMailDelegate(PrivateLinks links, LinkProperties linkProperties, MailService mail,
      StoredReports reports) {
    return execution -> {
      String tn = execution.getProcessBusinessKey();
      String template = (String) execution.getVariableLocal("mailTemplate");
      String to = String.valueOf(execution.getVariableLocal("mailTo"));
      String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
          + execution.getVariableLocal("mailRound");
      PrivateLinks.Issued link = links.issue(tn, LinkAudience.OPERATOR, template, CaseRegister.SYSTEM);
      Map<String, String> model = new HashMap<>(details(execution, reports.get(tn)));
      model.put("operatorUrl", linkProperties.responseUrl(LinkAudience.OPERATOR, link.token()));
      model.put("linkExpiresAt", link.expiresAt().toLocalDate().toString());
      mail.send(key, tn, template, Recipient.OPERATOR, to, model, List.of());
    };
  }

  /** Task_RecordOutcome: the case closes as the variable websiteOutcome says. */
  @Bean
  JavaDelegate websiteOutcomeDelegate(CaseRegister register) {
    return execution -> {
      Object outcome = execution.getVariable("websiteOutcome");
      if ("UNRESPONSIVE".equals(outcome)) {
        // IPA counts a site closed after reminders without an answer as 督促後に終了
        register.recordKind(execution.getProcessBusinessKey(), "website_fix_kind",
            jp.vulnreport.cases.CaseKinds.CLOSED_AFTER_REMINDER, CaseRegister.SYSTEM);
      }
      register.close(execution.getProcessBusinessKey(), CaseState.valueOf("WEBSITE_" + outcome), CaseRegister.SYSTEM);
    };
  }

  /**
   * What the details mail tells the operator's contact point (the report's content, never the
   * discoverer). The report's texts come whole from the case register: the process variables carry
   * bounded previews of them only.
   */
  static Map<String, String> details(DelegateExecution execution, ReportSubmission report) {
    Map<String, String> m = new HashMap<>();
    for (String name : List.of("websiteUrl", "siteName", "vulnType", "cwe", "operatorContactPointName",
        "reviewNote")) {
      Object v = execution.getVariable(name);
      m.put(name, text(v == null ? null : v.toString()));
    }
    var vul = report.vulnerability();
    m.put("details", text(vul.details()));
    m.put("reproduction", text(vul.reproduction()));
    m.put("impact", text(vul.impact()));
    m.put("workaround", text(vul.workaround()));
    return m;
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
