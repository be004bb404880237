package jp.vulnreport.policy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseLabels;
import jp.vulnreport.deadline.DeadlinePolicy;
import jp.vulnreport.government.GovernmentCriteria;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The deadline policy and the government-notification criteria as deployed in the engine: the latest
 * version of each decision, read from its DMN model (never a hand-written copy), in Japanese words.
 */
@Component
public class PolicyTables {

  /** Which version of a table is in force, and since when (its deployment). */
  public record Version(String key, String name, int version, String decisionId, String deployedAt,
      String deploymentName) {}

  /**
   * A deadline rule: kind, conditions, amount and unit, what it means (its description, the Modeler's
   * annotation, without the source it ends with), where it comes from (the provenance output).
   */
  public record DeadlineRule(String id, String kind, String kindLabel, String conditions, int amount, String unit,
      String unitLabel, String basis, String provenance, String description, String meaning) {}

  /** An input of the criteria and what it means. */
  public record Criterion(String label, String meaning) {}

  /** A criteria rule: its conditions and the ground it gives. */
  public record CriteriaRule(String id, String conditions, String ground, String urgency, String urgencyLabel,
      String text, String provenance, String description, String meaning) {}

  public record DeadlineTable(Version version, List<DeadlineRule> rules) {}

  public record CriteriaTable(Version version, String description, List<Criterion> inputs, List<CriteriaRule> rules) {}

  static final Map<String, String> UNITS = Map.of("HOURS", "時間", "CALENDAR_DAYS", "暦日", "CALENDAR_MONTHS", "暦月",
      "BUSINESS_DAYS", "営業日");
  static final Map<String, String> EXPLOITATION = Map.of("NONE", "悪用の情報なし", "PUBLIC_POC", "攻撃コード（PoC）公開",
      "SUSPECTED", "悪用の疑い", "ACTIVE", "悪用が確認されている");
  static final Map<String, String> PRIORITY = Map.of("ACT", "Act（直ちに対応）", "ATTEND", "Attend", "TRACK_STAR", "Track*",
      "TRACK", "Track");
  static final Map<String, String> SEVERITY = Map.of("NONE", "なし", "LOW", "注意（LOW）", "MEDIUM", "警告（MEDIUM）",
      "HIGH", "重要（HIGH）", "CRITICAL", "緊急（CRITICAL）");
  static final Map<String, String> URGENCY = Map.of("URGENT", "緊急（24時間の期限）", "NORMAL", "通常");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final RepositoryService repository;
  private final ZoneId zone;

  public PolicyTables(RepositoryService repository, AppProperties app) {
    this.repository = repository;
    this.zone = app.timeZone();
  }

  public DeadlineTable deadlines() {
    DecisionDefinition d = latest(DeadlinePolicy.DECISION_KEY);
    DecisionTable table = table(d);
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    List<DeadlineRule> rules = new ArrayList<>();
    for (Rule r : table.getRules()) {
      List<InputEntry> in = new ArrayList<>(r.getInputEntries());
      List<OutputEntry> out = new ArrayList<>(r.getOutputEntries());
      String kind = unquote(text(in.get(0)));
      List<String> conditions = new ArrayList<>();
      for (int i = 1; i < in.size(); i++) {
        String c = condition(inputs.get(i), text(in.get(i)));
        if (c != null) {
          conditions.add(c);
        }
      }
      String unit = unquote(output(outputs, out, "unit"));
      rules.add(new DeadlineRule(r.getId(), kind, CaseLabels.deadlineKind(kind), conditions.isEmpty() ? "（常に）"
          : String.join("、", conditions), Integer.parseInt(output(outputs, out, "amount").strip()), unit,
          UNITS.getOrDefault(unit, unit), unquote(output(outputs, out, "basis")),
          unquote(output(outputs, out, "provenance")), description(r), meaning(description(r))));
    }
    return new DeadlineTable(version(d), rules);
  }

  public CriteriaTable criteria() {
    DecisionDefinition d = latest(GovernmentCriteria.DECISION_KEY);
    DecisionTable table = table(d);
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    List<Criterion> criteria = inputs.stream()
        .map(i -> new Criterion(japanese(i.getLabel()), i.getDescription() == null ? "" : i.getDescription().getTextContent()))
        .toList();
    List<CriteriaRule> rules = new ArrayList<>();
    for (Rule r : table.getRules()) {
      List<InputEntry> in = new ArrayList<>(r.getInputEntries());
      List<OutputEntry> out = new ArrayList<>(r.getOutputEntries());
      List<String> conditions = new ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        String c = condition(inputs.get(i), text(in.get(i)));
        if (c != null) {
          conditions.add(c);
        }
      }
      String urgency = unquote(output(outputs, out, "urgency"));
      rules.add(new CriteriaRule(r.getId(), String.join("、かつ ", conditions), unquote(output(outputs, out, "ground")),
          urgency, URGENCY.getOrDefault(urgency, urgency), unquote(output(outputs, out, "groundText")),
          unquote(output(outputs, out, "provenance")), description(r), meaning(description(r))));
    }
    String description = table.getParentElement() instanceof org.camunda.bpm.model.dmn.instance.Decision decision
        && decision.getDescription() != null ? decision.getDescription().getTextContent() : "";
    int english = description.indexOf(" / ");
    return new CriteriaTable(version(d), english > 0 ? description.substring(0, english) : description, criteria, rules);
  }

  private DecisionDefinition latest(String key) {
    DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult();
    if (d == null) {
      throw new IllegalStateException("the decision " + key + " is not deployed");
    }
    return d;
  }

  private DecisionTable table(DecisionDefinition d) {
    DmnModelInstance model = repository.getDmnModelInstance(d.getId());
    return (DecisionTable) model.getModelElementById("DecisionTable_" + d.getKey());
  }

  private Version version(DecisionDefinition d) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
    String at = deployment == null || deployment.getDeploymentTime() == null ? "-"
        : OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), zone).format(TIME);
    return new Version(d.getKey(), d.getName(), d.getVersion(), d.getId(), at,
        deployment == null ? null : deployment.getName());
  }

  /** "label: value" of a non-empty input entry in Japanese words; null when the entry is empty (any value). */
  static String condition(Input input, String entry) {
    if (entry == null || entry.isBlank() || entry.strip().equals("-")) {
      return null;
    }
    String variable = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent();
    Map<String, String> words = variable.contains("exploitation") ? EXPLOITATION
        : variable.contains("priority") ? PRIORITY : variable.contains("severity") ? SEVERITY : Map.of();
    String e = entry.strip();
    String value;
    if (e.equals("true")) {
      value = "はい";
    } else if (e.equals("false")) {
      value = "いいえ";
    } else if (e.startsWith(">=")) {
      value = e.substring(2).strip() + " 以上";
    } else {
      List<String> parts = new ArrayList<>();
      for (String part : e.split(",")) {
        String code = unquote(part.strip());
        parts.add(words.getOrDefault(code, code));
      }
      value = String.join("・", parts);
    }
    return japanese(input.getLabel()) + ": " + value;
  }

  /** The Japanese part of a "日本語 / English" label. */
  static String japanese(String label) {
    if (label == null) {
      return "";
    }
    int i = label.indexOf(" / ");
    return i > 0 ? label.substring(0, i) : label;
  }

  private static String output(List<Output> outputs, List<OutputEntry> entries, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i < entries.size() ? text(entries.get(i)) : "";
      }
    }
    return "";
  }

  private static String text(InputEntry e) {
    return e.getText() == null ? "" : e.getText().getTextContent();
  }

  private static String text(OutputEntry e) {
    return e.getText() == null ? "" : e.getText().getTextContent();
  }

  private static String description(Rule r) {
    return r.getDescription() == null ? "" : r.getDescription().getTextContent();
  }

  /** A rule's description without the source it ends with (「。出典: …」: the provenance column says it). */
  static String meaning(String description) {
    int i = description.indexOf("。出典: ");
    return i < 0 ? description : description.substring(0, i);
  }

  static String unquote(String s) {
    String t = s == null ? "" : s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
