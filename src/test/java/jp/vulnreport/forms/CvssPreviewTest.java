package jp.vulnreport.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.vulnreport.verification.CvssService;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 検証 shows the CVSS base score and severity while the analyst types the vector: the form's FEEL text
 * (forms/verification.form, Text_CvssScorePreview) must say what verification/CvssService computes on
 * completion (and what later forms show as cvssSummary) for the same vector.
 */
class CvssPreviewTest {

  private static final String[] AV = {"N", "A", "L", "P"};
  private static final String[] AC = {"L", "H"};
  private static final String[] PR = {"N", "L", "H"};
  private static final String[] UI = {"N", "R"};
  private static final String[] S = {"U", "C"};
  private static final String[] CIA = {"H", "L", "N"};

  private static String expression;
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final CvssService CVSS = new CvssService();

  @BeforeAll
  static void readTheForm() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/verification.form").toFile());
    for (JsonNode c : form.path("components")) {
      if ("Text_CvssScorePreview".equals(c.path("id").asText())) {
        expression = c.path("text").asText();
      }
    }
    assertThat(expression).as("forms/verification.form Text_CvssScorePreview").isNotNull().startsWith("=");
  }

  /** Score and severity as the preview writes them: "9.8 緊急（CRITICAL）". */
  private static String shown(String vector) {
    EvaluationResult r = FEEL.evaluateExpression(expression.substring(1), Map.of("cvssVector", vector));
    assertThat(r.isSuccess()).as("FEEL for %s: %s", vector, r).isTrue();
    String text = (String) r.result();
    String prefix = "基本値と深刻度（入力中のベクトルから計算）: **";
    assertThat(text).as(vector).startsWith(prefix).endsWith("**");
    return text.substring(prefix.length(), text.length() - 2);
  }

  private static String server(String vector) {
    CvssService.CvssResult r = CVSS.evaluate(vector);
    String label = switch (r.severity()) {
      case "NONE" -> "なし（NONE）";
      case "LOW" -> "注意（LOW）";
      case "MEDIUM" -> "警告（MEDIUM）";
      case "HIGH" -> "重要（HIGH）";
      case "CRITICAL" -> "緊急（CRITICAL）";
      default -> throw new AssertionError(r.severity());
    };
    return r.baseScore().toPlainString() + " " + label;
  }

  @Test
  void knownVectorsShowTheirPublishedScores() {
    // scores from the FIRST CVSS 3.1 calculator
    Map<String, String> known = Map.ofEntries(
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8 緊急（CRITICAL）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "10.0 緊急（CRITICAL）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "0.0 なし（NONE）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1 警告（MEDIUM）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "8.8 重要（HIGH）"),
        Map.entry("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "7.8 重要（HIGH）"),
        Map.entry("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "5.9 警告（MEDIUM）"),
        Map.entry("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "1.6 注意（LOW）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", "5.3 警告（MEDIUM）"),
        Map.entry("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "8.8 重要（HIGH）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", "9.1 緊急（CRITICAL）"),
        Map.entry("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8 緊急（CRITICAL）"),
        Map.entry("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", "9.8 緊急（CRITICAL）"));
    known.forEach((vector, expected) -> {
      assertThat(shown(vector)).as(vector).isEqualTo(expected);
      assertThat(server(vector)).as(vector).isEqualTo(expected);
    });
  }

  @Test
  void everyBaseVectorOfCvss30And31ShowsWhatTheServerComputes() {
    List<String> differ = new ArrayList<>();
    TreeSet<String> scores = new TreeSet<>();
    int vectors = 0;
    for (String version : List.of("3.0", "3.1")) {
      for (String av : AV) {
        for (String ac : AC) {
          for (String pr : PR) {
            for (String ui : UI) {
              for (String s : S) {
                for (String c : CIA) {
                  for (String i : CIA) {
                    for (String a : CIA) {
                      String v = "CVSS:" + version + "/AV:" + av + "/AC:" + ac + "/PR:" + pr + "/UI:" + ui
                          + "/S:" + s + "/C:" + c + "/I:" + i + "/A:" + a;
                      String form = shown(v);
                      String service = server(v);
                      if (!form.equals(service)) {
                        differ.add(v + " form: " + form + " server: " + service);
                      }
                      scores.add(form.substring(0, form.indexOf(' ')));
                      vectors++;
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(differ).as("vectors where the form and CvssService disagree").isEmpty();
    assertThat(vectors).isEqualTo(2 * 4 * 2 * 3 * 2 * 2 * 27);
    // the severity boundaries and the cap are among the scores compared
    assertThat(scores).contains("0.0", "3.9", "4.0", "6.9", "7.0", "8.9", "9.0", "10.0");
  }

  @Test
  void cvss40VectorsAreScoredOnCompletionAndInvalidVectorsShowTheFormatMessage() {
    String v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    assertThat(CVSS.evaluate(v4).baseScore()).isNotNull();
    assertThat(text(v4)).contains("CVSS 4.0").contains("完了時にサーバーで計算");
    for (String bad : List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AC:L/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H")) {
      assertThat(text(bad)).as(bad).contains("ベクトルの形式が正しくありません");
    }
    assertThat(text("")).contains("CVSS ベクトルを入力すると");
    EvaluationResult none = FEEL.evaluateExpression(expression.substring(1), new java.util.HashMap<>(
        java.util.Collections.singletonMap("cvssVector", null)));
    assertThat(none.result()).asString().contains("CVSS ベクトルを入力すると");
  }

  private static String text(String vector) {
    EvaluationResult r = FEEL.evaluateExpression(expression.substring(1), Map.of("cvssVector", vector));
    assertThat(r.isSuccess()).as("FEEL for %s: %s", vector, r).isTrue();
    return (String) r.result();
  }
}
