package jp.vulnreport.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The startup baseline: the Camunda Spring Boot starter with webapps and REST, the same
 * configuration files and libraries, none of the application's code (this package is empty
 * otherwise) and no deployment.
 */
@SpringBootApplication
public class BareCamundaApp {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApp.class, args);
  }
}
