package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportParser;
import jp.vulnreport.intake.ReportSubmission;
import org.camunda.bpm.engine.IdentityService;
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
 * Cabinet Office's acknowledgement, with the hand-off to coordination in parallel. Coordination to
 * publication is not built yet (issue 4); the case stops there. Cases per second (one driver) and
 * time per case. Baseline in the same run: the bare engine with a process of the same six user
 * tasks and four asynchronous service tasks and no application code, driven the same way.
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
            .receiveTask("Ack2").message("BenchAck").endEvent().done()).deploy();
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
    Bench.report("2. A whole case (receipt, verification, government notice, hand-off), one driver", List.of(
        "application: " + a.describe("cases/s") + "; " + Bench.ratio(a.median(), b.median()) + "; time per case p50 "
            + Math.round(Bench.percentile(appMs, 50)) + " ms, p95 " + Math.round(Bench.percentile(appMs, 95)) + " ms",
        "baseline (bare engine, 6 user tasks, 4 async service tasks, a message): " + b.describe("cases/s")
            + "; time per case p50 " + Math.round(Bench.percentile(bareMs, 50)) + " ms, p95 "
            + Math.round(Bench.percentile(bareMs, 95)) + " ms",
        CASES + " cases per round; waiting for the job executor is part of the time (it runs mails and async steps)"));
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
    draft.put("zeroDayRequested", false);
    complete(tn, "Task_DraftNotice", "liaison1", "liaison", draft);
    complete(tn, "Task_ReviewNotice", "liaison2", "liaison", Map.of("reviewOutcome", "APPROVE"));
    await(tn, "Task_AwaitAcknowledgement");
    government.acknowledged(tn);
    while (runtime.createExecutionQuery().processInstanceBusinessKey(tn).activityId("Gateway_AwaitCaseChange")
        .count() == 0 && runtime.createEventSubscriptionQuery().eventName("Msg_GovernmentUpdate")
        .processInstanceId(governmentId(tn)).count() == 0) {
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1e6;
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
    while (runtime.createEventSubscriptionQuery().processInstanceId(pi).eventName("BenchAck").count() == 0) {
      Thread.sleep(5);
    }
    runtime.createMessageCorrelation("BenchAck").processInstanceId(pi).correlate();
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
