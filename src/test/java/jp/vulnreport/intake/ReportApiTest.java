package jp.vulnreport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import static jp.vulnreport.support.Http.basic;

import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.Map;
import java.util.stream.Stream;
import jp.vulnreport.cases.ProcessText;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/reports and its replies: the contract examples, every kind of bad input, and nothing stored on error. */
class ReportApiTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Cases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ObjectMapper mapper;
  @Autowired jp.vulnreport.AppProperties properties;

  @ParameterizedTest
  @ValueSource(strings = {"report-product", "report-website", "report-protocol-spec"})
  void acceptsEveryContractExampleAsItIs(String example) throws Exception {
    String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(cases.example(example)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", matchesPattern("/api/reports/IPA-\\d{4}-\\d{5}")))
        .andExpect(jsonPath("$.trackingNumber", matchesPattern("IPA-\\d{4}-\\d{5}")))
        .andExpect(jsonPath("$.statusToken", matchesPattern("[A-Za-z0-9_-]{43}")))
        .andReturn().getResponse().getContentAsString();
    String tn = mapper.readTree(json).get("trackingNumber").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn)
        .processDefinitionKey("SoftwareVulnerabilityReport").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT state FROM vr_case WHERE tracking_number = ?", String.class, tn))
        .isEqualTo("RECEIVED");
    assertThat(jdbc.queryForObject("SELECT consented_at FROM vr_case WHERE tracking_number = ?",
        java.time.OffsetDateTime.class, tn)).isNotNull();
    // the token itself is never stored, only its hash, on a discoverer link of this case
    String token = mapper.readTree(json).get("statusToken").asText();
    assertThat(mapper.readTree(json).get("statusUrl").asText()).endsWith("/status/" + token);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_private_link WHERE token_hash = ?", Integer.class, token))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_private_link WHERE token_hash = ? AND tracking_number = ? "
        + "AND audience = 'DISCOVERER' AND expires_at > CURRENT_TIMESTAMP", Integer.class,
        jp.vulnreport.Sha256.hex(token), tn)).isEqualTo(1);
  }

  @Test
  void examplesInTestResourcesMatchTheSharedContract() throws Exception {
    java.nio.file.Path shared = java.nio.file.Path.of("..", "shared", "examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(shared),
        "../shared/examples is not beside the project; nothing to compare");
    for (String name : List.of("report-product", "report-website", "report-protocol-spec")) {
      JsonNode contract = mapper.readTree(shared.resolve(name + ".json").toFile());
      assertThat(mapper.readTree(cases.example(name))).as(name).isEqualTo(contract);
    }
  }

  @Test
  void trackingNumbersAreSequentialAndUniqueUnderConcurrentRequests() throws Exception {
    int threads = 6;
    int perThread = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<List<String>>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(() -> {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
                  .content(cases.example("report-product")))
              .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
          numbers.add(mapper.readTree(json).get("trackingNumber").asText());
        }
        return numbers;
      });
    }
    Set<String> all = new TreeSet<>();
    int total = 0;
    for (Future<List<String>> f : pool.invokeAll(work)) {
      List<String> numbers = f.get();
      total += numbers.size();
      all.addAll(numbers);
    }
    pool.shutdown();
    assertThat(all).hasSize(threads * perThread).hasSize(total);
    List<Integer> seq = all.stream().map(s -> Integer.parseInt(s.substring(s.lastIndexOf('-') + 1))).sorted().toList();
    assertThat(seq.get(seq.size() - 1) - seq.get(0)).as("no gaps").isEqualTo(seq.size() - 1);
  }

  @Test
  void missingConsentIsRejected() throws Exception {
    rejected(edit(n -> n.put("consent", false))).andExpect(jsonPath("$.errors[*].field", hasItem("consent")));
    rejected(edit(n -> n.remove("consent"))).andExpect(jsonPath("$.errors[*].field", hasItem("consent")));
  }

  @Test
  void badEmailIsRejected() throws Exception {
    rejected(edit(n -> n.with("reporter").put("email", "not-an-address")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("reporter.email")));
  }

  @Test
  void emptySummaryIsRejected() throws Exception {
    rejected(edit(n -> n.with("vulnerability").put("summary", "  ")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("vulnerability.summary")));
  }

  @Test
  void missingProductOfAProductReportIsRejected() throws Exception {
    rejected(edit(n -> n.remove("product"))).andExpect(jsonPath("$.errors[*].field", hasItem("product")));
  }

  @Test
  void invalidIdentifiersAreRejected() throws Exception {
    rejected(edit(n -> {
      n.with("product").put("purl", "maven/jp.example/x");
      n.with("vulnerability").put("cwe", "79");
    })).andExpect(jsonPath("$.errors[*].field", hasItem("product.purl")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("vulnerability.cwe")));
  }

  @Test
  void errorsAreInJapaneseWhenAsked() throws Exception {
    long before = stored();
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "ja")
            .content(edit(n -> n.put("consent", false))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("取扱方針への同意が必要です"));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void malformedJsonIsRejected() throws Exception {
    long before = stored();
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content("{\"consent\": tru"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", matchesPattern("The request body is not valid JSON.*")));
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content(""))
        .andExpect(status().isBadRequest());
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void unknownFieldIsRejectedRatherThanDropped() throws Exception {
    long before = stored();
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(edit(n -> n.with("vulnerability").put("severity", "high"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Unknown field \"vulnerability.severity\"."));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void bodyOverTheLimitIsRejectedWith413() throws Exception {
    long before = stored();
    String huge = "あ".repeat(150_000); // 450,000 bytes in UTF-8
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(edit(n -> n.with("vulnerability").put("details", huge))))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 442368 bytes."));
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void otherContentTypesAreRejectedWith415() throws Exception {
    long before = stored();
    mvc.perform(post("/api/reports").contentType(MediaType.TEXT_PLAIN).content(cases.example("report-product")))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("consent=true"))
        .andExpect(status().isUnsupportedMediaType());
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void replyNeedsTheCasesOwnStatusToken() throws Exception {
    IntakeReceipt a = cases.submit("report-product");
    IntakeReceipt b = cases.submit("report-product");
    String url = "/api/reports/" + a.trackingNumber() + "/replies";
    mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"x\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post(url).header("Authorization", "Bearer " + b.statusToken())
            .contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"x\"}"))
        .andExpect(status().isNotFound());
    // right token, but no question is open
    mvc.perform(post(url).header("Authorization", "Bearer " + a.statusToken())
            .contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"x\"}"))
        .andExpect(status().isConflict());
    mvc.perform(post(url).header("Authorization", "Bearer " + a.statusToken())
            .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void discontinuationApiNeedsStaffOfTheRightGroup() throws Exception {
    IntakeReceipt a = cases.submit("report-product");
    String url = "/api/cases/" + a.trackingNumber() + "/discontinuation";
    String body = "{\"reason\":\"test\"}";
    mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    // (a wrong password makes Camunda delay that user's next logins, so another user is used for it)
    mvc.perform(post(url).header("Authorization", basic("coordinator1", "wrong"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    mvc.perform(post(url).header("Authorization", basic("analyst1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/cases/IPA-1999-99999/discontinuation").header("Authorization", basic("receipt1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isNotFound());
    mvc.perform(post(url).header("Authorization", basic("receipt1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
        .andExpect(status().isBadRequest());
    assertThat(jdbc.queryForObject("SELECT state FROM vr_case WHERE tracking_number = ?", String.class,
        a.trackingNumber())).isEqualTo("RECEIVED");
  }

  // --- long texts: kept whole in the register, bounded in the engine (issue 13)

  /** A text of exactly {@code length} UTF-16 units in the given script (ASCII or Japanese). */
  static String text(String script, int length) {
    String unit = script.equals("ja") ? "脆弱性の再現手順を詳しく説明します。" : "The vulnerability is reproduced as follows. ";
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append(unit);
    }
    return sb.substring(0, length);
  }

  static Stream<Arguments> limitedTexts() {
    List<Arguments> all = new ArrayList<>();
    for (String script : List.of("ascii", "ja")) {
      all.add(Arguments.of("vulnerability.details", "details", 20_000, script));
      all.add(Arguments.of("vulnerability.reproduction", "reproduction", 20_000, script));
      all.add(Arguments.of("vulnerability.environment", "environment", 4_000, script));
      all.add(Arguments.of("vulnerability.impact", "impact", 4_000, script));
      all.add(Arguments.of("vulnerability.workaround", "workaround", 4_000, script));
      all.add(Arguments.of("requests", "requests", 4_000, script));
      all.add(Arguments.of("priorContact.others", "priorContactOthers", 2_000, script));
      all.add(Arguments.of("vulnerability.summary", "summary", 1_000, script));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} at {2} characters ({3})")
  @MethodSource("limitedTexts")
  void aFreeTextAtItsLimitIsStoredWholeAndTheEngineGetsABoundedPreview(String field, String variable, int limit,
      String script) throws Exception {
    String full = text(script, limit);
    String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(edit(n -> put(n, field, full))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String tn = mapper.readTree(json).get("trackingNumber").asText();
    JsonNode stored = mapper.readTree(jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?",
        String.class, tn));
    assertThat(stored.at("/" + field.replace('.', '/')).asText()).as("the register keeps the text whole").isEqualTo(full);
    String pi = cases.instance(tn).getId();
    String preview = (String) runtime.getVariable(pi, variable);
    assertThat(preview.length()).isLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS);
    if (limit > ProcessText.PREVIEW_CHARS) {
      assertThat(preview).startsWith(full.substring(0, ProcessText.PREVIEW_CHARS))
          .endsWith("…（全文 " + String.format("%,d", limit) + " 文字は案件記録にあります / full text in the case record）");
    } else {
      assertThat(preview).isEqualTo(full);
    }
    // history holds the bounded value too
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName(variable).singleResult().getValue()).isEqualTo(preview);
  }

  @ParameterizedTest(name = "{0} one over {2} ({3})")
  @MethodSource("limitedTexts")
  void aFreeTextOneOverItsLimitIsRefused(String field, String variable, int limit, String script) throws Exception {
    rejected(edit(n -> put(n, field, text(script, limit + 1))))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
  }

  @Test
  void detailsAndReproductionAt20000JapaneseCharactersEachAreAcceptedEvenEscaped() throws Exception {
    String details = text("ja", 20_000);
    String reproduction = text("ja", 20_000).replace('。', '\n');
    ObjectNode report = (ObjectNode) mapper.readTree(cases.example("report-product"));
    report.with("vulnerability").put("details", details).put("reproduction", reproduction)
        .put("environment", text("ja", 4_000)).put("impact", text("ja", 4_000)).put("workaround", text("ja", 4_000))
        .put("summary", text("ja", 1_000));
    report.put("requests", text("ja", 4_000));
    report.with("priorContact").put("others", text("ja", 2_000));
    // every character as \\uXXXX: the largest form the same report can take
    byte[] escaped = mapper.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
        .writeValueAsBytes(report);
    assertThat(escaped.length).isGreaterThan(240_000);
    String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content(escaped))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String tn = mapper.readTree(json).get("trackingNumber").asText();
    JsonNode stored = mapper.readTree(jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?",
        String.class, tn));
    assertThat(stored.at("/vulnerability/details").asText()).isEqualTo(details);
    assertThat(stored.at("/vulnerability/reproduction").asText()).isEqualTo(reproduction);
    assertThat(stored.at("/requests").asText()).hasSize(4_000);
  }

  @Test
  void theBodyLimitAdmitsEveryTextFieldAtItsLimitEscaped() throws Exception {
    int chars = textLimits(ReportSubmission.class);
    assertThat(chars).isEqualTo(71_090);
    // 6 bytes per \\uXXXX escape, plus the field names and punctuation
    assertThat(properties.intake().maxBodyBytes()).isGreaterThanOrEqualTo(6 * chars + 4_096);
  }

  private static int textLimits(Class<?> type) throws NoSuchFieldException {
    int sum = 0;
    for (var c : type.getRecordComponents()) {
      jakarta.validation.constraints.Size size = type.getDeclaredField(c.getName())
          .getAnnotation(jakarta.validation.constraints.Size.class);
      if (c.getType() == String.class && size != null) {
        sum += size.max();
      } else if (c.getType().isRecord()) {
        sum += textLimits(c.getType());
      }
    }
    return sum;
  }

  @Test
  void tabsAndLineBreaksAreKeptInMultiLineTexts() throws Exception {
    String details = "手順:\r\n\t1. ログイン\n\t2. 投稿\r\n";
    String json = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(edit(n -> n.with("vulnerability").put("details", details))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String tn = mapper.readTree(json).get("trackingNumber").asText();
    assertThat(mapper.readTree(jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?",
        String.class, tn)).at("/vulnerability/details").asText()).isEqualTo(details);
  }

  @ParameterizedTest(name = "reply of 4,500 characters ({0})")
  @ValueSource(strings = {"ascii", "ja"})
  void aLongReplyIsTakenAndStoredWhole(String script) throws Exception {
    IntakeReceipt receipt = cases.submit("report-product");
    ProcessInstance pi = askQuestion(receipt);
    String answer = text(script, 4_500);
    mvc.perform(post("/api/reports/" + receipt.trackingNumber() + "/replies")
            .header("Authorization", "Bearer " + receipt.statusToken()).contentType(MediaType.APPLICATION_JSON)
            .content(mapper.writeValueAsBytes(Map.of("message", answer))))
        .andExpect(status().isAccepted());
    assertThat(jdbc.queryForObject("SELECT answer FROM vr_clarification WHERE tracking_number = ?", String.class,
        receipt.trackingNumber())).isEqualTo(answer);
    String variable = (String) runtime.getVariable(pi.getId(), "clarificationAnswer");
    assertThat(variable).startsWith(answer.substring(0, ProcessText.PREVIEW_CHARS))
        .hasSizeLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_FormalCheck");
  }

  @Test
  void aLongAnswerEnteredByStaffIsStoredWhole() {
    IntakeReceipt receipt = cases.submit("report-product");
    ProcessInstance pi = askQuestion(receipt);
    String answer = text("ja", 4_500);
    cases.complete(pi, Map.of("clarificationAnswer", answer));
    assertThat(jdbc.queryForObject("SELECT answer FROM vr_clarification WHERE tracking_number = ?", String.class,
        receipt.trackingNumber())).isEqualTo(answer);
    assertThat((String) runtime.getVariable(pi.getId(), "clarificationAnswer"))
        .hasSizeLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS).endsWith("full text in the case record）");
  }

  // --- the table of bad inputs: each is refused with 400 and a field error, and nothing is stored

  /** The product example as text, so that inputs JSON cannot express as a tree (duplicate keys) can be made. */
  private static final String EXAMPLE = exampleText();

  private static String exampleText() {
    try (var in = ReportApiTest.class.getResourceAsStream("/examples/report-product.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The example with the first {@code "key": value} of {@code key} given {@code json} as its value. */
  private static String with(String key, String json) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key)
        + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|-?[0-9]+|null)").matcher(EXAMPLE);
    if (!m.find()) {
      throw new IllegalArgumentException(key + " is not a scalar of the example");
    }
    return EXAMPLE.substring(0, m.start(1)) + json + EXAMPLE.substring(m.end(1));
  }

  /** The example with {@code "key": json} added again at the start of the object that holds {@code after}. */
  private static String duplicate(String openingOf, String key, String json) {
    int at = EXAMPLE.indexOf(openingOf) + openingOf.length();
    return EXAMPLE.substring(0, at) + " \"" + key + "\": " + json + "," + EXAMPLE.substring(at);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        // booleans only as JSON true/false
        Arguments.of("consent -1", with("consent", "-1"), "consent"),
        Arguments.of("consent 1", with("consent", "1"), "consent"),
        Arguments.of("consent \"true\"", with("consent", "\"true\""), "consent"),
        Arguments.of("consent 1.0", with("consent", "1.0"), "consent"),
        Arguments.of("shareContactWithDeveloper \"yes\"", with("shareContactWithDeveloper", "\"yes\""),
            "reporter.shareContactWithDeveloper"),
        // strings only as JSON strings
        Arguments.of("summary a number", with("summary", "12345"), "vulnerability.summary"),
        Arguments.of("summary a boolean", with("summary", "true"), "vulnerability.summary"),
        Arguments.of("product versions a number", with("versions", "2.5"), "product.versions"),
        Arguments.of("category an ordinal", with("category", "0"), "category"),
        // a key given twice
        Arguments.of("summary twice", duplicate("\"vulnerability\": {", "summary", "\"二つ目の概要\""),
            "vulnerability.summary"),
        Arguments.of("consent twice", duplicate("{", "consent", "true"), "consent"),
        // real dates in a plausible range
        Arguments.of("discoveredOn 0000-01-01", with("discoveredOn", "\"0000-01-01\""), "discoveredOn"),
        Arguments.of("discoveredOn 1969-12-31", with("discoveredOn", "\"1969-12-31\""), "discoveredOn"),
        Arguments.of("discoveredOn 2026-02-30", with("discoveredOn", "\"2026-02-30\""), "discoveredOn"),
        Arguments.of("discoveredOn a number", with("discoveredOn", "20261120"), "discoveredOn"),
        Arguments.of("discoveredOn 2026-1-5", with("discoveredOn", "\"2026-1-5\""), "discoveredOn"),
        Arguments.of("discoveredOn in the future", with("discoveredOn", "\"2999-01-01\""), "discoveredOn"),
        Arguments.of("disclosure date 1900-01-01", with("date", "\"1900-01-01\""), "disclosurePlan.date"),
        Arguments.of("disclosure date 2999-01-01", with("date", "\"2999-01-01\""), "disclosurePlan.date"),
        // characters no text may hold
        Arguments.of("NUL in details", with("details", "\"a\\u0000b\""), "vulnerability.details"),
        Arguments.of("NUL in the reporter's name", with("name", "\"山田\\u0000\""), "reporter.name"),
        Arguments.of("lone high surrogate in summary", with("summary", "\"x\\ud800y\""), "vulnerability.summary"),
        Arguments.of("lone low surrogate in details", with("details", "\"x\\udc00\""), "vulnerability.details"),
        Arguments.of("BEL in details", with("details", "\"ring\\u0007\""), "vulnerability.details"),
        Arguments.of("ANSI colour in summary", with("summary", "\"\\u001b[31mred\\u001b[0m\""),
            "vulnerability.summary"),
        Arguments.of("ANSI erase-line in details", with("details", "\"ok\\u001b[2K\\rforged log line\""),
            "vulnerability.details"),
        Arguments.of("DEL in the product versions", with("versions", "\"x\\u007f\""), "product.versions"),
        Arguments.of("C1 CSI in details", with("details", "\"x\\u009b31m\""), "vulnerability.details"),
        Arguments.of("NEL in requests", with("requests", "\"x\\u0085y\""), "requests"),
        Arguments.of("line break in summary", with("summary", "\"one\\ntwo\""), "vulnerability.summary"),
        Arguments.of("CR in the e-mail address", with("email", "\"a@example.jp\\r\\nBcc: x@example.jp\""),
            "reporter.email"),
        Arguments.of("VT in the e-mail address", with("email", "\"a@example.jp\\u000b\""), "reporter.email"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedWithAFieldErrorAndNothingStored(String name, String body, String field) throws Exception {
    rejected(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
  }

  @Test
  void typeAndCharacterErrorsAreInJapaneseWhenAsked() throws Exception {
    long before = stored();
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "ja")
            .content(with("consent", "\"true\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("consent"))
        .andExpect(jsonPath("$.errors[0].message").value("true か false（JSON の真偽値）で指定してください"));
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "ja")
            .content(with("details", "\"\\u001b[31m\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("vulnerability.details"))
        .andExpect(jsonPath("$.errors[0].message").value("制御文字（ESC、DEL、U+0080–U+009F など）は使えません"));
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "ja")
            .content(duplicate("\"vulnerability\": {", "summary", "\"x\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("vulnerability.summary"))
        .andExpect(jsonPath("$.errors[0].message").value("同じ項目が複数回指定されています"));
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> badReplies() {
    return Stream.of(
        Arguments.of("empty", "{\"message\":\"  \"}"),
        Arguments.of("over 20,000 characters", "{\"message\":\"" + "あ".repeat(20_001) + "\"}"),
        Arguments.of("a number", "{\"message\":42}"),
        Arguments.of("a boolean", "{\"message\":true}"),
        Arguments.of("message twice", "{\"message\":\"a\",\"message\":\"b\"}"),
        Arguments.of("NUL", "{\"message\":\"a\\u0000b\"}"),
        Arguments.of("lone surrogate", "{\"message\":\"a\\ud83d\"}"),
        Arguments.of("ANSI escape", "{\"message\":\"\\u001b[2J\"}"),
        Arguments.of("C1 control", "{\"message\":\"a\\u0090\"}"));
  }

  @ParameterizedTest(name = "reply: {0}")
  @MethodSource("badReplies")
  void aBadReplyIsRefusedAndTheQuestionStaysOpen(String name, String body) throws Exception {
    IntakeReceipt receipt = cases.submit("report-product");
    ProcessInstance pi = askQuestion(receipt);
    long uses = jdbc.queryForObject("SELECT COUNT(*) FROM vr_private_link_use", Long.class);
    mvc.perform(post("/api/reports/" + receipt.trackingNumber() + "/replies")
            .header("Authorization", "Bearer " + receipt.statusToken()).contentType(MediaType.APPLICATION_JSON)
            .content(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("message"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_clarification WHERE tracking_number = ? "
        + "AND answer IS NULL AND answered_at IS NULL", Integer.class, receipt.trackingNumber())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_private_link_use", Long.class)).isEqualTo(uses);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_AwaitClarification");
    assertThat(runtime.getVariable(pi.getId(), "clarificationAnswer")).isNull();
  }

  private ProcessInstance askQuestion(IntakeReceipt receipt) {
    ProcessInstance pi = cases.instance(receipt.trackingNumber());
    cases.runJobs(pi.getId());
    cases.complete(pi, Map.of("formalCheckOutcome", "CLARIFICATION", "clarificationQuestions", "権限を教えてください。"));
    GREEN_MAIL.reset();
    return pi;
  }

  private static void put(ObjectNode report, String path, String value) {
    String[] parts = path.split("\\.");
    ObjectNode node = report;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.with(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  // --- helpers

  private byte[] edit(Consumer<ObjectNode> change) {
    return cases.example("report-product", change);
  }

  /** Posts the body, expects 400 with field errors, and checks nothing was stored and no mail sent. */
  private ResultActions rejected(byte[] body) throws Exception {
    long before = stored();
    ResultActions result = mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid report"));
    assertThat(stored()).as("cases, reporters and process instances").isEqualTo(before);
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    return result;
  }

  /** Rows of our tables plus process instances: anything an intake would add. */
  private long stored() {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM vr_case) + (SELECT COUNT(*) FROM vr_reporter) "
        + "+ (SELECT COUNT(*) FROM vr_case_event) + (SELECT COUNT(*) FROM vr_tracking_sequence)", Long.class)
        + runtime.createProcessInstanceQuery().count();
  }
}
