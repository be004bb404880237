package jp.vulnreport.web;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The application on a real port (Tomcat, Jersey, the webapps) for HTTP and browser tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the webapps and /engine-rest look the engine up by the name "default"
    "camunda.bpm.generate-unique-process-engine-name=false",
    // a database of its own, apart from the MOCK-environment test context's
    "spring.datasource.url=jdbc:h2:mem:vulnreport-web;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
@ActiveProfiles("test")
abstract class WebServerTest {

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  @LocalServerPort
  int port;

  String base() {
    return "http://127.0.0.1:" + port;
  }
}
