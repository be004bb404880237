package jp.vulnreport.web;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real port (Tomcat, Jersey, the webapps) for HTTP and browser tests (public for
 * the tests of other packages, e.g. jp.vulnreport.deployment.DeploymentGateTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the webapps and /engine-rest look the engine up by the name "default"
    "camunda.bpm.generate-unique-process-engine-name=false",
    // links in mails: a fixed address (the server's random port would otherwise end up in them)
    "vulnreport.links.public-base-url=http://127.0.0.1:8080",
    // a database of its own, apart from the MOCK-environment test context's
    "spring.datasource.url=jdbc:h2:mem:vulnreport-web;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    // the test clients stand in for the reverse proxy: X-Forwarded-* is believed from 127.0.0.1
    // here (the application's default believes no one; ForwardedHeadersTest tries that)
    "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1",
    // limits small enough to reach in a test (each test client has its own forwarded address)
    "vulnreport.rate-limit.report.capacity=" + WebServerTest.REPORT_LIMIT,
    "vulnreport.rate-limit.public-pages.capacity=" + WebServerTest.PUBLIC_LIMIT,
    "vulnreport.login-throttle.capacity=" + WebServerTest.LOGIN_FAILURE_LIMIT,
    "vulnreport.attachments.dir=target/test-attachments-web",
    "vulnreport.attachments.max-files=3",
    "vulnreport.attachments.max-file-size=64KB",
    "vulnreport.attachments.max-total-size=100KB",
    "vulnreport.attachments.max-staged-per-address=150KB",
    "vulnreport.attachments.max-staged-total=300KB",
    "spring.servlet.multipart.max-file-size=1MB",
    "spring.servlet.multipart.max-request-size=2MB"})
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(jp.vulnreport.support.CsafOutputConfig.class)
public abstract class WebServerTest {

  static final int REPORT_LIMIT = 12;
  static final int PUBLIC_LIMIT = 150;
  static final int LOGIN_FAILURE_LIMIT = 5;

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  @LocalServerPort
  protected int port;

  protected String base() {
    return "http://127.0.0.1:" + port;
  }
}
