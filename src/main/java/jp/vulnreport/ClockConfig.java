package jp.vulnreport;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfig {

  @Bean
  Clock clock(AppProperties properties) {
    return Clock.system(properties.timeZone());
  }
}
