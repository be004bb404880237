package jp.vulnreport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import jp.vulnreport.intake.IntakeReceipt;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail tasks: at most one mail per idempotency key, retries and an incident when SMTP is down. */
class MailDeliveryTest extends IntegrationTest {

  @Autowired MailService mailService;
  @Autowired MailRecords records;
  @Autowired Cases cases;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void theSameKeyNeverSendsTwice() throws Exception {
    IntakeReceipt r = cases.submit("report-product");
    String key = "test:" + r.trackingNumber() + ":ack";
    MailRecords.MailRecord first = mailService.send(key, r.trackingNumber(), "acknowledgement", Recipient.DISCOVERER);
    MailRecords.MailRecord second = mailService.send(key, r.trackingNumber(), "acknowledgement", Recipient.DISCOVERER);

    assertThat(second.messageId()).isEqualTo(first.messageId());
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo(first.messageId());
    assertThat(received[0].getHeader("X-Vulnreport-Tracking-Number")[0]).isEqualTo(r.trackingNumber());
    assertThat(records.byKey(key)).isPresent().get()
        .satisfies(rec -> {
          assertThat(rec.recipientRole()).isEqualTo("DISCOVERER");
          assertThat(rec.template()).isEqualTo("acknowledgement");
          assertThat(rec.subject()).contains(r.trackingNumber());
        });
  }

  @Test
  void theSendersDisplayNameIsEncodedAndTheMessageIdDomainComesFromConfiguration() throws Exception {
    IntakeReceipt r = cases.submit("report-product");
    MailRecords.MailRecord sent = mailService.send("test:" + r.trackingNumber() + ":headers", r.trackingNumber(),
        "acknowledgement", Recipient.DISCOVERER);
    MimeMessage received = java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
        .filter(m -> sent.messageId().equals(messageId(m))).findFirst().orElseThrow();
    // the raw message as it travelled: every header line 7-bit, the Japanese name as an RFC 2047 encoded word
    String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(received);
    String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
    assertThat(headers.chars().allMatch(c -> c < 128)).as("headers are 7-bit:%n%s", headers).isTrue();
    String from = java.util.Arrays.stream(headers.split("\r\n(?![ \t])")).filter(h -> h.startsWith("From:"))
        .findFirst().orElseThrow();
    assertThat(from).contains("=?UTF-8?").contains("<vuln-report@localhost>").doesNotContain("脆弱性");
    assertThat(((jakarta.mail.internet.InternetAddress) received.getFrom()[0]).getPersonal())
        .isEqualTo("IPA 脆弱性届出受付");
    assertThat(headers).containsPattern("(?m)^Message-ID: <[0-9a-f]{40}\\." + java.util.regex.Pattern.quote(
        r.trackingNumber()) + "@mail\\.vulnreport\\.example>$");
    assertThat(sent.messageId()).endsWith("@mail.vulnreport.example>").doesNotContain("localhost");
  }

  @Test
  void theMessageIdDomainDefaultsToTheSendersDomainAndMustBeADomain() {
    assertThat(MailService.messageIdDomain(null, "vuln-report@ipa.go.jp")).isEqualTo("ipa.go.jp");
    assertThat(MailService.messageIdDomain(" ", "vuln-report@ipa.go.jp")).isEqualTo("ipa.go.jp");
    assertThat(MailService.messageIdDomain("mail.ipa.go.jp", "vuln-report@ipa.go.jp")).isEqualTo("mail.ipa.go.jp");
    assertThatThrownBy(() -> MailService.messageIdDomain("bad domain>", "a@b.jp"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MailService.sender("vuln-report@ipa.go.jp").toString()).isEqualTo("vuln-report@ipa.go.jp");
    assertThat(MailService.sender("IPA 受付 <vuln-report@ipa.go.jp>").toString()).startsWith("=?UTF-8?")
        .endsWith("<vuln-report@ipa.go.jp>");
  }

  @Test
  void smtpOutageRetriesThenRaisesAnIncidentAndARetrySendsOnce() {
    IntakeReceipt r = cases.submit("report-product");
    ProcessInstance pi = cases.instance(r.trackingNumber());
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_SendAcknowledgement")
        .singleResult();
    assertThat(job.getRetries()).isEqualTo(3);

    GREEN_MAIL.stop();
    for (int attempt = 1; attempt <= 3; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Mail server connection failed");
    }
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).contains("Mail server connection failed");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).incidentType("failedJob").count())
        .isEqualTo(1);
    assertThat(records.forCase(r.trackingNumber())).isEmpty();

    // the operator fixes SMTP and retries the job from Cockpit
    GREEN_MAIL.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    cases.runJobs(pi.getId());
    assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    assertThat(records.forCase(r.trackingNumber())).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
