package jp.vulnreport.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import jp.vulnreport.deployment.ExpressionChecker.BeanKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression checker alone: the project's kinds of expressions pass, escapes to the engine do not. */
class ExpressionCheckerTest {

  private static final Set<String> APPLICATION = Set.of("registerCaseDelegate", "deadlines", "mailPolicy",
      "caseStates", "taskCompletionListener", "publications", "coordinationTexts");
  private static final Set<String> OTHER = Set.of("identityService", "runtimeService", "processEngine",
      "dataSource", "jdbcTemplate", "repositoryService");

  private final ExpressionChecker checker = new ExpressionChecker(name -> APPLICATION.contains(name)
      ? BeanKind.APPLICATION : OTHER.contains(name) ? BeanKind.OTHER : BeanKind.NONE);

  @ParameterizedTest
  @ValueSource(strings = {
      "${registerCaseDelegate}",
      "${mailPolicy.retryCycle()}",
      "${deadlines.due(execution, 'FORMAL_CHECK')}",
      "${deadlines.due(execution, secondRouteUsed ? 'WEBSITE_UNRESPONSIVE' : 'WEBSITE_SECOND_ROUTE')}",
      "${deadlines.fraction(execution, 'GOVERNMENT_NOTICE', 80)}",
      "${caseStates.enter(execution, 'VERIFICATION')}",
      "#{execution.processBusinessKey}",
      "${execution.processInstanceId}",
      "${execution.setVariable('contactRound', contactRound + 1)}",
      "${execution.setVariable('listingRound', execution.getVariable('listingRound') == null ? 1 : listingRound + 1)}",
      "${reviewOutcome == 'APPROVE'}",
      "${notifiable and noticeSent}",
      "${!targetExtended}",
      "${empty developerIds}",
      "${'ACCEPTED'}",
      "${nonAcceptanceReason == 'SPECIFICATION_CRYPTO_PROTOCOL' or nonAcceptanceReason == 'OUT_OF_SCOPE'}",
      "${governmentTrigger == 'DISCONTINUED' ? '取りやめ / discontinued' : 'changed'}",
      "${report.product.name}",
      "${report['product']}",
      "plain text with ${developerId} inside",
      "${count > 3 && count <= 10}"})
  void allowed(String expression) {
    assertThat(checker.check(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${identityService.createMembership('owner1', 'camunda-admin')}",
      "#{identityService.createMembership('owner1', 'camunda-admin')}",
      "${execution.processEngineServices.identityService.createMembership('owner1', 'camunda-admin')}",
      "${execution.getProcessEngineServices().getIdentityService().createMembership('owner1', 'camunda-admin')}",
      "${execution.getProcessEngine()}",
      "${execution.processEngine.identityService}",
      "${execution['processEngineServices']}",
      "${task.processEngineServices}",
      "${execution}",
      "${runtimeService}",
      "${runtimeService.startProcessInstanceByKey('X')}",
      "${processEngine.identityService}",
      "${dataSource.connection}",
      "${x.getClass().forName('java.lang.Runtime')}",
      "${x.class.classLoader}",
      "${x['class']}",
      "${x[name]}",
      "${x.toString()}",
      "${'a'.concat('b')}",
      "${deadlines.getClass()}",
      "${deadlines.clock}",
      "${deadlines.due(execution, 'X').time}",
      "${deadlines.due(identityService, 'X')}",
      "${now()}",
      "${caseExecution.id}",
      "${a +}"})
  void refused(String expression) {
    assertThat(checker.check(expression)).as(expression).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${identityService}", "${unknownDelegate}", "${deadlines.due(execution, 'X')}",
      "${execution}", "registerCaseDelegate"})
  void delegatesMustNameOneApplicationBean(String expression) {
    assertThat(checker.checkDelegate(expression)).as(expression).isNotEmpty();
    assertThat(checker.checkDelegate("${registerCaseDelegate}")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theFindingNamesTheCulprit() {
    assertThat(checker.check("${identityService.createMembership('owner1', 'camunda-admin')}"))
        .singleElement().asString().contains("identityService").contains("/");
    assertThat(checker.check("${execution.processEngineServices.identityService.createMembership('a', 'b')}"))
        .singleElement().asString().contains("processEngineServices");
  }
}
