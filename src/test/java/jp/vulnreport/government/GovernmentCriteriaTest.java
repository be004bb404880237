package jp.vulnreport.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.vulnreport.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/government-notification-criteria.dmn, rule by rule and in combination. */
class GovernmentCriteriaTest extends IntegrationTest {

  @Autowired GovernmentCriteria criteria;

  @ParameterizedTest(name = "{0}/{1} ci={2} spec={3} breadth={4} zeroDay={5} -> {6} {7}")
  @CsvSource(nullValues = "-", delimiter = '|', value = {
      // rule 1 and 2: exploitation confirmed or suspected, whatever the severity
      "ACTIVE     | LOW      | false | false | 1 | false | EXPLOITED                      | URGENT",
      "SUSPECTED  | -        | false | false | - | false | EXPLOITATION_SUSPECTED         | URGENT",
      // rule 3: severe zero-day
      "NONE       | CRITICAL | false | false | 1 | true  | ZERO_DAY_SEVERE                | URGENT",
      "NONE       | MEDIUM   | false | false | 1 | true  | -                              | NONE",
      // rule 4: severe and used by critical infrastructure
      "NONE       | HIGH     | true  | false | 1 | false | SEVERE_CRITICAL_INFRASTRUCTURE | NORMAL",
      "PUBLIC_POC | MEDIUM   | true  | false | 1 | false | -                              | NONE",
      // rule 5: severe and wide (3 or more developers or products)
      "NONE       | CRITICAL | false | false | 3 | false | SEVERE_WIDE_IMPACT             | NORMAL",
      "NONE       | CRITICAL | false | false | 2 | false | -                              | NONE",
      // rule 6: severe specification-level flaw
      "NONE       | HIGH     | false | true  | 1 | false | SEVERE_SPECIFICATION_FLAW      | NORMAL",
      // nothing known: not notifiable
      "-          | -        | -     | -     | - | -     | -                              | NONE"})
  void rule(String exploitation, String severity, Boolean ci, Boolean spec, Integer breadth, Boolean zeroDay,
      String ground, String urgency) {
    GovernmentCriteria.Result r = criteria.evaluate(
        new GovernmentCriteria.Facts(exploitation, severity, ci, spec, breadth, zeroDay));
    assertThat(r.notifiable()).isEqualTo(ground != null);
    assertThat(r.grounds()).isEqualTo(ground == null ? List.of() : List.of(ground));
    assertThat(r.urgency()).isEqualTo(urgency);
  }

  @org.junit.jupiter.api.Test
  void everyGroundThatHoldsIsListed() {
    GovernmentCriteria.Result r = criteria.evaluate(
        new GovernmentCriteria.Facts("ACTIVE", "CRITICAL", true, false, 5, false));
    assertThat(r.grounds()).containsExactly("EXPLOITED", "SEVERE_CRITICAL_INFRASTRUCTURE", "SEVERE_WIDE_IMPACT");
    assertThat(r.urgency()).isEqualTo("URGENT");
    assertThat(r.groundsText()).contains("悪用が確認されている").contains("重要インフラ");
  }
}
