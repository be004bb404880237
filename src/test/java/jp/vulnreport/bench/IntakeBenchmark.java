package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark 1: reports per second through POST /api/reports (the shared examples, varied) until
 * the case is registered and its formal-check task exists, with several concurrent HTTP clients;
 * POST latency p50/p95/p99. Baseline in the same run: the bare engine starting, over its REST API,
 * a process with the same steps (service task, async mail-like task, gateway, user task) and no
 * application code.
 */
class IntakeBenchmark extends BenchContext {

  static final String BASELINE = "BenchIntakeBaseline";
  static final String BASELINE_FORM = "Form_BenchIntakeBaseline";

  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  record Round(double perSecond, List<Double> latenciesMs) {}

  @Test
  void intakeAgainstTheBareEngine() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BASELINE).camundaHistoryTimeToLive(1)
        .startEvent().camundaFormRef(BASELINE_FORM).camundaFormRefBinding("deployment")
        .serviceTask("Register").camundaExpression("${true}")
        .serviceTask("Acknowledge").camundaAsyncBefore().camundaAsyncAfter().camundaExpression("${true}")
        .exclusiveGateway()
        .userTask("FormalCheck").camundaCandidateGroups("receipt")
        .endEvent().done();
    // the engine API guard lets no one start a process with the raw start (it has to follow the
    // start form): the baseline has an empty form and goes through submit-form, as any start does here
    repository.createDeployment().name(BASELINE).addModelInstance(BASELINE + ".bpmn", model)
        .addString(BASELINE + ".form", "{\"id\":\"" + BASELINE_FORM + "\",\"type\":\"default\",\"components\":[]}")
        .deploy();

    List<byte[]> reports = new ArrayList<>();
    for (String name : List.of("report-product", "report-website", "report-protocol-spec")) {
      try (InputStream in = getClass().getResourceAsStream("/examples/" + name + ".json")) {
        reports.add(in.readAllBytes());
      }
    }
    AtomicInteger n = new AtomicInteger();
    Supplier<HttpRequest> application = () -> {
      int i = n.incrementAndGet();
      String body = new String(reports.get(i % reports.size()), StandardCharsets.UTF_8)
          .replace("\"summary\": \"", "\"summary\": \"[" + i + "] ");
      return HttpRequest.newBuilder(URI.create(base() + "/api/reports")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    };
    String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    Supplier<HttpRequest> baseline = () -> HttpRequest.newBuilder(
            URI.create(base() + "/engine-rest/process-definition/key/" + BASELINE + "/submit-form"))
        .header("Content-Type", "application/json").header("Authorization", admin)
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}")).build();

    // warm-up: both, alternating, for the JIT
    long warmEnd = System.nanoTime() + Bench.WARMUP.toNanos();
    while (System.nanoTime() < warmEnd) {
      load(application, "Task_FormalCheck", 5);
      load(baseline, "FormalCheck", 5);
    }
    List<Double> app = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> appLatency = new ArrayList<>();
    List<Double> bareLatency = new ArrayList<>();
    for (int r = 0; r < Bench.ROUNDS; r++) {
      Round a = load(application, "Task_FormalCheck", Bench.ROUND.toSeconds());
      Round b = load(baseline, "FormalCheck", Bench.ROUND.toSeconds());
      app.add(a.perSecond());
      bare.add(b.perSecond());
      appLatency.addAll(a.latenciesMs());
      bareLatency.addAll(b.latenciesMs());
    }
    Bench.Series appSeries = new Bench.Series(app);
    Bench.Series bareSeries = new Bench.Series(bare);
    Bench.report("1. Intake: POST /api/reports until the formal-check task exists", List.of(
        "application: " + appSeries.describe("reports/s") + "; " + Bench.ratio(appSeries.median(), bareSeries.median()),
        "baseline (bare engine, REST start of a process with the same steps): " + bareSeries.describe("starts/s"),
        latency("application POST latency", appLatency) + "; p95 " + Bench.ratio(Bench.percentile(appLatency, 95),
            Bench.percentile(bareLatency, 95)),
        latency("baseline POST latency", bareLatency)));
    Bench.figure("intake.ratio", appSeries.median() / bareSeries.median(), Bench.pairedSpread(app, bare),
        "× bare engine", true);
    Bench.figure("intake.reportsPerSecond", appSeries.median(), Bench.spread(appSeries), "reports/s", true);
    Bench.figure("intake.post.p95.ms", Bench.percentile(appLatency, 95), Bench.blockSpread(appLatency, 95), "ms", false);
    assertThat(appSeries.median()).isPositive();
  }

  /** Clients send for {@code seconds}; the round ends when every started case has its user task. */
  private Round load(Supplier<HttpRequest> request, String taskKey, long seconds) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long before = tasks.createTaskQuery().taskDefinitionKey(taskKey).count();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger created = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(Bench.CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < Bench.CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          HttpResponse<String> r = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
          latencies.add((System.nanoTime() - t0) / 1e6);
          if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
          }
          created.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    long expected = before + created.get();
    while (tasks.createTaskQuery().taskDefinitionKey(taskKey).count() < expected) {
      Thread.sleep(20);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Round(created.get() / elapsed, latencies);
  }

  private static String latency(String label, List<Double> ms) {
    return String.format(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests)", label,
        Bench.percentile(ms, 50), Bench.percentile(ms, 95), Bench.percentile(ms, 99), ms.size());
  }
}
