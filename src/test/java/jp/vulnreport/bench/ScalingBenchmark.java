package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.vulnreport.cluster.ClusterNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 6 (PostgreSQL only: -Dtest.database=postgres): benchmark 1's intake load against one
 * node, then against two nodes on the same database (clients alternating), each node a JVM of its
 * own; reports per second until every formal-check task exists. The one-node figure is the
 * baseline.
 */
class ScalingBenchmark {

  @Test
  void oneNodeAgainstTwo() throws Exception {
    Assumptions.assumeTrue("postgres".equals(System.getProperty("test.database")),
        "scaling benchmark needs PostgreSQL: -Dtest.database=postgres");
    String url = env("VULNREPORT_CLUSTER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/vulnreport_cluster");
    try (Connection db = DriverManager.getConnection(url, "vulnreport", "vulnreport");
        Statement st = db.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
    GreenMail smtp = new GreenMail(new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    Path dir = Path.of("target", "bench", "scaling");
    try (ClusterNode a = new ClusterNode("node-a", url, "vulnreport", "vulnreport", smtp.getSmtp().getPort(), dir)) {
      a.awaitReady(Duration.ofSeconds(180));
      byte[] report;
      try (InputStream in = getClass().getResourceAsStream("/examples/report-product.json")) {
        report = in.readAllBytes();
      }
      load(List.of(a), report, Bench.WARMUP.toSeconds());
      List<Double> one = new ArrayList<>();
      for (int r = 0; r < Bench.ROUNDS; r++) {
        one.add(load(List.of(a), report, Bench.ROUND.toSeconds()));
      }
      List<Double> two = new ArrayList<>();
      try (ClusterNode b = new ClusterNode("node-b", url, "vulnreport", "vulnreport", smtp.getSmtp().getPort(), dir)) {
        b.awaitReady(Duration.ofSeconds(180));
        load(List.of(a, b), report, Bench.WARMUP.toSeconds());
        for (int r = 0; r < Bench.ROUNDS; r++) {
          two.add(load(List.of(a, b), report, Bench.ROUND.toSeconds()));
        }
      }
      Bench.Series s1 = new Bench.Series(one);
      Bench.Series s2 = new Bench.Series(two);
      Bench.figure("scaling.ratio", s2.median() / s1.median(), Bench.pairedSpread(two, one), "× one node", true);
      Bench.report("6. Scale-out on PostgreSQL: intake against one node and against two", List.of(
          "two nodes: " + s2.describe("reports/s") + "; " + Bench.ratio(s2.median(), s1.median()),
          "baseline, one node: " + s1.describe("reports/s"),
          "each node a JVM of its own (-Xmx384m, C1 only) on one machine with the database and the clients"));
      assertThat(s2.median()).isPositive();
    } finally {
      smtp.stop();
    }
  }

  /** Reports per second until the formal-check tasks of all of them exist. */
  private double load(List<ClusterNode> nodes, byte[] report, long seconds) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long before = taskCount(http, nodes.get(0));
    AtomicInteger created = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(Bench.CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < Bench.CLIENTS; c++) {
      ClusterNode node = nodes.get(c % nodes.size());
      clients.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/reports"))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(report)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 201) {
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
    while (taskCount(http, nodes.get(0)) < before + created.get()) {
      Thread.sleep(100);
    }
    return created.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static long taskCount(HttpClient http, ClusterNode node) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base()
            + "/engine-rest/task/count?taskDefinitionKey=Task_FormalCheck")).header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(("admin:" + jp.vulnreport.cluster.ClusterTest.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body()).get("count").asLong();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
