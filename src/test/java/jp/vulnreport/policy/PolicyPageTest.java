package jp.vulnreport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.vulnreport.support.Http;
import jp.vulnreport.web.WebServerTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /policy over HTTP: staff see the deadline policy and the criteria as deployed (compared rule by rule
 * with the latest DecisionDefinition's DMN model), a new deployment shows at once; anonymous callers
 * (discoverers have no staff account) are refused.
 */
class PolicyPageTest extends WebServerTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void staffSeeTheDeployedDeadlinePolicyRuleByRule() throws Exception {
    String page = get("manager1", "/policy").body();
    // left for a look (like the statistics test's PDF)
    Files.createDirectories(Path.of("target/policy"));
    Files.writeString(Path.of("target/policy/policy.html"), page);
    DecisionDefinition d = latest("DeadlinePolicy");
    assertThat(text(page, "deadlines-version")).contains("版 " + d.getVersion())
        .contains(deployedAt(d) + " から有効");
    DecisionTable table = table(d);
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    assertThat(rows(page, "deadline-rules")).isEqualTo(table.getRules().size());
    for (Rule rule : table.getRules()) {
      String row = row(page, rule.getId());
      List<InputEntry> in = new ArrayList<>(rule.getInputEntries());
      List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
      String kind = unquote(in.get(0).getText().getTextContent());
      // a Japanese name for the kind, never the code
      assertThat(cell(row, "kind")).as(rule.getId()).isNotBlank().isNotEqualTo(kind).doesNotContain("_");
      assertThat(cell(row, "amount")).as(rule.getId()).isEqualTo(output(outputs, out, "amount"));
      assertThat(cell(row, "unit")).as(rule.getId()).isEqualTo(switch (unquote(output(outputs, out, "unit"))) {
        case "HOURS" -> "時間";
        case "CALENDAR_DAYS" -> "暦日";
        case "CALENDAR_MONTHS" -> "暦月";
        case "BUSINESS_DAYS" -> "営業日";
        default -> throw new AssertionError("unknown unit in " + rule.getId());
      });
      assertThat(cell(row, "provenance")).as(rule.getId()).isEqualTo(unquote(output(outputs, out, "provenance")))
          .isNotBlank();
      assertDescription(rule, cell(row, "meaning"), cell(row, "provenance"));
      String exploitation = in.get(1).getText().getTextContent().strip();
      String priority = in.get(2).getText().getTextContent().strip();
      String conditions = cell(row, "conditions");
      if (exploitation.isEmpty() && priority.isEmpty()) {
        assertThat(conditions).as(rule.getId()).isEqualTo("（常に）");
      }
      if (exploitation.contains("ACTIVE")) {
        assertThat(conditions).as(rule.getId()).contains("悪用状況", "悪用が確認されている");
      }
      if (exploitation.contains("SUSPECTED")) {
        assertThat(conditions).as(rule.getId()).contains("悪用の疑い");
      }
      if (priority.contains("ACT")) {
        assertThat(conditions).as(rule.getId()).contains("優先度", "Act");
      }
      assertThat(conditions).as(rule.getId()).doesNotContain("\"", "ACTIVE", "SUSPECTED");
    }
    // the notice clock as the issue wants it: 72 calendar hours for notifiable, non-exploited cases
    assertThat(cell(row(page, "Rule_DeadlinePolicy_3"), "amount")).isEqualTo("72");
    assertThat(cell(row(page, "Rule_DeadlinePolicy_3"), "unit")).isEqualTo("時間");
  }

  @Test
  void staffSeeTheDeployedCriteriaRuleByRuleAndTheMeaningsOfTheWords() throws Exception {
    String page = get("receipt1", "/policy").body();
    DecisionDefinition d = latest("GovernmentNotificationCriteria");
    assertThat(text(page, "criteria-version")).contains("版 " + d.getVersion()).contains(deployedAt(d) + " から有効");
    DecisionTable table = table(d);
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    assertThat(rows(page, "criteria-inputs")).isEqualTo(table.getInputs().size());
    for (var input : table.getInputs()) {
      assertThat(unescape(page)).contains(input.getDescription().getTextContent());
    }
    assertThat(rows(page, "criteria-rules")).isEqualTo(table.getRules().size());
    for (Rule rule : table.getRules()) {
      String row = row(page, rule.getId());
      List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
      assertThat(cell(row, "text")).as(rule.getId()).isEqualTo(unquote(output(outputs, out, "groundText")));
      assertThat(cell(row, "provenance")).as(rule.getId()).isEqualTo(unquote(output(outputs, out, "provenance")));
      assertDescription(rule, cell(row, "meaning"), cell(row, "provenance"));
      assertThat(cell(row, "urgency")).as(rule.getId())
          .isEqualTo("\"URGENT\"".equals(output(outputs, out, "urgency")) ? "緊急（24時間の期限）" : "通常");
      assertThat(cell(row, "conditions")).as(rule.getId()).isNotBlank().doesNotContain("\"");
    }
    assertThat(cell(row(page, "Rule_Criteria_3"), "conditions")).contains("悪用が確認されている", "悪用の疑い",
        "修正版・回避策の有無: いいえ");
    assertThat(cell(row(page, "Rule_Criteria_7"), "conditions")).contains("多数の個人情報が漏えいし得る: はい");
    assertThat(unescape(page)).doesNotContain("付録7");
    for (String word : List.of("速やかに", "必要な", "適切な", "公正な")) {
      assertThat(page).contains("<dt class=\"term\">" + word + "</dt>");
    }
    // each meaning and where it is used, as the resource gives them
    for (PolicyTerms.Term t : PolicyTerms.load()) {
      assertThat(unescape(page)).contains(t.meaning());
      t.used().forEach(u -> assertThat(unescape(page)).contains(u.where(), u.what()));
    }
    assertThat(page).doesNotContain("{研究会");
  }

  /** The page reads the engine: a new version of the policy shows at once, with its version and time. */
  @Test
  void aNewDeploymentShowsAtOnce() throws Exception {
    String changed = Files.readString(Path.of("processes/deadline-policy.dmn"))
        .replace("<outputEntry id=\"Rule3_Amount\"><text>72</text>", "<outputEntry id=\"Rule3_Amount\"><text>48</text>");
    String id = repositoryService.createDeployment().name("policy-page-probe").addString("deadline-policy.dmn", changed)
        .deploy().getId();
    try {
      DecisionDefinition d = latest("DeadlinePolicy");
      assertThat(d.getDeploymentId()).isEqualTo(id);
      String page = get("owner1", "/policy").body();
      assertThat(cell(row(page, "Rule_DeadlinePolicy_3"), "amount")).isEqualTo("48");
      assertThat(text(page, "deadlines-version")).contains("版 " + d.getVersion());
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
    assertThat(cell(row(get("owner1", "/policy").body(), "Rule_DeadlinePolicy_3"), "amount")).isEqualTo("72");
  }

  @Test
  void onlyStaffMaySeeIt() throws Exception {
    for (String user : List.of("receipt1", "analyst1", "coordinator1", "liaison1", "manager1", "owner1", "admin")) {
      assertThat(get(user, "/policy").statusCode()).as(user).isEqualTo(200);
    }
    HttpResponse<String> anonymous = get(null, "/policy");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("期限ポリシー", "出典");
    // a discoverer has no staff account: whatever credentials are tried, the page is refused
    // (not a staff user's wrong password: the engine would delay that user's next logins)
    HttpRequest wrong = HttpRequest.newBuilder(URI.create(base() + "/policy"))
        .header("Authorization", Http.basic("hanako.discoverer", "a-guess")).build();
    assertThat(HttpClient.newHttpClient().send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  // --- helpers ---

  /**
   * The page shows the rule's description (the Modeler's annotation) as its meaning; the description
   * ends with 「出典: 」 and the same source as the provenance column.
   */
  private static void assertDescription(Rule rule, String meaning, String provenance) {
    String description = rule.getDescription().getTextContent();
    assertThat(meaning).as(rule.getId()).isNotBlank();
    assertThat(description).as(rule.getId()).isEqualTo(meaning + "。出典: " + provenance);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (user != null) {
      b.header("Authorization", Http.basic(user, "demo"));
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (user != null && user.endsWith("1")) {
      assertThat(r.statusCode()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
    }
    return r;
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private DecisionTable table(DecisionDefinition d) {
    DmnModelInstance model = repositoryService.getDmnModelInstance(d.getId());
    return model.getModelElementById("DecisionTable_" + d.getKey());
  }

  private String deployedAt(DecisionDefinition d) {
    var deployment = repositoryService.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
    return OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), ZoneId.of("Asia/Tokyo"))
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private static String output(List<Output> outputs, List<OutputEntry> entries, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return entries.get(i).getText().getTextContent().strip();
      }
    }
    throw new AssertionError("no output " + name);
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  /** The row of a rule: the page's {@code <tr id="Rule_…">}. */
  private static String row(String page, String id) {
    Matcher m = Pattern.compile("<tr id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("row " + id + " on the page").isTrue();
    return m.group(1);
  }

  private static int rows(String page, String tableId) {
    Matcher t = Pattern.compile("<table id=\"" + tableId + "\">(.*?)</table>", Pattern.DOTALL).matcher(page);
    assertThat(t.find()).as("table " + tableId).isTrue();
    Matcher body = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(t.group(1));
    assertThat(body.find()).isTrue();
    int n = 0;
    Matcher tr = Pattern.compile("<tr[ >]").matcher(body.group(1));
    while (tr.find()) {
      n++;
    }
    return n;
  }

  /** The text of the element with {@code class="name"} (the first class) in a row. */
  private static String cell(String row, String name) {
    Matcher m = Pattern.compile("class=\"" + Pattern.quote(name) + "[^\"]*\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(row);
    assertThat(m.find()).as("cell " + name + " in " + row).isTrue();
    return unescape(m.group(1)).strip();
  }

  private static String text(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as(id).isTrue();
    return unescape(m.group(1).replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ");
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
