package jp.vulnreport.notification;

import jp.vulnreport.AppProperties;
import org.springframework.stereotype.Component;

/**
 * How mail tasks retry, as the diagrams see it: {@code ${mailPolicy.retryCycle()}} in each mail
 * task's failedJobRetryTimeCycle (vulnreport.mail.retry-cycle, e.g. R3/PT5M: three attempts five
 * minutes apart, then an incident in Cockpit).
 */
@Component("mailPolicy")
public class MailPolicy {

  private final String retryCycle;

  public MailPolicy(AppProperties properties) {
    this.retryCycle = properties.mail().retryCycle();
    if (retryCycle == null || !retryCycle.matches("R\\d+/P\\S+")) {
      throw new IllegalArgumentException("vulnreport.mail.retry-cycle must look like R3/PT5M, not " + retryCycle);
    }
  }

  @jp.vulnreport.ProcessExpression
  public String retryCycle() {
    return retryCycle;
  }
}
