package jp.vulnreport.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/**
 * 内容確認 shows, before completing, the outcome the acceptance table will give: the form's FEEL
 * text (forms/substantive-check.form, Text_AcceptancePreview) and processes/acceptance-decision.dmn
 * must agree for every combination of the ticks and the category.
 */
class AcceptancePreviewTest {

  /** What the preview says for each outcome of the table (null: no rule matches, no category chosen). */
  private static final Map<String, String> SAYS = new HashMap<>();

  static {
    SAYS.put("ACCEPT", "**受理**");
    SAYS.put("WITHDRAWN", "**不受理**: 発見者から取り下げの申し出があった");
    SAYS.put("NOT_A_VULNERABILITY", "**不受理**: 脆弱性に該当しない");
    SAYS.put("SPECIFICATION_CRYPTO_PROTOCOL", "**不受理**: 暗号・プロトコルの仕様そのものの問題（受付対象外）");
    SAYS.put("OUT_OF_SCOPE", "**不受理**: 対象範囲外");
    SAYS.put("KNOWN_OR_DUPLICATE", "**不受理**: 既知・公表済み、または重複");
    SAYS.put(null, "分類を選んでください（分類がないと判定できません）");
  }

  @Test
  void theFormsPreviewAndTheAcceptanceTableAgreeForEveryCombination() throws Exception {
    DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision;
    try (InputStream in = Files.newInputStream(Path.of("processes/acceptance-decision.dmn"))) {
      decision = dmn.parseDecision("AcceptanceDecision", in);
    }
    String expression = previewExpression();
    assertThat(expression).startsWith("=");
    FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    List<String> categories = new ArrayList<>(List.of("SOFTWARE_PRODUCT", "WEBSITE", "SPECIFICATION_CRYPTO_PROTOCOL"));
    categories.add(null);
    int combinations = 0;
    for (int bits = 0; bits < 16; bits++) {
      for (String category : categories) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("withdrawn", (bits & 1) != 0);
        vars.put("isVulnerability", (bits & 2) != 0);
        vars.put("inScope", (bits & 4) != 0);
        vars.put("knownOrDuplicate", (bits & 8) != 0);
        vars.put("category", category);

        var result = dmn.evaluateDecisionTable(decision, vars);
        String outcome = result.isEmpty() ? null : (String) result.getSingleResult().getSingleEntry();
        EvaluationResult shown = feel.evaluateExpression(expression.substring(1), vars);
        assertThat(shown.isSuccess()).as("FEEL for %s: %s", vars, shown).isTrue();
        assertThat(shown.result()).as("preview for %s (table: %s)", vars, outcome).isEqualTo(SAYS.get(outcome));
        combinations++;
      }
    }
    assertThat(combinations).isEqualTo(64);
  }

  private static String previewExpression() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/substantive-check.form").toFile());
    for (JsonNode c : form.path("components")) {
      if ("Text_AcceptancePreview".equals(c.path("id").asText())) {
        return c.path("text").asText();
      }
    }
    throw new AssertionError("forms/substantive-check.form has no Text_AcceptancePreview");
  }
}
