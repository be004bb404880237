package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportParser;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.coordination.Coordinations;
import jp.vulnreport.coordination.DeveloperCommands;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark 2: a whole case, driven as staff would through the services (job executor on, mails to
 * the local SMTP server): report → formal check → substantive check → verification (exploitation
 * suspected) → recognition → notice drafted and approved (four eyes) → notice, vendor mail and the
 * Cabinet Office's acknowledgement; in parallel the hand-off to coordination → developer identified →
 * first contact (起算日) → contact point named → details → the developer's answer → publication date →
 * advisory with its CSAF document → publication (the publication-day timer executed at once) →
 * completion notice and closing update. Cases per second (one driver) and time per case. Baseline in
 * the same run: the bare engine with a process of the same nine user tasks, thirteen asynchronous
 * service tasks, three messages and a timer, and no application code, driven the same way.
 */
class WholeCaseBenchmark extends BenchContext {

  static final String BASELINE = "BenchWholeCaseBaseline";
  static final int CASES = Integer.getInteger("bench.cases", 20);

  @Autowired IntakeService intake;
  @Autowired ReportParser parser;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired GovernmentCommands government;
  @Autowired DeveloperCommands commands;
  @Autowired jp.vulnreport.coordination.PublicationDates publicationDates;
  @Autowired ManagementService management;

  @Test
  void wholeCasesAgainstTheBareEngine() throws Exception {
    repository.createDeployment().name(BASELINE).addModelInstance(BASELINE + ".bpmn",
        Bpmn.createExecutableProcess(BASELINE).camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Ack").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .userTask("U1").userTask("U2")
            .serviceTask("Accept").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .userTask("U3").userTask("U4").userTask("U5").userTask("U6")
            .serviceTask("Notice").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .serviceTask("Vendor").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .receiveTask("Ack2").message("BenchAck")
            .userTask("U7")
            .serviceTask("FirstContact").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .receiveTask("ContactPoint").message("BenchContactPoint")
            .serviceTask("Details").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .serviceTask("Dates").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .receiveTask("Response").message("BenchResponse")
            .serviceTask("Forward").camundaAsyncBefore().camundaExpression("${true}")
            .userTask("U8")
            .serviceTask("Scheduled").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .serviceTask("DevDate").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .userTask("U9")
            .intermediateCatchEvent("Day").timerWithDuration("P30D")
            .serviceTask("Publish").camundaAsyncBefore().camundaExpression("${true}")
            .serviceTask("Completion").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .serviceTask("DevPublished").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
            .endEvent().done()).deploy();
    byte[] example;
    try (var in = getClass().getResourceAsStream("/examples/report-product.json")) {
      example = in.readAllBytes();
    }
    long warmEnd = System.nanoTime() + Bench.WARMUP.toNanos();
    while (System.nanoTime() < warmEnd) {
      applicationCase(example);
      baselineCase();
    }
    List<Double> app = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> appMs = new ArrayList<>();
    List<Double> bareMs = new ArrayList<>();
    for (int r = 0; r < Bench.ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CASES; i++) {
        appMs.add(applicationCase(example));
      }
      app.add(CASES / ((System.nanoTime() - t0) / 1e9));
      t0 = System.nanoTime();
      for (int i = 0; i < CASES; i++) {
        bareMs.add(baselineCase());
      }
      bare.add(CASES / ((System.nanoTime() - t0) / 1e9));
    }
    Bench.Series a = new Bench.Series(app);
    Bench.Series b = new Bench.Series(bare);
    Bench.report("2. A whole case (receipt, verification, government notice, coordination, publication), one driver", List.of(
        "application: " + a.describe("cases/s") + "; " + Bench.ratio(a.median(), b.median()) + "; time per case p50 "
            + Math.round(Bench.percentile(appMs, 50)) + " ms, p95 " + Math.round(Bench.percentile(appMs, 95)) + " ms",
        "baseline (bare engine, 9 user tasks, 13 async service tasks, 3 messages, a timer): " + b.describe("cases/s")
            + "; time per case p50 " + Math.round(Bench.percentile(bareMs, 50)) + " ms, p95 "
            + Math.round(Bench.percentile(bareMs, 95)) + " ms",
        CASES + " cases per round; waiting for the job executor is part of the time (it runs mails and async steps)"));
    Bench.figure("wholecase.ratio", a.median() / b.median(), Bench.pairedSpread(app, bare), "× bare engine", true);
    Bench.figure("wholecase.p50.ms", Bench.percentile(appMs, 50), Bench.blockSpread(appMs, 50), "ms per case", false);
    assertThat(a.median()).isPositive();
  }

  private double applicationCase(byte[] example) throws Exception {
    long t0 = System.nanoTime();
    String tn = intake.submit(parser.parse(example, ReportSubmission.class)).trackingNumber();
    complete(tn, "Task_FormalCheck", "receipt1", "receipt", Map.of("formalCheckOutcome", "COMPLETE"));
    complete(tn, "Task_SubstantiveCheck", "receipt1", "receipt", Map.of("isVulnerability", true, "inScope", true,
        "knownOrDuplicate", false, "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    complete(tn, "Task_Verification", "analyst1", "analyst", Map.of(
        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "exploitationStatus", "SUSPECTED",
        "affectedVersions", "4.2.0 - 4.2.7", "ssvcAutomatable", "no", "ssvcTechnicalImpact", "partial",
        "ssvcMissionImpact", "low"));
    complete(tn, "Task_Recognition", "analyst1", "analyst", Map.of("recognitionDecision", "NOTIFIABLE"));
    Map<String, Object> draft = new HashMap<>();
    draft.put("tlp", "AMBER");
    draft.put("vendorContactEmail", "psirt@sample-soft.example.jp");
    complete(tn, "Task_DraftNotice", "liaison1", "liaison", draft);
    complete(tn, "Task_ReviewNotice", "liaison2", "liaison", Map.of("reviewOutcome", "APPROVE"));
    await(tn, "Task_AwaitAcknowledgement");
    government.acknowledged(tn);
    // coordination, from the hand-off (in parallel with the government track) to publication
    complete(tn, "Task_IdentifyDevelopers", "coordinator1", "coordination",
        Map.of("developerIdsChosen", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"sample-soft\"]").create(),
            "lowImpact", false));
    awaitSubscription(tn, DeveloperCommands.MSG_CONTACT_NAMED);
    commands.nameContactPoint(tn, "sample-soft", "PSIRT", "cms-psirt@sample-soft.example.jp", "developer");
    awaitSubscription(tn, DeveloperCommands.MSG_RESPONSE);
    LocalDate date = LocalDate.now().plusDays(10);
    commands.respond(tn, "sample-soft", new Coordinations.Response(Coordinations.Status.AFFECTED,
        Coordinations.FixAvailability.AVAILABLE, "4.2.8", "4.2.8 へ更新してください", date, "修正版を公開しました。", null),
        "developer");
    complete(tn, "Task_SetPublicationDate", "coordinator1", "coordination", Map.of("publicationDate", date.toString()));
    awaitSubscription(tn, jp.vulnreport.coordination.PublicationDates.MSG_ANSWERED);
    publicationDates.answer(tn, "sample-soft", true, null, null, "developer");
    complete(tn, "Task_DraftAdvisory", "coordinator1", "coordination", ADVISORY);
    Job day = null;
    for (int i = 0; i < 6000 && day == null; i++) {
      var coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
          .processInstanceBusinessKey(tn).singleResult();
      day = coordination == null ? null : management.createJobQuery().processInstanceId(coordination.getId())
          .activityId("Event_PublicationDay").singleResult();
      if (day == null) {
        Thread.sleep(5);
      }
    }
    management.executeJob(day.getId());
    // done when the receipt process ended: completion notice sent and the government track closed
    for (int i = 0; runtime.createProcessInstanceQuery().processDefinitionKey("SoftwareVulnerabilityReport")
        .processInstanceBusinessKey(tn).count() > 0; i++) {
      if (i > 24000) {
        throw new IllegalStateException(tn + " did not end; waiting at " + runtime.createExecutionQuery()
            .processInstanceBusinessKey(tn).list().stream().map(e -> e.getProcessInstanceId() + "/"
                + ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) e).getActivityId()).toList()
            + "; failed jobs " + management.createJobQuery().withException().list().stream()
                .map(j -> j.getExceptionMessage()).toList());
      }
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  static final Map<String, Object> ADVISORY = Map.of("advisoryTitleJa", "SampleCMS における格納型 XSS の脆弱性",
      "advisoryTitleEn", "Stored XSS in SampleCMS", "advisoryOverviewJa", "管理画面の検索機能に脆弱性があります。",
      "advisoryOverviewEn", "The search function has a stored XSS vulnerability.", "advisoryImpactJa",
      "任意のスクリプトが実行される可能性があります。", "advisoryImpactEn", "A script may run in the administrator's browser.",
      "advisorySolutionJa", "最新版へアップデートしてください。", "advisorySolutionEn", "Update to the latest version.");

  private void awaitSubscription(String tn, String message) throws InterruptedException {
    for (int i = 0; i < 6000; i++) {
      if (runtime.createExecutionQuery().processInstanceBusinessKey(tn).messageEventSubscriptionName(message).count() > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("nothing waits for " + message + " in " + tn);
  }

  private String governmentId(String tn) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("GovernmentNotification")
        .processInstanceBusinessKey(tn).singleResult().getId();
  }

  private double baselineCase() throws Exception {
    long t0 = System.nanoTime();
    String key = "bare-" + System.nanoTime();
    String pi = runtime.startProcessInstanceByKey(BASELINE, key).getId();
    for (String u : List.of("U1", "U2", "U3", "U4", "U5", "U6")) {
      Task t = awaitTask(pi, u);
      tasks.complete(t.getId());
    }
    for (String message : List.of("BenchAck", "BenchContactPoint", "BenchResponse")) {
      while (runtime.createEventSubscriptionQuery().processInstanceId(pi).eventName(message).count() == 0) {
        Thread.sleep(5);
      }
      runtime.createMessageCorrelation(message).processInstanceId(pi).correlate();
      if (message.equals("BenchAck")) {
        tasks.complete(awaitTask(pi, "U7").getId());
      }
    }
    for (String u : List.of("U8", "U9")) {
      tasks.complete(awaitTask(pi, u).getId());
    }
    Job day = null;
    while (day == null) {
      day = management.createJobQuery().processInstanceId(pi).activityId("Day").singleResult();
      if (day == null) {
        Thread.sleep(5);
      }
    }
    management.executeJob(day.getId());
    while (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private void complete(String tn, String key, String user, String group, Map<String, Object> variables)
      throws InterruptedException {
    Task t = await(tn, key);
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.claim(t.getId(), user);
      tasks.complete(t.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task await(String tn, String key) throws InterruptedException {
    for (int i = 0; i < 6000; i++) {
      Task t = tasks.createTaskQuery().processInstanceBusinessKey(tn).taskDefinitionKey(key).singleResult();
      if (t != null) {
        return t;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no " + key + " for " + tn);
  }

  private Task awaitTask(String pi, String key) throws InterruptedException {
    for (int i = 0; i < 6000; i++) {
      Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
      if (t != null) {
        return t;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no " + key + " in " + pi);
  }
}
