package jp.vulnreport.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.vulnreport.statistics.StatisticsTables.Table;
import jp.vulnreport.support.MutableClock;
import jp.vulnreport.support.TestClockConfig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The statistics against known answers: a fixture of a few hundred cases over three years written
 * into the register, the figures worked out from the fixture's own objects ({@link StatisticsExpected}),
 * and every number of the JSON compared; the CSV and the PDF's text carry every row of every table.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:vulnreport-statistics;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "vulnreport.rate-limit.public-pages.capacity=1000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClockConfig.class, jp.vulnreport.support.CsafOutputConfig.class})
class StatisticsTest {

  static final LocalDate Q3_FROM = LocalDate.of(2026, 7, 1);
  static final LocalDate Q3_TO = LocalDate.of(2026, 9, 30);
  /**
   * Business days of 2026 Q3: 66 weekdays less the holidays on weekdays, from the Cabinet Office's
   * list: 7/20 海の日, 8/11 山の日, 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日.
   */
  static final int Q3_BUSINESS_DAYS = 61;

  static StatisticsFixture fixture;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  @Autowired ObjectMapper mapper;

  @BeforeEach
  void register() {
    synchronized (StatisticsTest.class) {
      if (fixture == null) {
        fixture = new StatisticsFixture().generate(400);
        fixture.write(jdbc);
      }
    }
    clock.reset();
    clock.advance(Duration.between(Instant.now(), StatisticsFixture.NOW.toInstant()));
  }

  @Test
  void theFixtureHasWhatTheIssueAsksFor() {
    assertThat(fixture.cases).hasSizeGreaterThan(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Integer.class)).isEqualTo(fixture.cases.size());
    assertThat(fixture.cases.stream().map(c -> c.received.getYear()).distinct()).contains(2023, 2024, 2025, 2026);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_government_notification WHERE sent_at > deadline_at "
        + "AND recognised_at >= ? AND recognised_at < ?", Integer.class, StatisticsFixture.jst(2026, 7, 1, 0, 0),
        StatisticsFixture.jst(2026, 10, 1, 0, 0))).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case_event WHERE event_type = 'RECOGNITION_REOPENED'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void theDefaultIsTheLastClosedQuarterAndEveryFigureIsTheKnownAnswer() throws Exception {
    JsonNode json = json("manager1", "");
    assertThat(json.get("from").asText()).isEqualTo("2026-07-01");
    assertThat(json.get("to").asText()).isEqualTo("2026-09-30");
    assertThat(json.get("firstCase").asText()).isEqualTo("2023-10-02");
    Map<String, Object> expected = new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures;
    Map<String, Object> actual = flatten(json);
    assertThat(actual).hasSizeGreaterThan(200);
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    // the special cases show where they should
    assertThat((Long) expected.get("receipt.byCategory.DEVELOPER_SELF_REPORT.period")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("software.selfReportAdvisories.period")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("government.late")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("government.lateness.LATE_2.period")).isGreaterThanOrEqualTo(1L); // 50 h late
    assertThat((Long) expected.get("government.byGround.EXPLOITED.period")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("websites.fixed.period")).isGreaterThanOrEqualTo(1L);
    // the kinds staff record (V11): a site fixed by removing the page, the self-report's product kind
    assertThat((Long) expected.get("websites.fixedBy.PAGE_REMOVED.period")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("byProductKind.EMBEDDED_IOT.period")).isGreaterThanOrEqualTo(1L);
    assertThat((Long) expected.get("byOperatorKind.LOCAL_GOVERNMENT.period")).isNotNull();
    assertThat(expected.keySet()).contains("websites.fixedBy.CLOSED_AFTER_REMINDER.cumulative",
        "byProductKind.NOT_RECORDED.period");
  }

  @Test
  void aPeriodAcrossTheNewYearClosure() throws Exception {
    // business days 2025-12-26 .. 2026-01-06: 12/26 (Fri), 1/5 (Mon), 1/6 (Tue); 12/29-1/3 closed
    JsonNode json = json("manager1", "?from=2025-12-26&to=2026-01-06");
    Map<String, Object> expected = new StatisticsExpected(fixture, LocalDate.of(2025, 12, 26),
        LocalDate.of(2026, 1, 6), 3).figures;
    assertThat(flatten(json)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat((Long) expected.get("receipt.byCategory.SOFTWARE_PRODUCT.period")).isGreaterThanOrEqualTo(1L);
    // the New Year case: accepted 2026-01-05, published 45 days later (within 45), in 2026 Q1; its business
    // days: 64 weekdays less 1/1-1/2 (closure), 1/12 成人の日, 2/11 建国記念の日, 2/23 天皇誕生日, 3/20 春分の日
    JsonNode q1 = json("manager1", "?from=2026-01-01&to=2026-03-31");
    assertThat(flatten(q1)).containsExactlyInAnyOrderEntriesOf(new StatisticsExpected(fixture,
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 58).figures);
  }

  @Test
  void theCsvHasEveryRowOfEveryTable() throws Exception {
    StatisticsReport report = mapper.treeToValue(json("manager1", ""), StatisticsReport.class);
    String csv = body("manager1", "/api/statistics.csv");
    assertThat(csv).startsWith("\uFEFF");
    List<List<String>> rows = parseCsv(csv.substring(1));
    int checked = 0;
    for (Table t : StatisticsTables.of(report)) {
      List<String> header = new ArrayList<>(List.of(t.id()));
      header.addAll(t.columns());
      assertThat(rows).contains(header);
      for (List<String> row : t.rows()) {
        List<String> line = new ArrayList<>(List.of(t.id()));
        line.addAll(row);
        assertThat(rows).as(t.id()).contains(line);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
    Map<String, Object> expected = new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures;
    assertThat(rows).contains(List.of("receipt", "ソフトウエア製品 / Software products",
        String.valueOf(expected.get("receipt.byCategory.SOFTWARE_PRODUCT.period")),
        String.valueOf(expected.get("receipt.byCategory.SOFTWARE_PRODUCT.cumulative"))));
    assertThat(rows).contains(List.of("government", "期限超過 / late", String.valueOf(expected.get("government.late"))));
  }

  @Test
  void thePdfHasEveryRowInJapaneseWithTheFontEmbedded() throws Exception {
    StatisticsReport report = mapper.treeToValue(json("manager1", ""), StatisticsReport.class);
    MvcResult r = mvc.perform(get("/api/statistics.pdf").header(HttpHeaders.AUTHORIZATION, basic("manager1")))
        .andExpect(status().isOk()).andReturn();
    assertThat(r.getResponse().getContentType()).startsWith("application/pdf");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "statistics"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "statistics", "report.pdf"),
        r.getResponse().getContentAsByteArray()); // for a look (pdftotext, pdftoppm)
    try (PDDocument pdf = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
      String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
      List<String> lines = text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
      assertThat(text).contains("ソフトウエア等の脆弱性関連情報に関する届出状況");
      int checked = 0;
      for (Table t : StatisticsTables.of(report)) {
        assertThat(text).contains(t.titleJa());
        for (List<String> row : t.rows()) {
          String joined = String.join(" ", row).replaceAll("\\s+", " ");
          assertThat(lines).as(t.id()).contains(joined);
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(100);
      Map<String, Object> expected = new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures;
      assertThat(lines).contains("合計 / total " + expected.get("receipt.total") + " "
          + expected.get("receipt.totalCumulative"));
      // the charts (JFreeChart) are in it as images
      int images = 0;
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
            images++;
          }
        }
      }
      assertThat(images).isEqualTo(2);
      PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("BIZUDPGothic");
    }
  }

  @Test
  void liaisonSeesTheGovernmentPartOnlyOthersAreRefused() throws Exception {
    JsonNode liaison = json("liaison1", "");
    assertThat(liaison.get("receipt").isNull()).isTrue();
    assertThat(liaison.get("software").isNull()).isTrue();
    assertThat(liaison.get("government").get("notifiable").asLong()).isEqualTo(
        new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures.get("government.notifiable"));
    assertThat(liaison.get("quarters").get(11).get("software").isNull()).isTrue();
    for (String path : List.of("/api/statistics", "/api/statistics.csv", "/api/statistics.pdf", "/statistics/staff")) {
      mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("receipt1"))).andExpect(status().isForbidden());
      mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }
    String csv = body("liaison1", "/api/statistics.csv");
    assertThat(csv).contains("government,").doesNotContain("receipt,");
  }

  @Test
  void badDatesAreRefusedWithAMessagePerField() throws Exception {
    MvcResult r = mvc.perform(get("/api/statistics?from=2026-13-01&to=yesterday")
        .header(HttpHeaders.AUTHORIZATION, basic("manager1"))).andExpect(status().isBadRequest()).andReturn();
    JsonNode errors = mapper.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("from");
    assertThat(errors.get(1).get("field").asText()).isEqualTo("to");
    assertThat(errors.get(0).get("message").asText()).contains("YYYY-MM-DD");
    r = mvc.perform(get("/api/statistics.csv?from=2026-09-01&to=2026-08-01")
        .header(HttpHeaders.AUTHORIZATION, basic("manager1"))).andExpect(status().isBadRequest()).andReturn();
    assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"to\"");
  }

  @Autowired jp.vulnreport.deadline.DeadlinePolicy policy;

  @Test
  void theReportsFortyFiveDaysAreTheDeadlinePolicysPublicationTarget() {
    var target = policy.period("PUBLICATION_TARGET", "NONE", null);
    assertThat(target.unit()).isEqualTo(jp.vulnreport.deadline.DeadlineUnit.CALENDAR_DAYS);
    assertThat(target.amount()).isEqualTo(StatisticsService.IPA_REPORT_TARGET_DAYS);
  }

  @Test
  void theStaffPageHasTablesAndCharts() throws Exception {
    String page = body("manager1", "/statistics/staff?from=2026-07-01&to=2026-09-30");
    assertThat(page).contains("ソフトウエア等の脆弱性関連情報に関する届出状況", "id=\"government\"", "id=\"receipt\"",
        "45日以内の割合");
    assertThat(page).doesNotContain("cdn", "<script", "http://", "https://");
    // the charts: PNG drawn by JFreeChart, from the application itself, for staff only
    List<String> charts = new ArrayList<>();
    java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(page);
    while (img.find()) {
      charts.add(org.springframework.web.util.HtmlUtils.htmlUnescape(img.group(1)));
    }
    assertThat(charts).hasSize(5).allMatch(c -> c.startsWith("/statistics/staff/charts/") && c.contains("from=2026-07-01"));
    for (String c : charts) {
      assertPng(mvc.perform(get(c).header(HttpHeaders.AUTHORIZATION, basic("manager1"))).andExpect(status().isOk())
          .andReturn());
      mvc.perform(get(c)).andExpect(status().isUnauthorized());
      mvc.perform(get(c).header(HttpHeaders.AUTHORIZATION, basic("receipt1"))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/statistics/staff/charts/received.png").header(HttpHeaders.AUTHORIZATION, basic("liaison1")))
        .andExpect(status().isNotFound());
    assertPng(mvc.perform(get("/statistics/staff/charts/lateness.png").header(HttpHeaders.AUTHORIZATION,
        basic("liaison1"))).andExpect(status().isOk()).andReturn());
    // for a look (and the README's picture): the page with its charts inlined, and the PDF
    String inlined = page;
    for (String c : charts) {
      byte[] png = mvc.perform(get(c).header(HttpHeaders.AUTHORIZATION, basic("manager1"))).andReturn().getResponse()
          .getContentAsByteArray();
      inlined = inlined.replace(org.springframework.web.util.HtmlUtils.htmlEscape(c), "data:image/png;base64,"
          + java.util.Base64.getEncoder().encodeToString(png)).replace(c, "data:image/png;base64,"
          + java.util.Base64.getEncoder().encodeToString(png));
    }
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "statistics"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "statistics", "staff.html"), inlined);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "statistics", "report.pdf"), mvc.perform(
        get("/api/statistics.pdf?from=2026-07-01&to=2026-09-30").header(HttpHeaders.AUTHORIZATION, basic("manager1")))
        .andReturn().getResponse().getContentAsByteArray());
    String liaison = body("liaison1", "/statistics/staff");
    assertThat(liaison).contains("id=\"government\"").doesNotContain("id=\"receipt\"");
  }

  @Test
  void everyFigureOfTheStaffPageIsTheKnownAnswer() throws Exception {
    String page = body("manager1", "/statistics/staff?from=2026-07-01&to=2026-09-30");
    Map<String, List<List<String>>> html = htmlTables(page);
    Map<String, Object> e = new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures;
    StatisticsReport r = mapper.treeToValue(json("manager1", "?from=2026-07-01&to=2026-09-30"), StatisticsReport.class);
    // the page shows the same tables as the CSV and the PDF, row for row
    for (Table t : StatisticsTables.of(r)) {
      assertThat(html.get(t.id())).as(t.id()).isEqualTo(t.rows());
    }
    // and every number in them is the known answer, worked out from the fixture
    Map<String, String> fromPage = new TreeMap<>();
    counts(html, "receipt", "receipt.byCategory", r.receipt().byCategory(), fromPage);
    cell(html, "receipt", "合計 / total", 1, "receipt.total", fromPage);
    cell(html, "receipt", "合計 / total", 2, "receipt.totalCumulative", fromPage);
    List<String> perDay = html.get("receipt_per_business_day").get(0);
    fromPage.put("receipt.businessDays", perDay.get(0));
    fromPage.put("receipt.perBusinessDay", perDay.get(2));
    assertThat(perDay.get(1)).isEqualTo(String.valueOf(e.get("receipt.total")));
    counts(html, "outcomes", "outcomes", r.outcomes(), fromPage);
    counts(html, "open_at_end", "openAtEndByState", r.openAtEndByState(), fromPage);
    count(html, "software_advisories", "software.advisories", r.software().advisories(), fromPage);
    count(html, "software_advisories", "software.selfReportAdvisories", r.software().selfReportAdvisories(), fromPage);
    distribution(html, "software_days_from_acceptance", "software.acceptanceToPublication",
        r.software().acceptanceToPublication(), true, fromPage);
    distribution(html, "software_days_from_start_date", "software.startDateToPublication",
        r.software().startDateToPublication(), true, fromPage);
    count(html, "software_unreachable", "software.developersListed", r.software().developersListed(), fromPage);
    count(html, "software_unreachable", "software.productsListed", r.software().productsListed(), fromPage);
    for (StatisticsReport.Count c : r.software().committeeDecisions()) {
      String label = "公表判定委員会: " + c.ja() + " / committee: " + c.en();
      cell(html, "software_unreachable", label, 1, "software.committeeDecisions." + c.key() + ".period", fromPage);
      cell(html, "software_unreachable", label, 2, "software.committeeDecisions." + c.key() + ".cumulative", fromPage);
    }
    count(html, "websites", "websites.fixed", r.websites().fixed(), fromPage);
    count(html, "websites", "websites.unresponsive", r.websites().unresponsive(), fromPage);
    count(html, "websites", "websites.disputed", r.websites().disputed(), fromPage);
    counts(html, "websites_fixed_by", "websites.fixedBy", r.websites().fixedBy(), fromPage);
    distribution(html, "websites_days_to_fix", "websites.notificationToFix", r.websites().notificationToFix(), false,
        fromPage);
    counts(html, "by_cwe", "byCwe", r.byCwe(), fromPage);
    counts(html, "by_product_kind", "byProductKind", r.byProductKind(), fromPage);
    counts(html, "by_operator_kind", "byOperatorKind", r.byOperatorKind(), fromPage);
    for (String[] g : new String[][] {{"認知（評価）した件数 / cases evaluated", "evaluated"},
        {"通知対象と認知 / recognised notifiable", "notifiable"}, {"通知済み / notices sent", "sent"},
        {"期限内 / on time", "onTime"}, {"期限超過 / late", "late"}, {"未通知 / not yet sent", "notSent"},
        {"期限内の割合 / on-time share", "onTimeShare"},
        {"認知から通知まで 中央値（時間） / recognition to notice, median (hours)", "medianHoursToNotice"},
        {"認知から通知まで 最長（時間） / recognition to notice, worst (hours)", "worstHoursToNotice"},
        {"受付から認知まで 中央値（時間） / receipt to recognition, median (hours)", "medianHoursReceiptToRecognition"},
        {"受付から認知まで 最長（時間） / receipt to recognition, worst (hours)", "worstHoursReceiptToRecognition"}}) {
      cell(html, "government", g[0], 1, "government." + g[1], fromPage);
    }
    counts(html, "government_grounds", "government.byGround", r.government().byGround(), fromPage);
    counts(html, "government_lateness", "government.lateness", r.government().lateness(), fromPage);
    counts(html, "government_policy_versions", "government.policyVersions", r.government().policyVersions(), fromPage);
    String[] columns = {"software", "website", "selfReport", "advisories", "within45Share", "websitesFixed",
        "noticesSent", "onTimeShare"};
    for (List<String> row : html.get("quarters")) {
      for (int i = 0; i < columns.length; i++) {
        fromPage.put("quarters." + row.get(0) + "." + columns[i], row.get(i + 1));
      }
    }
    Map<String, String> known = new TreeMap<>();
    e.forEach((k, v) -> known.put(k, cellOf(k, v)));
    // the distribution of days to a website fix has no 45-day rows (45 days is the publication measure)
    known.remove("websites.notificationToFix.within45");
    known.remove("websites.notificationToFix.within45Share");
    assertThat(fromPage).hasSizeGreaterThan(250);
    assertThat(fromPage).containsExactlyInAnyOrderEntriesOf(known);
  }

  /** What a cell shows for a known figure: shares as percent, nothing as "-". */
  private static String cellOf(String key, Object v) {
    if (v == null) {
      return "-";
    }
    return key.endsWith("Share") ? StatisticsTables.pct((Double) v) : String.valueOf(v);
  }

  private static String label(StatisticsReport.Count c) {
    return c.ja().equals(c.en()) ? c.ja() : c.ja() + " / " + c.en();
  }

  private static List<String> row(Map<String, List<List<String>>> html, String table, String label) {
    assertThat(html).as("table " + table).containsKey(table);
    return html.get(table).stream().filter(r -> r.get(0).equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError(table + ": no row " + label));
  }

  private static void cell(Map<String, List<List<String>>> html, String table, String label, int column, String key,
      Map<String, String> out) {
    out.put(key, row(html, table, label).get(column));
  }

  private static void count(Map<String, List<List<String>>> html, String table, String key, StatisticsReport.Count c,
      Map<String, String> out) {
    List<String> row = row(html, table, label(c));
    out.put(key + ".period", row.get(1));
    out.put(key + ".cumulative", row.size() > 2 ? row.get(2) : "-");
  }

  private static void counts(Map<String, List<List<String>>> html, String table, String prefix,
      List<StatisticsReport.Count> counts, Map<String, String> out) {
    assertThat(html.get(table)).as(table).hasSizeGreaterThanOrEqualTo(counts.size());
    for (StatisticsReport.Count c : counts) {
      count(html, table, prefix + "." + c.key(), c, out);
    }
  }

  private static void distribution(Map<String, List<List<String>>> html, String table, String prefix,
      StatisticsReport.Distribution d, boolean fortyFive, Map<String, String> out) {
    counts(html, table, prefix + ".buckets", d.buckets(), out);
    cell(html, table, "件数 / cases", 1, prefix + ".total", out);
    if (fortyFive) {
      cell(html, table, "45日以内 / within 45 days", 1, prefix + ".within45", out);
      cell(html, table, "45日以内の割合 / share within 45 days", 1, prefix + ".within45Share", out);
    }
    cell(html, table, "中央値（日） / median (days)", 1, prefix + ".median", out);
    cell(html, table, "最長（日） / longest (days)", 1, prefix + ".max", out);
    cell(html, table, "日付未記録 / date not recorded", 1, prefix + ".notRecorded", out);
  }

  private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
      "id=\"([\\w-]+)\"[^>]*>(?:(?!<tbody>|id=\").)*?<tbody>(.*?)</tbody>", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("<tr[^>]*>(.*?)</tr>",
      java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>",
      java.util.regex.Pattern.DOTALL);

  /** The body rows of every table of a page by the id of the table or of its section, cells as text. */
  static Map<String, List<List<String>>> htmlTables(String page) {
    Map<String, List<List<String>>> tables = new TreeMap<>();
    java.util.regex.Matcher t = TABLE.matcher(page);
    while (t.find()) {
      List<List<String>> rows = new ArrayList<>();
      java.util.regex.Matcher r = ROW.matcher(t.group(2));
      while (r.find()) {
        List<String> cells = new ArrayList<>();
        java.util.regex.Matcher c = CELL.matcher(r.group(1));
        while (c.find()) {
          cells.add(org.springframework.web.util.HtmlUtils.htmlUnescape(c.group(1).replaceAll("<[^>]+>", "")).strip());
        }
        rows.add(cells);
      }
      tables.put(t.group(1), rows);
    }
    return tables;
  }

  @Test
  void thePublicPageShowsTheQuarterAnonymouslyWithoutCases() throws Exception {
    Map<String, Object> expected = new StatisticsExpected(fixture, Q3_FROM, Q3_TO, Q3_BUSINESS_DAYS).figures;
    MvcResult r = mvc.perform(get("/statistics")).andExpect(status().isOk()).andReturn();
    String page = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("2026Q3", "ソフトウエア製品 / Software products",
        "src=\"/statistics/charts/received.png?quarter=2026Q3\"", "src=\"/statistics/charts/shares.png?quarter=2026Q3\"");
    assertPng(mvc.perform(get("/statistics/charts/received.png?quarter=2026Q3")).andExpect(status().isOk()).andReturn());
    assertPng(mvc.perform(get("/statistics/charts/shares.png")).andExpect(status().isOk()).andReturn());
    mvc.perform(get("/statistics/charts/lateness.png")).andExpect(status().isNotFound());
    assertThat(page).contains("<td>" + expected.get("receipt.total") + "</td>");
    assertThat(page).doesNotContain("ST-0", "CWE-");
    // every figure of the public page is the known answer
    Map<String, List<List<String>>> html = htmlTables(page);
    Map<String, String> fromPage = new TreeMap<>();
    Map<String, String> known = new TreeMap<>();
    for (String c : List.of("SOFTWARE_PRODUCT", "WEBSITE", "DEVELOPER_SELF_REPORT")) {
      String label = Labels.categoryJa(c) + " / " + Labels.categoryEn(c);
      fromPage.put(c + ".period", row(html, "statistics-receipt", label).get(1));
      fromPage.put(c + ".cumulative", row(html, "statistics-receipt", label).get(2));
      known.put(c + ".period", cellOf("", expected.get("receipt.byCategory." + c + ".period")));
      known.put(c + ".cumulative", cellOf("", expected.get("receipt.byCategory." + c + ".cumulative")));
    }
    fromPage.put("total", row(html, "statistics-receipt", "合計 / total").get(1) + " "
        + row(html, "statistics-receipt", "合計 / total").get(2));
    known.put("total", expected.get("receipt.total") + " " + expected.get("receipt.totalCumulative"));
    fromPage.put("perBusinessDay", row(html, "statistics-receipt", "1営業日あたり / per business day").get(1));
    known.put("perBusinessDay", cellOf("", expected.get("receipt.perBusinessDay")));
    for (List<String> row : html.get("statistics-outcomes")) {
      fromPage.put("outcomes." + row.get(0), row.get(1) + " " + row.get(2));
    }
    for (String[] o : new String[][] {{"ACCEPTED", "受理 / Accepted"},
        {"NOT_ACCEPTED", "不受理（計、取り下げを除く） / Not accepted (total, without withdrawals)"},
        {"WITHDRAWN", "取り下げ / Withdrawn by the reporter"}, {"DISCONTINUED", "取りやめ / Discontinued"}}) {
      known.put("outcomes." + o[1], expected.get("outcomes." + o[0] + ".period") + " "
          + expected.get("outcomes." + o[0] + ".cumulative"));
    }
    List<List<String>> software = html.get("statistics-software");
    fromPage.put("advisories", software.get(0).get(1) + " " + software.get(0).get(2));
    known.put("advisories", expected.get("software.advisories.period") + " "
        + expected.get("software.advisories.cumulative"));
    fromPage.put("within45Share", software.get(1).get(1));
    known.put("within45Share", cellOf("Share", expected.get("software.acceptanceToPublication.within45Share")));
    List<List<String>> websites = html.get("statistics-websites");
    fromPage.put("websites", websites.get(0).get(1) + " " + websites.get(0).get(2) + " " + websites.get(1).get(1)
        + " " + websites.get(1).get(2));
    known.put("websites", expected.get("websites.fixed.period") + " " + expected.get("websites.fixed.cumulative") + " "
        + expected.get("websites.unresponsive.period") + " " + expected.get("websites.unresponsive.cumulative"));
    for (List<String> row : html.get("statistics-websites-fixed-by")) {
      fromPage.put("fixedBy." + row.get(0), row.get(1) + " " + row.get(2));
    }
    for (var k : jp.vulnreport.cases.CaseKinds.WEBSITE_FIX.entrySet()) {
      known.put("fixedBy." + k.getValue()[0] + " / " + k.getValue()[1], expected.get("websites.fixedBy."
          + k.getKey() + ".period") + " " + expected.get("websites.fixedBy." + k.getKey() + ".cumulative"));
    }
    if (expected.containsKey("websites.fixedBy.NOT_RECORDED.period")) {
      known.put("fixedBy." + StatisticsReport.NOT_RECORDED, expected.get("websites.fixedBy.NOT_RECORDED.period") + " "
          + expected.get("websites.fixedBy.NOT_RECORDED.cumulative"));
    }
    assertThat(fromPage).containsExactlyInAnyOrderEntriesOf(known);
    // a quarter not yet ended is not shown: the last closed one instead
    String future = mvc.perform(get("/statistics?quarter=2026Q4")).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(future).contains("2026-07-01");
  }

  // --- helpers ---

  /** A PNG of the chart's size with more than a few colours (a drawn chart, not an empty image). */
  static void assertPng(MvcResult r) throws Exception {
    assertThat(r.getResponse().getContentType()).startsWith("image/png");
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(StatisticsChartImages.WIDTH);
    assertThat(image.getHeight()).isEqualTo(StatisticsChartImages.HEIGHT);
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).hasSizeGreaterThan(5);
  }

  JsonNode json(String user, String query) throws Exception {
    return mapper.readTree(body(user, "/api/statistics" + query));
  }

  String body(String user, String path) throws Exception {
    return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic(user))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** Every number (and null) of the JSON by path; list items by their key or quarter label; texts left out. */
  static Map<String, Object> flatten(JsonNode json) {
    Map<String, Object> out = new TreeMap<>();
    flatten("", json, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode n, Map<String, Object> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
        }
      });
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        if (e.has("key")) {
          flatten(prefix + "." + e.get("key").asText(), e, out);
        } else if (e.has("label")) {
          flatten(prefix + "." + e.get("label").asText(), e, out);
        }
      }
    } else if (n.isNull()) {
      out.put(prefix, null);
    } else if (n.isIntegralNumber()) {
      out.put(prefix, n.asLong());
    } else if (n.isNumber()) {
      out.put(prefix, n.asDouble());
    }
  }

  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
