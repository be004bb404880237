package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportParser;
import jp.vulnreport.intake.ReportSubmission;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 4: staff queries with a large history. 1,000 open cases (real reports, at the formal
 * check) and then 100,000 closed ones, generated here (register rows, government-notification
 * rows for one in ten, spread over three years, and 100,000 finished process instances in
 * Camunda's history): the Tasklist
 * queries behind the group filters (engine REST filter list and count, as receipt1, with
 * authorization checks) and the notification list (/api/government-notifications as manager1),
 * p95 latency. Baseline in the same run: the same queries with the 1,000 open cases only.
 */
class QueryBenchmark extends BenchContext {

  static final int OPEN = Integer.getInteger("bench.openCases", 1_000);
  static final int CLOSED = Integer.getInteger("bench.closedCases", 100_000);
  static final int SAMPLES = Integer.getInteger("bench.querySamples", 200);

  @Autowired IntakeService intake;
  @Autowired ReportParser parser;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void queriesWithAHundredThousandClosedCases() throws Exception {
    byte[] example;
    try (var in = getClass().getResourceAsStream("/examples/report-product.json")) {
      example = in.readAllBytes();
    }
    for (int i = 0; i < OPEN; i++) {
      intake.submit(parser.parse(example, ReportSubmission.class));
    }
    while (tasks.createTaskQuery().taskDefinitionKey("Task_FormalCheck").count() < OPEN) {
      Thread.sleep(200);
    }
    String groupFilter = filters.createFilterQuery().filterName("グループのタスク / My groups' tasks").singleResult().getId();
    String overdueFilter = filters.createFilterQuery().filterName("期限切れ / Overdue").singleResult().getId();
    Map<String, String> queries = Map.of(
        "group filter list (15)", "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=15",
        "group filter count", "/engine-rest/filter/" + groupFilter + "/count",
        "overdue filter count", "/engine-rest/filter/" + overdueFilter + "/count",
        "notification list (a month)", "/api/government-notifications?from=2025-06-01&to=2025-06-30");
    Map<String, List<Double>> baseline = measure(queries);

    long t0 = System.nanoTime();
    generateClosedCases();
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, List<Double>> loaded = measure(queries);

    List<String> lines = new ArrayList<>();
    for (String q : new java.util.TreeSet<>(queries.keySet())) {
      double p95 = Bench.percentile(loaded.get(q), 95);
      double b95 = Bench.percentile(baseline.get(q), 95);
      lines.add(String.format(Locale.ROOT, "%s: p95 %.1f ms (p50 %.1f) with %,d closed cases; baseline p95 %.1f ms "
          + "(p50 %.1f) with the open ones only; %s", q, p95, Bench.percentile(loaded.get(q), 50), CLOSED, b95,
          Bench.percentile(baseline.get(q), 50), Bench.ratio(p95, b95)));
    }
    lines.add(String.format(Locale.ROOT, "generating %,d closed cases took %.0f s; %d samples per query after %d warm-up calls",
        CLOSED, generateSeconds, SAMPLES, SAMPLES));
    Bench.report("4. Staff queries: " + String.format(Locale.ROOT, "%,d", OPEN) + " open cases, "
        + String.format(Locale.ROOT, "%,d", CLOSED) + " closed", lines);
    assertThat(loaded).hasSize(queries.size());
  }

  private Map<String, List<Double>> measure(Map<String, String> queries) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, List<Double>> result = new java.util.HashMap<>();
    for (Map.Entry<String, String> q : queries.entrySet()) {
      String user = q.getValue().startsWith("/api/government") ? "manager1" : "receipt1";
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + q.getValue())).header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build();
      List<Double> samples = new ArrayList<>();
      for (int i = 0; i < 2 * SAMPLES; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(q.getKey() + ": " + r.statusCode() + " " + r.body());
        }
        if (i >= SAMPLES) {
          samples.add((System.nanoTime() - t) / 1e6);
        }
      }
      result.put(q.getKey(), samples);
    }
    return result;
  }

  /**
   * Closed cases as the register and the engine's history hold them: VR_CASE / VR_REPORTER rows
   * (batched SQL), one in ten with a notified government notice in January 2026, and the history of
   * a finished two-step process per case.
   */
  private void generateClosedCases() {
    repository.createDeployment().name("BenchClosed").addModelInstance("BenchClosed.bpmn",
        Bpmn.createExecutableProcess("BenchClosed").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask().camundaExpression("${true}").endEvent().done()).deploy();
    OffsetDateTime start = OffsetDateTime.of(2023, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9));
    int batch = 1000;
    for (int from = 0; from < CLOSED; from += batch) {
      List<Object[]> reporters = new ArrayList<>();
      List<Object[]> closedCases = new ArrayList<>();
      List<Object[]> notices = new ArrayList<>();
      for (int i = from; i < Math.min(CLOSED, from + batch); i++) {
        String tn = "B25-" + i;
        String reporter = "bench-reporter-" + i;
        // spread over three years: a month holds about 2,800 cases and 280 notices
        OffsetDateTime at = start.plusMinutes(i * 15L);
        reporters.add(new Object[] {reporter});
        closedCases.add(new Object[] {tn, reporter, "管理画面の脆弱性 " + i, at, at.plusDays(3)});
        if (i % 10 == 0) {
          notices.add(new Object[] {tn, at, at.plusHours(1), at.plusHours(1), at.plusHours(20), at.plusHours(5)});
        }
      }
      jdbc.batchUpdate("INSERT INTO vr_reporter (id, share_contact_with_developer, credit_wanted, erased_at) "
          + "VALUES (?, FALSE, FALSE, CURRENT_TIMESTAMP)", reporters);
      jdbc.batchUpdate("INSERT INTO vr_case (tracking_number, category, state, channel, reporter_id, product_name, "
          + "summary, report_json, received_at, consented_at, closed_at, not_accepted_at, non_acceptance_reason) "
          + "VALUES (?, 'SOFTWARE_PRODUCT', 'NOT_ACCEPTED', 'API', ?, 'BenchCMS', ?, '{}', ?, ?, ?, ?, 'NOT_A_VULNERABILITY')",
          closedCases.stream().map(c -> new Object[] {c[0], c[1], c[2], c[3], c[3], c[4], c[4]}).toList());
      jdbc.batchUpdate("INSERT INTO vr_government_notification (tracking_number, opened_at, opened_on, status, "
          + "recognised_at, recognised_by, notifiable, deadline_at, sent_at) VALUES (?, ?, 'ACCEPTED', 'NOTIFIED', ?, "
          + "'analyst1', TRUE, ?, ?)", notices.stream().map(n -> new Object[] {n[0], n[1], n[2], n[4], n[5]}).toList());
      for (int i = from; i < Math.min(CLOSED, from + batch); i++) {
        runtime.startProcessInstanceByKey("BenchClosed", "B25-" + i);
      }
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case WHERE tracking_number LIKE 'B25-%'", Integer.class))
        .isEqualTo(CLOSED);
  }
}
