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
import org.junit.jupiter.params.provider.ValueSource;
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
    String huge = "あ".repeat(140_000); // 420,000 bytes in UTF-8
    mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
            .content(edit(n -> n.with("vulnerability").put("details", huge))))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail").value("The request body is larger than the limit of 409600 bytes."));
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
