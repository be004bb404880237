package jp.vulnreport;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Application settings under {@code vulnreport.*} that are not owned by one capability. */
@ConfigurationProperties("vulnreport")
public record AppProperties(ZoneId timeZone, Intake intake, Mail mail) {

  public record Intake(int maxBodyBytes) {}

  public record Mail(String from, String retryCycle) {}
}
