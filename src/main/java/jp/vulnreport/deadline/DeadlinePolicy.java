package jp.vulnreport.deadline;

import java.util.Map;
import jp.vulnreport.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deadline-policy table (processes/deadline-policy.dmn, key DeadlinePolicy), through
 * {@link DecisionTables} (each version of the table once per inputs).
 */
@Component
public class DeadlinePolicy {

  public static final String DECISION_KEY = "DeadlinePolicy";

  /** A period as the table gives it, with the decision (id, version) it came from. */
  public record Period(int amount, DeadlineUnit unit, String basis, String decisionId, int decisionVersion) {}

  private final DecisionTables tables;

  public DeadlinePolicy(DecisionTables tables) {
    this.tables = tables;
  }

  public Period period(String kind, String exploitation, String priority) {
    DecisionTables.Evaluation result = tables.evaluate(DECISION_KEY, Map.of("deadlineKind", kind,
        "exploitation", exploitation == null ? "NONE" : exploitation, "priority", priority == null ? "" : priority));
    if (result.rows().isEmpty()) {
      throw new IllegalStateException("the deadline policy (" + DECISION_KEY + " v" + result.version()
          + ") has no rule for the deadline kind " + kind);
    }
    Map<String, Object> row = result.rows().get(0);
    return new Period(((Number) row.get("amount")).intValue(), DeadlineUnit.valueOf((String) row.get("unit")),
        (String) row.get("basis"), result.definitionId(), result.version());
  }
}
