package jp.vulnreport;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table, once per version and inputs.
 *
 * <p>A decision definition id names one immutable table, so the same inputs give the same rows for
 * as long as that version is the latest; a new deployment (a new id) is read at once. Evaluating a
 * table costs FEEL's parse and context set-up for every rule's input entries: before this the
 * deadline policy alone was a sixth of the CPU of taking a report in, and the notification criteria
 * a twentieth of a whole case's (README, "Benchmarks"). What the engine keeps in its decision history
 * is therefore the first evaluation per version and inputs; what a case got is recorded by the
 * caller (vr_deadline with the decision id and version, vr_government_evaluation with facts and result).
 */
@Component
public class DecisionTables {

  /** The matched rows (output name → value) of one version of a table. */
  public record Evaluation(String definitionId, int version, List<Map<String, Object>> rows) {}

  private record Key(String definitionId, Map<String, Object> inputs) {}

  /** The tables have a handful of inputs with few values each; a bound in case that ever changes. */
  private static final int MAX_KEPT = 4096;

  private final Map<Key, Evaluation> kept = new ConcurrentHashMap<>();
  private final RepositoryService repository;
  private final DecisionService decisions;

  public DecisionTables(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  public Evaluation evaluate(String decisionKey, Map<String, Object> inputs) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().withoutTenantId().singleResult();
    if (definition == null) {
      throw new IllegalStateException("the decision " + decisionKey + " is not deployed");
    }
    Key key = new Key(definition.getId(), Collections.unmodifiableMap(new HashMap<>(inputs)));
    Evaluation evaluation = kept.get(key);
    if (evaluation == null) {
      DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId()).variables(inputs).evaluate();
      evaluation = new Evaluation(definition.getId(), definition.getVersion(), result.getResultList().stream()
          .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList());
      if (kept.size() >= MAX_KEPT) {
        kept.clear();
      }
      kept.put(key, evaluation);
    }
    return evaluation;
  }
}
