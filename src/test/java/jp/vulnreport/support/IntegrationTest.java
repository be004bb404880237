package jp.vulnreport.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared test context: the whole application on in-memory H2 with the job executor off, and
 * GreenMail as the real SMTP server the application sends to. All subclasses share one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
@Import({TestClockConfig.class, CsafOutputConfig.class})
public abstract class IntegrationTest {

  @RegisterExtension
  protected static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @Autowired
  protected ProcessEngine processEngine;

  @Autowired
  protected MutableClock clock;

  @BeforeEach
  void bindAssertions() {
    init(processEngine);
    clock.reset();
  }
}
