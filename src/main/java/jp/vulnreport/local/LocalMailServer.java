package jp.vulnreport.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the application for the local profile, on spring.mail.host:port, so that
 * {@code ./mvnw spring-boot:run} sends real mail on a fresh machine. Mails are kept in memory
 * until the application stops and can be read at {@code /local/mailbox}.
 */
@Component
@ConditionalOnProperty(name = "vulnreport.local-mail.enabled", havingValue = "true")
public class LocalMailServer implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(LocalMailServer.class);

  private final GreenMail greenMail;

  public LocalMailServer(MailProperties mail) {
    String host = mail.getHost() == null ? "127.0.0.1" : mail.getHost();
    int port = mail.getPort() == null ? 2525 : mail.getPort();
    this.greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    LOG.info("Local SMTP server listening on {}:{}; read the mails at /local/mailbox", host, port);
  }

  public List<MimeMessage> messages() {
    return List.of(greenMail.getReceivedMessages());
  }

  @Override
  public void destroy() {
    greenMail.stop();
  }
}
