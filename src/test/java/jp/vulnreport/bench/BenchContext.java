package jp.vulnreport.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jp.vulnreport.support.TestProfiles;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as it runs in production, in this JVM: real HTTP port, job executor on (mails and
 * timers run by it), GreenMail as the SMTP server, no rate limit (the clients are the load).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false",
    "camunda.bpm.job-execution.enabled=true",
    "vulnreport.rate-limit.enabled=false",
    "vulnreport.attachments.dir=target/bench/attachments",
    "logging.level.jp.vulnreport=WARN",
    "logging.level.org.camunda=WARN"})
@ActiveProfiles(resolver = TestProfiles.class)
abstract class BenchContext {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  @LocalServerPort
  int port;

  String base() {
    return "http://127.0.0.1:" + port;
  }
}
