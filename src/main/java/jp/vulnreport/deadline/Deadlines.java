package jp.vulnreport.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import jp.vulnreport.AppProperties;
import org.springframework.stereotype.Component;

/**
 * The deadline policy as the diagrams see it: {@code ${deadlines.duration('clarification-reminder')}}
 * in timer definitions and {@code ${deadlines.dueIn('formal-check')}} in user-task due dates. An
 * unknown name fails loudly instead of falling back to a guess.
 */
@Component("deadlines")
public class Deadlines {

  private final DeadlineProperties properties;
  private final AppProperties app;
  private final Clock clock;

  public Deadlines(DeadlineProperties properties, AppProperties app, Clock clock) {
    this.properties = properties;
    this.app = app;
    this.clock = clock;
  }

  /** The ISO-8601 period of the named deadline, for timer definitions. */
  public String duration(String name) {
    String value = properties.deadlines().get(name);
    if (value == null) {
      throw new IllegalArgumentException("No deadline named '" + name + "' in vulnreport.deadlines "
          + properties.deadlines().keySet());
    }
    return value;
  }

  /** The moment the named period ends when it starts now (Japan time for day periods). */
  public Date dueIn(String name) {
    return Date.from(plus(ZonedDateTime.now(clock).withZoneSameInstant(app.timeZone()), duration(name)).toInstant());
  }

  /** {@code start} plus an ISO-8601 period (P7D: calendar days) or duration (PT24H). */
  public static <T extends java.time.temporal.Temporal> T plus(T start, String iso) {
    @SuppressWarnings("unchecked")
    T result = (T) (iso.contains("T") ? start.plus(Duration.parse(iso)) : start.plus(Period.parse(iso)));
    return result;
  }
}
