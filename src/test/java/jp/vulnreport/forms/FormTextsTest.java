package jp.vulnreport.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.vulnreport.verification.CvssService;
import org.junit.jupiter.api.Test;

/** What a person reads in forms/: Japanese labels, never the codes the processes decide on. */
class FormTextsTest {

  /** Variables holding codes: a form shows them only as a select/radio with labelled values. */
  private static final Set<String> CODE_VARIABLES = Set.of("category", "exploitationStatus", "governmentTrigger",
      "criteriaUrgency", "ssvcPriority", "governmentNoticeStatus", "governmentVendorDecision", "operatorResponseType",
      "tlp", "exploitationTlp", "acceptanceOutcome", "nonAcceptanceReason", "cvssSeverity", "recognitionDecision",
      "zeroDayDecision", "reviewOutcome", "websiteFixKind", "operatorKind", "productKind");
  /** A raw code in a label or text: SOFTWARE_PRODUCT, RECOGNITION_PENDING, "(URGENT:" … */
  private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b|[（(][A-Z]{3,}:");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @Test
  void noFormShowsARawCode() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path f : forms()) {
      JsonNode form = new ObjectMapper().readTree(f.toFile());
      each(form.path("components"), c -> {
        String where = f.getFileName() + " " + c.path("id").asText();
        String type = c.path("type").asText();
        String key = c.path("key").asText(null);
        if (key != null && CODE_VARIABLES.contains(key) && (type.equals("textfield") || type.equals("textarea"))) {
          problems.add(where + ": shows the code variable " + key + " as text");
        }
        for (String text : List.of(c.path("label").asText(""), c.path("description").asText(""),
            c.path("text").asText("").startsWith("=") ? "" : c.path("text").asText(""))) {
          if (RAW_CODE.matcher(text).find()) {
            problems.add(where + ": raw code in \"" + text + "\"");
          }
        }
        for (JsonNode v : c.path("values")) {
          if (!JAPANESE.matcher(v.path("label").asText("")).find()) {
            problems.add(where + ": option " + v.path("value").asText() + " has no Japanese label");
          }
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void readOnlyExploitationStatusOffersEveryStatusTheVerificationAllows() throws IOException {
    for (Path f : forms()) {
      JsonNode form = new ObjectMapper().readTree(f.toFile());
      each(form.path("components"), c -> {
        if ("exploitationStatus".equals(c.path("key").asText())) {
          List<String> values = new ArrayList<>();
          c.path("values").forEach(v -> values.add(v.path("value").asText()));
          assertThat(values).as(f.toString()).containsExactlyInAnyOrder("NONE", "PUBLIC_POC", "SUSPECTED", "ACTIVE");
        }
      });
    }
  }

  @Test
  void theVerificationFormsPatternAcceptsWhatTheServerScoresAndRefusesTheRest() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/verification.form").toFile());
    List<String> pattern = new ArrayList<>();
    each(form.path("components"), c -> {
      if ("cvssVector".equals(c.path("key").asText())) {
        pattern.add(c.path("validate").path("pattern").asText());
      }
    });
    Pattern p = Pattern.compile(pattern.get(0));
    CvssService cvss = new CvssService();
    for (String ok : List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")) {
      assertThat(p.matcher(ok).find()).as(ok).isTrue();
      assertThat(cvss.evaluate(ok).baseScore()).as(ok).isNotNull();
    }
    for (String bad : List.of("CVSS:3.1/AV:X", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H")) {
      assertThat(p.matcher(bad).find()).as(bad).isFalse();
    }
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("forms"))) {
      return s.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static void each(JsonNode components, Consumer<JsonNode> action) {
    for (JsonNode c : components) {
      action.accept(c);
      if (c.has("components")) {
        each(c.path("components"), action);
      }
    }
  }
}
