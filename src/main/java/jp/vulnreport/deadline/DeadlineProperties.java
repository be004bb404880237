package jp.vulnreport.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods the processes use, by name ({@code vulnreport.deadlines.*}), as ISO-8601 periods or
 * durations (P7D, PT24H). The one place process owners change them until the deadline-policy DMN.
 */
@ConfigurationProperties("vulnreport")
public record DeadlineProperties(Map<String, String> deadlines) {

  public DeadlineProperties {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    deadlines.forEach(DeadlineProperties::checkIso);
  }

  private static void checkIso(String name, String value) {
    try {
      if (value.contains("T")) {
        Duration.parse(value);
      } else {
        Period.parse(value);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "vulnreport.deadlines." + name + " is not an ISO-8601 period or duration: " + value, e);
    }
  }
}
