package jp.vulnreport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VulnReportApplication {

  public static void main(String[] args) {
    SpringApplication.run(VulnReportApplication.class, args);
  }
}
