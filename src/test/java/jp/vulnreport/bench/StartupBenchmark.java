package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.vulnreport.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 5: start-up time to ready and resident memory (VmRSS) after start and after an intake
 * run of 300 reports, the application in a JVM of its own on its local profile (H2 file database,
 * in-process SMTP). Baseline in the same run: the stock Camunda starter with webapps and REST and
 * the same configuration, without the application's code (BareCamundaApp), started the same way,
 * with 300 process starts over its REST API. Same JVM flags for both: -Xmx512m. Each is then
 * started a second time on the same database (a restart: schema, deployments and users in place,
 * as after an upgrade or a node's restart) and its ready time measured again.
 */
class StartupBenchmark {

  static final int REQUESTS = Integer.getInteger("bench.startupRequests", 300);

  record Run(double readySeconds, double rssStartMb, double rssAfterMb, double restartSeconds) {}

  @Test
  void startUpAndMemoryAgainstTheStockStarter() throws Exception {
    int runs = Math.min(Bench.ROUNDS, 3);
    List<Run> app = new ArrayList<>();
    List<Run> bare = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      app.add(run("jp.vulnreport.VulnReportApplication", false, i));
      bare.add(run("jp.vulnreport.bench.bare.BareCamundaApp", true, i));
    }
    Bench.Series appReady = series(app, Run::readySeconds);
    Bench.Series bareReady = series(bare, Run::readySeconds);
    Bench.Series appStart = series(app, Run::rssStartMb);
    Bench.Series bareStart = series(bare, Run::rssStartMb);
    Bench.Series appAfter = series(app, Run::rssAfterMb);
    Bench.Series bareAfter = series(bare, Run::rssAfterMb);
    Bench.Series appRestart = series(app, Run::restartSeconds);
    Bench.Series bareRestart = series(bare, Run::restartSeconds);
    Bench.report("5. Start-up time and resident memory (separate JVMs, -Xmx512m)", List.of(
        "application ready after " + appReady.describe("s") + "; " + Bench.ratio(appReady.median(), bareReady.median()),
        "baseline (stock Camunda starter, no application code) ready after " + bareReady.describe("s"),
        "restart on the same database: application ready after " + appRestart.describe("s") + "; "
            + Bench.ratio(appRestart.median(), bareRestart.median()) + "; baseline " + bareRestart.describe("s"),
        "application RSS after start " + appStart.describe("MB") + "; " + Bench.ratio(appStart.median(), bareStart.median())
            + "; after " + REQUESTS + " reports " + appAfter.describe("MB") + "; "
            + Bench.ratio(appAfter.median(), bareAfter.median()),
        "baseline RSS after start " + bareStart.describe("MB") + "; after " + REQUESTS + " REST process starts "
            + bareAfter.describe("MB")));
    Bench.figure("startup.ratio", appReady.median() / bareReady.median(), Bench.pairedSpread(
        app.stream().map(Run::readySeconds).toList(), bare.stream().map(Run::readySeconds).toList()),
        "× stock starter", false);
    Bench.figure("startup.seconds", appReady.median(), Bench.spread(appReady), "s", false);
    Bench.figure("restart.ratio", appRestart.median() / bareRestart.median(), Bench.pairedSpread(
        app.stream().map(Run::restartSeconds).toList(), bare.stream().map(Run::restartSeconds).toList()),
        "× stock starter", false);
    Bench.figure("rss.after.mb", appAfter.median(), Bench.spread(appAfter), "MB", false);
    assertThat(appReady.median()).isPositive();
  }

  private Run run(String mainClass, boolean bare, int index) throws Exception {
    Path dir = Path.of("target", "bench", "startup-" + (bare ? "bare" : "app") + "-" + index).toAbsolutePath();
    deleteTree(dir);
    Files.createDirectories(dir);
    int port = ClusterNode.freePort();
    String classpath = ClusterNode.applicationClasspath() + (bare ? java.io.File.pathSeparator
        + Path.of("target", "test-classes").toAbsolutePath() : "");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", classpath, mainClass, "--server.port=" + port,
        "--spring.mail.port=" + ClusterNode.freePort(), "--logging.level.root=WARN",
        // the load comes from one address: the per-address limit would stop it
        "--vulnreport.rate-limit.enabled=false"));
    if (bare) {
      command.addAll(List.of("--spring.flyway.enabled=false", "--camunda.bpm.auto-deployment-enabled=false"));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String base = "http://127.0.0.1:" + port;
    double ready;
    double rssStart;
    double rssAfter;
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile()).start();
    try {
      ready = awaitReady(p, http, base, dir);
      Thread.sleep(2000);
      rssStart = rss(p.pid());
      load(http, base, bare);
      Thread.sleep(2000);
      rssAfter = rss(p.pid());
    } finally {
      p.destroy();
      p.waitFor();
    }
    Process again = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("restart.log").toFile()).start();
    try {
      return new Run(ready, rssStart, rssAfter, awaitReady(again, http, base, dir));
    } finally {
      again.destroy();
      again.waitFor();
    }
  }

  /** Seconds from now until the process answers its readiness probe with 200. */
  private static double awaitReady(Process p, HttpClient http, String base, Path dir) throws Exception {
    long t0 = System.nanoTime();
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the JVM exited; see " + dir);
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(100);
    }
  }

  private void load(HttpClient http, String base, boolean bare) throws Exception {
    String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    byte[] report;
    try (InputStream in = getClass().getResourceAsStream("/examples/report-product.json")) {
      report = in.readAllBytes();
    }
    if (bare) {
      String boundary = "----bench";
      String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/"
          + "BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\">"
          + "<bpmn:process id=\"BenchBare\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"s\"/>"
          + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"a\"/><bpmn:serviceTask id=\"a\" camunda:expression=\"${true}\"/>"
          + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"a\" targetRef=\"b\"/><bpmn:serviceTask id=\"b\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\"/>"
          + "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"b\" targetRef=\"u\"/><bpmn:userTask id=\"u\"/></bpmn:process></bpmn:definitions>";
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"b.bpmn\"\r\n\r\n"
          + bpmn + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> d = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", admin)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Bench.CLIENTS);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpRequest request = bare
          ? HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/BenchBare/start"))
              .header("Content-Type", "application/json").header("Authorization", admin)
              .POST(HttpRequest.BodyPublishers.ofString("{}")).build()
          : HttpRequest.newBuilder(URI.create(base + "/api/reports")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build();
      results.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
    }
    for (Future<Integer> f : results) {
      assertThat(f.get() / 100).as("HTTP status").isEqualTo(2);
    }
    pool.shutdown();
  }

  private static double rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static Bench.Series series(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    return new Bench.Series(runs.stream().map(r -> f.applyAsDouble(r)).toList());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
