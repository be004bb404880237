package jp.vulnreport.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** /local/mailbox shows what a person needs to read the mails the local SMTP server received. */
class LocalMailboxTest {

  private LocalMailServer server;
  private JavaMailSenderImpl sender;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    MailProperties props = new MailProperties();
    props.setHost("127.0.0.1");
    props.setPort(port);
    server = new LocalMailServer(props);
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
  }

  @AfterEach
  void stop() throws Exception {
    server.destroy();
  }

  @Test
  void multipartMailsShowTheirTextAndAttachmentsNewestFirstWithDecodedRecipientsAndClickableLinks()
      throws Exception {
    MimeMessage first = sender.createMimeMessage();
    MimeMessageHelper h = new MimeMessageHelper(first, true, "UTF-8");
    h.setFrom("noreply@vulnreport.local");
    h.setTo(new InternetAddress("cao@example.go.jp", "内閣府 担当者", "UTF-8"));
    h.setSubject("【政府通知】IPA-2026-00001");
    h.setText("内閣府 ご担当者様\n詳細: https://vulnreport.example/status/abc-123?x=1&y=2 をご覧ください。\n"
        + "窓口: <https://vulnreport.example/developer/d-1>\n");
    h.addAttachment("IPA-2026-00001.csaf.json",
        new ByteArrayResource("{\"document\":{}}".getBytes(StandardCharsets.UTF_8)), "application/json");
    sender.send(first);
    Thread.sleep(20);
    MimeMessage second = sender.createMimeMessage();
    new MimeMessageHelper(second, false, "UTF-8").setTo("dev@example.com");
    second.setFrom("noreply@vulnreport.local");
    second.setSubject("二通目 / second", "UTF-8");
    second.setText("二通目の本文", "UTF-8");
    sender.send(second);

    String html = new LocalMailboxController(server).mailbox();

    assertThat(html).doesNotContain("MimeMultipart@").doesNotContain("=?UTF-8?");
    assertThat(html).contains("内閣府 担当者 &lt;cao@example.go.jp&gt;");
    assertThat(html).contains("内閣府 ご担当者様").contains("<li>IPA-2026-00001.csaf.json</li>");
    assertThat(html).contains("<a href=\"https://vulnreport.example/status/abc-123?x=1&amp;y=2\" rel=\"noreferrer\">"
        + "https://vulnreport.example/status/abc-123?x=1&amp;y=2</a>");
    // a link in angle brackets ends before the bracket
    assertThat(html).contains("&lt;<a href=\"https://vulnreport.example/developer/d-1\" rel=\"noreferrer\">"
        + "https://vulnreport.example/developer/d-1</a>&gt;");
    assertThat(html.indexOf("二通目の本文")).as("newest first").isLessThan(html.indexOf("内閣府 ご担当者様"));
    assertThat(html).contains("2 通、新しい順");
  }
}
