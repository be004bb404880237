package jp.vulnreport.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.vulnreport.support.MutableClock;
import jp.vulnreport.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report for a quarter over 100,000 cases spread over three years (the fixture's generator:
 * timelines, coordinations, notices for about one in six): the query layer alone, and the whole
 * report as JSON, CSV and PDF. Prints the figures; not a timed test ({@code -Pbench}).
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:vulnreport-statistics-bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "logging.level.jp.vulnreport=WARN", "logging.level.org.camunda=WARN"})
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class StatisticsBenchmark {

  static final int CASES = Integer.getInteger("bench.statisticsCases", 100_000);
  static final int SAMPLES = Integer.getInteger("bench.statisticsSamples", 30);

  @Autowired JdbcTemplate jdbc;
  @Autowired StatisticsService statistics;
  @Autowired MutableClock clock;
  @Autowired ObjectMapper json;

  @Test
  void aQuarterOverAHundredThousandCases() throws Exception {
    long t0 = System.nanoTime();
    StatisticsFixture fixture = new StatisticsFixture().generate(CASES);
    fixture.write(jdbc);
    long generated = (System.nanoTime() - t0) / 1_000_000;
    clock.advance(Duration.between(Instant.now(), StatisticsFixture.NOW.toInstant()));
    long closed = fixture.cases.stream().filter(c -> c.closed != null).count();
    long events = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case_event", Long.class);
    long notices = jdbc.queryForObject("SELECT COUNT(*) FROM vr_government_notification", Long.class);
    LocalDate from = LocalDate.of(2026, 7, 1);
    LocalDate to = LocalDate.of(2026, 9, 30);
    for (int i = 0; i < 10; i++) {
      StatisticsPdf.render(statistics.report(from, to));
    }
    List<Double> query = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    int pdfBytes = 0;
    for (int i = 0; i < SAMPLES; i++) {
      long a = System.nanoTime();
      StatisticsReport r = statistics.report(from, to);
      long b = System.nanoTime();
      json.writeValueAsString(r);
      StatisticsController.csv(r);
      pdfBytes = StatisticsPdf.render(r).length;
      long c = System.nanoTime();
      query.add((b - a) / 1e6);
      whole.add((c - a) / 1e6);
    }
    StatisticsReport r = statistics.report(from, to);
    assertThat(r.receipt().totalCumulative()).isEqualTo(fixture.cases.stream()
        .filter(c -> c.received.isBefore(StatisticsFixture.jst(2026, 10, 1, 0, 0))).count());
    // its own in-memory H2 database, whatever -Dtest.database says
    jp.vulnreport.bench.Bench.figureOn("h2", "statistics.whole.p95.ms", jp.vulnreport.bench.Bench.percentile(whole, 95),
        jp.vulnreport.bench.Bench.blockSpread(whole, 95), "ms", false);
    query.sort(Double::compare);
    whole.sort(Double::compare);
    List<String> lines = List.of(
        String.format("data: %,d cases (%,d closed) over 2023-10 .. 2026-11, %,d timeline events, %,d government "
            + "notices; generated and written in %,d ms", fixture.cases.size(), closed, events, notices, generated),
        String.format("2026 Q3 (%,d reports received, %,d advisories): query layer p50 %.1f ms, p95 %.1f ms, max %.1f ms",
            r.receipt().total(), r.software().advisories().period(), pct(query, 0.5), pct(query, 0.95),
            query.get(query.size() - 1)),
        String.format("the same plus JSON, CSV and PDF (%,d bytes): p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d samples",
            pdfBytes, pct(whole, 0.5), pct(whole, 0.95), whole.get(whole.size() - 1), SAMPLES));
    List<String> out = new ArrayList<>(List.of("", "## StatisticsBenchmark", "", "- run: " + OffsetDateTime.now()
        + "; " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version")
        + "; H2 in memory"));
    lines.forEach(l -> out.add("- " + l));
    out.forEach(System.out::println);
    Path file = Path.of("target", "bench", "results.md");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double pct(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
