package jp.vulnreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A table version is evaluated once per inputs; a new deployment of the table is read at once. */
class DecisionTablesTest extends IntegrationTest {

  @Autowired DecisionTables tables;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  @Test
  void theSameInputsAreEvaluatedOncePerVersionAndANewVersionIsReadAtOnce() throws Exception {
    Map<String, Object> inputs = Map.of("deadlineKind", "FORMAL_CHECK", "exploitation", "NONE", "priority", "");
    long before = evaluations();
    DecisionTables.Evaluation first = tables.evaluate("DeadlinePolicy", inputs);
    DecisionTables.Evaluation again = tables.evaluate("DeadlinePolicy", new HashMap<>(inputs));
    assertThat(again).isSameAs(first);
    assertThat(first.rows()).isNotEmpty();
    assertThat(evaluations() - before).as("decision history entries written").isLessThanOrEqualTo(1);

    String table;
    try (var in = getClass().getResourceAsStream("/processes/deadline-policy.dmn")) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String deployment = repository.createDeployment().name("DecisionTablesTest").addString("deadline-policy.dmn", table
        .replace("<text>\"BUSINESS_DAYS\"</text>", "<text>\"CALENDAR_DAYS\"</text>")).deploy().getId();
    DecisionTables.Evaluation redeployed;
    try {
      redeployed = tables.evaluate("DeadlinePolicy", inputs);
    } finally {
      // the other tests of this context read the table as the application deploys it
      repository.deleteDeployment(deployment, true);
    }
    assertThat(redeployed.definitionId()).isNotEqualTo(first.definitionId());
    assertThat(redeployed.version()).isEqualTo(first.version() + 1);
    assertThat(first.rows().get(0).get("unit")).isEqualTo("BUSINESS_DAYS");
    assertThat(redeployed.rows().get(0).get("unit")).isEqualTo("CALENDAR_DAYS");
  }

  private long evaluations() {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("DeadlinePolicy").count();
  }
}
