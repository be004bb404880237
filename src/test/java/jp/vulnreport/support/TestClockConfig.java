package jp.vulnreport.support;

import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one tests can move (deadlines, lateness). */
@TestConfiguration
public class TestClockConfig {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(ZoneId.of("Asia/Tokyo"));
  }
}
