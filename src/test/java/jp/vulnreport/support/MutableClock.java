package jp.vulnreport.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The application's clock in tests: real time plus an offset a test can move forward. */
public class MutableClock extends Clock {

  private final ZoneId zone;
  private volatile Duration offset = Duration.ZERO;

  public MutableClock(ZoneId zone) {
    this.zone = zone;
  }

  public void advance(Duration d) {
    offset = offset.plus(d);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
