package jp.vulnreport.local;

import jp.vulnreport.triage.PriorityRecipients;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Realistic sample data where the demo users are (the local profile): priority information
 * recipients of three sectors with different accepted TLPs. Fictitious organisations, example.jp
 * addresses.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "vulnreport.demo-users.enabled", havingValue = "true")
public class SampleData implements ApplicationRunner {

  private final PriorityRecipients recipients;

  public SampleData(PriorityRecipients recipients) {
    this.recipients = recipients;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!recipients.all().isEmpty()) {
      return;
    }
    recipients.save(new PriorityRecipients.Recipient("power-east", "東日本電力（例示）", "電力", "csirt@power-east.example.jp",
        "AMBER+STRICT", true));
    recipients.save(new PriorityRecipients.Recipient("rail-central", "中央鉄道（例示）", "鉄道", "soc@rail-central.example.jp",
        "AMBER", true));
    recipients.save(new PriorityRecipients.Recipient("bank-isac", "金融 ISAC（例示）", "金融", "alerts@bank-isac.example.jp",
        "GREEN", true));
  }
}
