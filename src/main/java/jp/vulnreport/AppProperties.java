package jp.vulnreport;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Application settings under {@code vulnreport.*} that are not owned by one capability. */
@ConfigurationProperties("vulnreport")
public record AppProperties(ZoneId timeZone, Intake intake, Mail mail) {

  public record Intake(int maxBodyBytes) {}

  /**
   * Mail settings: the sender (a display name is encoded per RFC 2047 when sent), the retry cycle of mail
   * tasks, and the domain of our Message-IDs (empty: the sender address's domain).
   */
  public record Mail(String from, String retryCycle, String messageIdDomain) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public Mail {
    }

    public Mail(String from, String retryCycle) {
      this(from, retryCycle, null);
    }
  }
}
