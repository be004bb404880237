package jp.vulnreport.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (separate JVMs, each with its own job executor) on one PostgreSQL database,
 * as in production: reports are taken on both; mails and timers are processed exactly once (every
 * mail arrives once at the SMTP server); one node is killed (SIGKILL) while it holds jobs and the
 * other completes them; nothing is lost. Prints its figures and writes them to
 * target/cluster/figures.txt.
 *
 * <p>Runs with {@code -Dtest.database=postgres} (as .ci/run does) against the database
 * {@code vulnreport_cluster} (or VULNREPORT_CLUSTER_DB_URL), which it empties first.
 *
 * <p>SMTP has no transactions: a node dying after the SMTP server accepted a mail but before its
 * database commit would send that mail again (with the same Message-ID, so receivers can drop it).
 * The test kills the node while its mail jobs wait for the SMTP greeting, outside that window, so
 * that "exactly once" is checked deterministically.
 */
public class ClusterTest {

  public static final String ADMIN_PASSWORD = "cluster-test-admin-pw";
  static final Path DIR = Path.of("target", "cluster");
  static final int REPORTS_PER_ROUND = 20;

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> figures = new LinkedHashMap<>();

  @Test
  void twoNodesOnOneDatabaseProcessEverythingOnceAndSurviveTheLossOfOne() throws Exception {
    Assumptions.assumeTrue("postgres".equals(System.getProperty("test.database")),
        "cluster test needs PostgreSQL: run with -Dtest.database=postgres (as .ci/run does)");
    String url = env("VULNREPORT_CLUSTER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/vulnreport_cluster");
    String user = env("VULNREPORT_TEST_DB_USERNAME", "vulnreport");
    String password = env("VULNREPORT_TEST_DB_PASSWORD", "vulnreport");
    emptyDatabase(url, user, password);

    GreenMail smtp = new GreenMail(new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    try (SmtpGate gateA = new SmtpGate(smtp.getSmtp().getPort());
        ClusterNode a = new ClusterNode("node-a", url, user, password, gateA.port(), DIR);
        ClusterNode b = startSecond(url, user, password, smtp, a)) {
      figures.put("node-a ready after (ms, first start: creates the schema)", Long.toString(a.readyAfterMillis));
      figures.put("node-b ready after (ms)", Long.toString(b.readyAfterMillis));

      // 1. reports on both nodes; every acknowledgement mailed once
      long t0 = System.nanoTime();
      Map<String, String> takenBy = new TreeMap<>();
      for (int i = 0; i < REPORTS_PER_ROUND; i++) {
        ClusterNode node = i % 2 == 0 ? a : b;
        takenBy.put(report(node, "round1-" + i), node.name);
      }
      awaitMails(smtp, REPORTS_PER_ROUND, Duration.ofSeconds(90));
      figures.put("round 1: reports taken (a/b)", count(takenBy, "node-a") + "/" + count(takenBy, "node-b"));
      figures.put("round 1: until all acknowledgements arrived (ms)", Long.toString((System.nanoTime() - t0) / 1_000_000));

      // 2. formal checks asking questions (question mails), then the reminder timers made due: both
      //    job executors compete for the same jobs
      t0 = System.nanoTime();
      for (String tn : takenBy.keySet()) {
        String task = awaitTask(b, tn, "Task_FormalCheck");
        post(b, "/engine-rest/task/" + task + "/complete", "{\"variables\":{"
            + "\"formalCheckOutcome\":{\"value\":\"CLARIFICATION\"},"
            + "\"clarificationQuestions\":{\"value\":\"再現手順の詳細を教えてください。\"}}}", 204);
      }
      awaitMails(smtp, 2 * REPORTS_PER_ROUND, Duration.ofSeconds(90));
      String reminderDefinition = jobDefinition(b, "BoundaryEvent_ClarificationReminder");
      String now = OffsetDateTime.now().minusSeconds(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
      JsonNode timers = get(b, "/engine-rest/job?jobDefinitionId=" + reminderDefinition);
      assertThat(timers).hasSize(REPORTS_PER_ROUND);
      for (JsonNode timer : timers) {
        put(b, "/engine-rest/job/" + timer.get("id").asText() + "/duedate", "{\"duedate\":\"" + now + "\"}", 204);
      }
      awaitMails(smtp, 3 * REPORTS_PER_ROUND, Duration.ofSeconds(90));
      figures.put("round 2: questions and reminders (timers) mailed (ms)", Long.toString((System.nanoTime() - t0) / 1_000_000));

      // 3. more reports; node A is killed while it holds acknowledgement jobs; B takes over
      gateA.hold();
      Thread.sleep(1000); // whatever A was sending finishes and commits
      t0 = System.nanoTime();
      Map<String, String> round3 = new TreeMap<>();
      for (int i = 0; i < REPORTS_PER_ROUND; i++) {
        ClusterNode node = a.alive() && i % 2 == 0 ? a : b;
        round3.put(report(node, "round3-" + i), node.name);
        if (node == a && count(round3, "node-a") == REPORTS_PER_ROUND / 4) {
          Thread.sleep(300); // A has picked up the jobs and waits for the SMTP greeting
          a.kill();
        }
      }
      takenBy.putAll(round3);
      awaitMails(smtp, 4 * REPORTS_PER_ROUND, Duration.ofSeconds(120));
      figures.put("round 3: reports taken (a before its death / b)", count(round3, "node-a") + "/" + count(round3, "node-b"));
      figures.put("round 3: until every acknowledgement arrived, A's taken over by B (ms)",
          Long.toString((System.nanoTime() - t0) / 1_000_000));
      Thread.sleep(3000); // anything still to come (a duplicate) would arrive now

      // exactly once: one mail per case and template, no Message-ID twice
      MimeMessage[] received = smtp.getReceivedMessages();
      Map<String, Integer> perMessageId = new HashMap<>();
      Map<String, Integer> perCaseAndKind = new HashMap<>();
      for (MimeMessage m : received) {
        perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        String tn = m.getHeader("X-Vulnreport-Tracking-Number")[0];
        String subject = m.getSubject();
        String kind = subject.contains("has been received") ? "acknowledgement"
            : subject.contains("Reminder") ? "reminder" : subject.contains("Questions about") ? "question" : subject;
        perCaseAndKind.merge(tn + " " + kind, 1, Integer::sum);
      }
      figures.put("mails received / distinct Message-IDs", received.length + " / " + perMessageId.size());
      assertThat(received).hasSize(4 * REPORTS_PER_ROUND);
      assertThat(perMessageId.values()).allMatch(n -> n == 1);
      assertThat(perCaseAndKind.values()).as(perCaseAndKind.toString()).allMatch(n -> n == 1);
      for (String tn : takenBy.keySet()) {
        assertThat(perCaseAndKind).containsKey(tn + " acknowledgement");
      }

      // nothing lost, no incident, and who did the work
      try (Connection db = DriverManager.getConnection(url, user, password); Statement st = db.createStatement()) {
        assertThat(single(st, "SELECT COUNT(*) FROM vr_case")).isEqualTo(takenBy.size());
        // every case has its running receipt process
        assertThat(single(st, "SELECT COUNT(*) FROM vr_case c WHERE EXISTS (SELECT 1 FROM act_ru_execution e "
            + "JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE e.parent_id_ IS NULL "
            + "AND e.business_key_ = c.tracking_number AND d.key_ = 'SoftwareVulnerabilityReport')"))
            .isEqualTo(takenBy.size());
        assertThat(single(st, "SELECT COUNT(*) FROM vr_mail_record")).isEqualTo(4L * REPORTS_PER_ROUND);
        assertThat(single(st, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
        assertThat(single(st, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ < 3 AND exception_msg_ IS NOT NULL"))
            .as("failed jobs").isZero();
        try (ResultSet rs = st.executeQuery("SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE "
            + "job_state_ = 2 GROUP BY hostname_ ORDER BY hostname_")) {
          StringBuilder sb = new StringBuilder();
          while (rs.next()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(rs.getString(1)).append(' ').append(rs.getLong(2));
          }
          figures.put("jobs completed per node (job log)", sb.toString());
          assertThat(sb.toString()).contains("node-a", "node-b");
        }
      }
    } finally {
      smtp.stop();
      report();
    }
  }

  private ClusterNode startSecond(String url, String user, String password, GreenMail smtp, ClusterNode a)
      throws Exception {
    // the first node creates the schema; the second starts when it is ready (as in docker/compose.yaml)
    a.awaitReady(Duration.ofSeconds(180));
    ClusterNode b = new ClusterNode("node-b", url, user, password, smtp.getSmtp().getPort(), DIR);
    b.awaitReady(Duration.ofSeconds(180));
    return b;
  }

  /** Files a report through a node's public API and returns its tracking number. */
  private String report(ClusterNode node, String label) throws Exception {
    String body;
    try (InputStream in = getClass().getResourceAsStream("/examples/report-product.json")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"name\": \"SampleCMS\"", "\"name\": \"SampleCMS " + label + "\"");
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/reports"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return mapper.readTree(r.body()).get("trackingNumber").asText();
  }

  private String awaitTask(ClusterNode node, String tn, String key) throws Exception {
    for (int i = 0; i < 120; i++) {
      JsonNode tasks = get(node, "/engine-rest/task?processInstanceBusinessKey=" + tn + "&taskDefinitionKey=" + key);
      if (tasks.size() == 1) {
        return tasks.get(0).get("id").asText();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no " + key + " for " + tn);
  }

  private String jobDefinition(ClusterNode node, String activityId) throws Exception {
    JsonNode defs = get(node, "/engine-rest/job-definition?activityIdIn=" + activityId);
    assertThat(defs).hasSize(1);
    return defs.get(0).get("id").asText();
  }

  private JsonNode get(ClusterNode node, String path) throws Exception {
    HttpResponse<String> r = http.send(admin(node, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return mapper.readTree(r.body());
  }

  private void post(ClusterNode node, String path, String json, int expected) throws Exception {
    send(admin(node, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), path, expected);
  }

  private void put(ClusterNode node, String path, String json, int expected) throws Exception {
    send(admin(node, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)), path, expected);
  }

  private void send(HttpRequest.Builder b, String path, int expected) throws Exception {
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expected);
  }

  private HttpRequest.Builder admin(ClusterNode node, String path) {
    return HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private static void awaitMails(GreenMail smtp, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (smtp.getReceivedMessages().length < count && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(smtp.getReceivedMessages().length).as("mails received").isGreaterThanOrEqualTo(count);
  }

  private static long count(Map<String, String> takenBy, String node) {
    return takenBy.values().stream().filter(node::equals).count();
  }

  private static long single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void emptyDatabase(String url, String user, String password) throws Exception {
    try (Connection db = DriverManager.getConnection(url, user, password); Statement st = db.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
  }

  private void report() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("Cluster test: 2 nodes (separate JVMs), PostgreSQL, " + Runtime.getRuntime().availableProcessors()
        + " cores, " + REPORTS_PER_ROUND + " reports per round");
    figures.forEach((k, v) -> lines.add("  " + k + ": " + v));
    lines.forEach(System.out::println);
    Files.createDirectories(DIR);
    Files.write(DIR.resolve("figures.txt"), lines, StandardCharsets.UTF_8);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
