package jp.vulnreport.deadline;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/** Evaluates the deadline-policy table (processes/deadline-policy.dmn, key DeadlinePolicy). */
@Component
public class DeadlinePolicy {

  public static final String DECISION_KEY = "DeadlinePolicy";

  /** A period as the table gives it, with the decision (id, version) it came from. */
  public record Period(int amount, DeadlineUnit unit, String basis, String decisionId, int decisionVersion) {}

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
    DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId())
        .variables(Map.of("deadlineKind", kind, "exploitation", exploitation == null ? "NONE" : exploitation,
            "priority", priority == null ? "" : priority))
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
