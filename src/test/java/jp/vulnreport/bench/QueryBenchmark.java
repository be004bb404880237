package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 4: staff queries with a large history, as Tasklist and the staff pages ask them.
 *
 * <p>The group filter's list is requested exactly as Tasklist 7.24 requests it on every refresh:
 * {@code POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15}, {@code Accept:
 * application/hal+json}, the body Tasklist sends (sorted by creation, newest first, active tasks), so
 * the response embeds the filter's variables (受付番号, 概要), assignees and process definitions, and
 * the count Tasklist shows above the list. As receipt1 (authorization checks on).
 *
 * <p>Three states, measured one after the other in the same run: exactly {@code bench.openCases}
 * (1,000) open cases at the formal check and nothing else running (what earlier benchmarks left
 * running is deleted first); then with {@code bench.closedCases} (100,000) closed cases generated
 * (register rows, a notified government notice for one in ten over three years, 100,000 finished
 * process instances in history); then with {@code bench.moreOpenCases} (5,000) open cases. p50/p95
 * per query, the p95's spread over four blocks of samples.
 */
class QueryBenchmark extends BenchContext {

  static final int OPEN = Integer.getInteger("bench.openCases", 1_000);
  static final int MORE_OPEN = Integer.getInteger("bench.moreOpenCases", 5_000);
  static final int CLOSED = Integer.getInteger("bench.closedCases", 100_000);
  static final int SAMPLES = Integer.getInteger("bench.querySamples", 200);

  /** What Tasklist 7.24 posts for a filter's first page (camunda-tasklist-bootstrap.js, taskListQuery). */
  static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

  @Autowired IntakeService intake;
  @Autowired ReportParser parser;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  record Query(String path, String body, String user) {}

  @Test
  void queriesWithAHundredThousandClosedCases() throws Exception {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case WHERE tracking_number LIKE 'B25-%'", Integer.class))
        .as("closed cases of an earlier run in this database: recreate it").isZero();
    deleteWhatIsRunning();
    byte[] example;
    try (var in = getClass().getResourceAsStream("/examples/report-product.json")) {
      example = in.readAllBytes();
    }
    openCases(example, OPEN);
    String groupFilter = filters.createFilterQuery().filterName("グループのタスク / My groups' tasks").singleResult().getId();
    String overdueFilter = filters.createFilterQuery().filterName("期限切れ / Overdue").singleResult().getId();
    Map<String, Query> queries = new LinkedHashMap<>();
    queries.put("group filter list (15), as Tasklist asks", new Query(
        "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, "receipt1"));
    queries.put("group filter list (15), plain JSON, no variables", new Query(
        "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=15", null, "receipt1"));
    queries.put("group filter count", new Query("/engine-rest/filter/" + groupFilter + "/count", null, "receipt1"));
    queries.put("overdue filter count", new Query("/engine-rest/filter/" + overdueFilter + "/count", null, "receipt1"));
    queries.put("notification list (a month)", new Query(
        "/api/government-notifications?from=2025-06-01&to=2025-06-30", null, "manager1"));

    Map<String, List<Double>> openOnly = measure(queries);

    long t0 = System.nanoTime();
    generateClosedCases();
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, List<Double>> loaded = measure(queries);

    t0 = System.nanoTime();
    openCases(example, MORE_OPEN);
    double moreSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, List<Double>> more = measure(queries);

    List<String> lines = new ArrayList<>();
    for (String q : queries.keySet()) {
      lines.add(String.format(Locale.ROOT, "%s: %,d open + %,d closed p95 %.1f ms (p50 %.1f); %,d open only p95 %.1f ms "
              + "(p50 %.1f), %s; %,d open + %,d closed p95 %.1f ms (p50 %.1f), %.2f× the %,d-open figure", q,
          OPEN, CLOSED, p(loaded, q, 95), p(loaded, q, 50), OPEN, p(openOnly, q, 95), p(openOnly, q, 50),
          Bench.ratio(p(loaded, q, 95), p(openOnly, q, 95)), MORE_OPEN, CLOSED, p(more, q, 95), p(more, q, 50),
          p(more, q, 95) / p(loaded, q, 95), OPEN));
    }
    lines.add(String.format(Locale.ROOT, "generating %,d closed cases took %.0f s, %,d more open cases %.0f s; %d samples "
        + "per query after %d warm-up calls", CLOSED, generateSeconds, MORE_OPEN - OPEN, moreSeconds, SAMPLES, SAMPLES));
    Bench.report("4. Staff queries: " + String.format(Locale.ROOT, "%,d and %,d", OPEN, MORE_OPEN) + " open cases, "
        + String.format(Locale.ROOT, "%,d", CLOSED) + " closed", lines);
    String list = "group filter list (15), as Tasklist asks";
    Bench.figure("query.list.p95.ms", Bench.percentile(loaded.get(list), 95), Bench.blockSpread(loaded.get(list), 95),
        "ms", false);
    Bench.figure("query.list.5000open.p95.ms", Bench.percentile(more.get(list), 95),
        Bench.blockSpread(more.get(list), 95), "ms", false);
    Bench.figure("query.count.p95.ms", Bench.percentile(loaded.get("group filter count"), 95),
        Bench.blockSpread(loaded.get("group filter count"), 95), "ms", false);
    assertThat(loaded).hasSize(queries.size());
  }

  private static double p(Map<String, List<Double>> m, String q, double percentile) {
    return Bench.percentile(m.get(q), percentile);
  }

  /** Deletes every running process instance (what the benchmarks before this one left), without listeners. */
  private void deleteWhatIsRunning() {
    List<String> ids;
    while (!(ids = runtime.createProcessInstanceQuery().rootProcessInstances().listPage(0, 500).stream()
        .map(ProcessInstance::getId).toList()).isEmpty()) {
      runtime.deleteProcessInstances(ids, "benchmark 4 starts from a known state", true, true, false);
    }
    assertThat(tasks.createTaskQuery().count()).isZero();
  }

  /** Submits reports until {@code total} cases wait at the formal check. */
  private void openCases(byte[] example, int total) throws Exception {
    long have = tasks.createTaskQuery().taskDefinitionKey("Task_FormalCheck").count();
    for (long i = have; i < total; i++) {
      intake.submit(parser.parse(example, ReportSubmission.class));
    }
    while (tasks.createTaskQuery().taskDefinitionKey("Task_FormalCheck").count() < total) {
      Thread.sleep(200);
    }
  }

  private Map<String, List<Double>> measure(Map<String, Query> queries) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    Map<String, List<Double>> result = new LinkedHashMap<>();
    for (Map.Entry<String, Query> q : queries.entrySet()) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + q.getValue().path())).header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((q.getValue().user() + ":demo").getBytes(StandardCharsets.UTF_8)));
      HttpRequest request = q.getValue().body() == null ? b.GET().build()
          : b.header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json; q=0.5")
              .POST(HttpRequest.BodyPublishers.ofString(q.getValue().body())).build();
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
        if (i == 0 && q.getValue().body() != null) {
          // what Tasklist shows: 15 tasks, each with its case's tracking number from the filter's variables
          JsonNode page = json.readTree(r.body());
          assertThat(page.path("_embedded").path("task")).hasSize(15);
          assertThat(page.path("_embedded").path("task").get(0).path("_embedded").path("variable").findValuesAsText("name"))
              .contains("trackingNumber");
          assertThat(page.path("count").asLong()).isGreaterThanOrEqualTo(15);
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
