package jp.vulnreport.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import jp.vulnreport.deployment.DeploymentGatePlugin;
import jp.vulnreport.support.TestProfiles;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
    // GreenMail answers EHLO in several TCP segments, one per line; with Nagle's algorithm on its side
    // and delayed ACKs on ours every mail waits about 40 ms for nothing (50 ms per mail against GreenMail,
    // 5 ms with HELO, measured with Spring's JavaMailSender; a production MTA answers in one segment).
    // The benchmarks measure the application, not that artefact of the test SMTP server: HELO here.
    "spring.mail.properties.mail.smtp.ehlo=false",
    "logging.level.jp.vulnreport=WARN",
    "logging.level.org.camunda=WARN"})
@ActiveProfiles(resolver = TestProfiles.class)
@Import(BenchContext.BaselinesWithoutTheDeploymentGate.class)
abstract class BenchContext {

  /**
   * The benchmarks compare the application with bare-engine baselines deployed into the same engine
   * (service tasks with ${true}, no forms or DI), which the deployment gate refuses by design: here,
   * and only here, the gate's pre-deployer is taken out again. It runs only when deploying, so the
   * figures are not affected.
   */
  @TestConfiguration
  static class BaselinesWithoutTheDeploymentGate {
    @Bean
    ProcessEnginePlugin benchmarkBaselinesWithoutTheDeploymentGate(DeploymentGatePlugin gate) {
      return new AbstractProcessEnginePlugin() {
        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
          List<Deployer> deployers = new java.util.ArrayList<>(configuration.getDeployers());
          deployers.remove(gate.deployer());
          configuration.setDeployers(deployers);
          configuration.getDeploymentCache().setDeployers(deployers);
        }
      };
    }
  }

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
