package jp.vulnreport.deadline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deadline-policy table (processes/deadline-policy.dmn, key DeadlinePolicy).
 *
 * <p>Each deployed version of the table is evaluated once per combination of inputs and the row
 * kept: a decision definition id names one immutable table, so the same inputs give the same row
 * for as long as that version is the latest, and a new deployment (a new id) is read at once. Every
 * deadline stored for a case (vr_deadline) records the decision id and version its period came
 * from. Evaluating the table costs FEEL's parse and context set-up for each rule's input entries —
 * a sixth of the CPU of taking a report in before this (README, "Benchmarks"); the engine's decision
 * history therefore holds the first evaluation per version and inputs, not one per deadline.
 */
@Component
public class DeadlinePolicy {

  public static final String DECISION_KEY = "DeadlinePolicy";

  /** A period as the table gives it, with the decision (id, version) it came from. */
  public record Period(int amount, DeadlineUnit unit, String basis, String decisionId, int decisionVersion) {}

  /** The rows already evaluated, per table version and inputs; a handful of kinds × exploitation × priority. */
  private record Inputs(String definitionId, String kind, String exploitation, String priority) {}

  private static final int MAX_KEPT = 4096;

  private final Map<Inputs, Period> evaluated = new ConcurrentHashMap<>();
  private final RepositoryService repositoryService;
  private final DecisionService decisionService;

  public DeadlinePolicy(RepositoryService repositoryService, DecisionService decisionService) {
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
  }

  public Period period(String kind, String exploitation, String priority) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("the decision " + DECISION_KEY + " is not deployed");
    }
    Inputs inputs = new Inputs(definition.getId(), kind, exploitation == null ? "NONE" : exploitation,
        priority == null ? "" : priority);
    Period kept = evaluated.get(inputs);
    if (kept != null) {
      return kept;
    }
    Period period = evaluate(definition, inputs);
    if (evaluated.size() >= MAX_KEPT) {
      evaluated.clear();
    }
    evaluated.put(inputs, period);
    return period;
  }

  private Period evaluate(DecisionDefinition definition, Inputs inputs) {
    String kind = inputs.kind();
    DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId())
        .variables(Map.of("deadlineKind", kind, "exploitation", inputs.exploitation(), "priority", inputs.priority()))
        .evaluate();
    if (result.isEmpty()) {
      throw new IllegalStateException("the deadline policy (" + DECISION_KEY + " v" + definition.getVersion()
          + ") has no rule for the deadline kind " + kind);
    }
    Map<String, Object> row = result.getFirstResult().getEntryMap();
    return new Period(((Number) row.get("amount")).intValue(), DeadlineUnit.valueOf((String) row.get("unit")),
        (String) row.get("basis"), definition.getId(), definition.getVersion());
  }
}
