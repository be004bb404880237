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
}
