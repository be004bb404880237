package jp.vulnreport.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.vulnreport.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/government-notification-criteria.dmn, rule by rule and in combination, with every input. */
class GovernmentCriteriaTest extends IntegrationTest {

  @Autowired GovernmentCriteria criteria;

  @ParameterizedTest(name = "{0}/{1} ci={2} spec={3} breadth={4} fix={5} pd={6} cs={7} -> {8} {9}")
  @CsvSource(nullValues = "-", delimiter = '|', value = {
      // rules 1 and 2: exploitation confirmed or suspected, whatever the severity (a fix exists: no zero-day attack)
      "ACTIVE     | LOW      | false | false | 1 | true  | -     | -     | EXPLOITED                       | URGENT",
      "SUSPECTED  | -        | false | false | - | true  | -     | -     | EXPLOITATION_SUSPECTED          | URGENT",
      // unknown whether a fix exists: the zero-day rule does not fire (unknown is not met)
      "ACTIVE     | LOW      | false | false | 1 | -     | -     | -     | EXPLOITED                       | URGENT",
      // rule 3: zero-day attack = exploited or suspected while no fix exists
      "ACTIVE     | LOW      | false | false | 1 | false | -     | -     | EXPLOITED,ZERO_DAY_ATTACK       | URGENT",
      "SUSPECTED  | -        | false | false | 1 | false | -     | -     | EXPLOITATION_SUSPECTED,ZERO_DAY_ATTACK | URGENT",
      // no fix but not exploited is NOT a zero-day attack (almost every new report has no fix)
      "NONE       | CRITICAL | false | false | 1 | false | -     | -     | -                               | NONE",
      "PUBLIC_POC | CRITICAL | false | false | 1 | false | -     | -     | -                               | NONE",
      // rule 4: severe and used by critical infrastructure
      "NONE       | HIGH     | true  | false | 1 | -     | -     | -     | SEVERE_CRITICAL_INFRASTRUCTURE  | NORMAL",
      "PUBLIC_POC | MEDIUM   | true  | false | 1 | -     | -     | -     | -                               | NONE",
      // rule 5: severe and wide (3 or more developers or products)
      "NONE       | CRITICAL | false | false | 3 | -     | -     | -     | SEVERE_WIDE_IMPACT              | NORMAL",
      "NONE       | CRITICAL | false | false | 2 | -     | -     | -     | -                               | NONE",
      // rule 6: severe specification-level flaw
      "NONE       | HIGH     | false | true  | 1 | -     | -     | -     | SEVERE_SPECIFICATION_FLAW       | NORMAL",
      "NONE       | MEDIUM   | false | true  | 1 | -     | -     | -     | -                               | NONE",
      // rule 7 (websites): severe and personal data of many people exposed
      "NONE       | HIGH     | -     | -     | - | -     | true  | false | SEVERE_PERSONAL_DATA            | NORMAL",
      "NONE       | MEDIUM   | -     | -     | - | -     | true  | false | -                               | NONE",
      // rule 8 (websites): severe and the site serves critical infrastructure or a public service
      "NONE       | CRITICAL | -     | -     | - | -     | false | true  | SEVERE_CRITICAL_SERVICE         | NORMAL",
      "NONE       | LOW      | -     | -     | - | -     | false | true  | -                               | NONE",
      "NONE       | HIGH     | -     | -     | - | -     | true  | true  | SEVERE_PERSONAL_DATA,SEVERE_CRITICAL_SERVICE | NORMAL",
      // a website exploited: as for products, whatever its estimated severity
      "ACTIVE     | LOW      | -     | -     | - | -     | false | false | EXPLOITED                       | URGENT",
      "SUSPECTED  | MEDIUM   | -     | -     | - | -     | true  | false | EXPLOITATION_SUSPECTED          | URGENT",
      // a website with severe facts but nothing exposed: not notifiable
      "NONE       | CRITICAL | -     | -     | - | -     | false | false | -                               | NONE",
      // nothing known: not notifiable
      "-          | -        | -     | -     | - | -     | -     | -     | -                               | NONE"})
  void rule(String exploitation, String severity, Boolean ci, Boolean spec, Integer breadth, Boolean fixAvailable,
      Boolean personalData, Boolean criticalService, String grounds, String urgency) {
    GovernmentCriteria.Result r = criteria.evaluate(new GovernmentCriteria.Facts(exploitation, severity, ci, spec,
        breadth, fixAvailable, personalData, criticalService));
    assertThat(r.notifiable()).isEqualTo(grounds != null);
    assertThat(r.grounds()).isEqualTo(grounds == null ? List.of() : List.of(grounds.split(",")));
    assertThat(r.urgency()).isEqualTo(urgency);
    assertThat(r.groundTexts()).hasSize(r.grounds().size()).allSatisfy(t -> assertThat(t).isNotBlank()
        .doesNotContain("付録7"));
  }

  @org.junit.jupiter.api.Test
  void everyGroundThatHoldsIsListed() {
    GovernmentCriteria.Result r = criteria.evaluate(
        new GovernmentCriteria.Facts("ACTIVE", "CRITICAL", true, false, 5, true));
    assertThat(r.grounds()).containsExactly("EXPLOITED", "SEVERE_CRITICAL_INFRASTRUCTURE", "SEVERE_WIDE_IMPACT");
    assertThat(r.urgency()).isEqualTo("URGENT");
    assertThat(r.groundsText()).contains("悪用が確認されている").contains("重要インフラ");
  }

  @org.junit.jupiter.api.Test
  void theZeroDayGroundSaysExploitedBeforeAFix() {
    GovernmentCriteria.Result r = criteria.evaluate(
        new GovernmentCriteria.Facts("SUSPECTED", "MEDIUM", false, false, 1, false));
    assertThat(r.groundsText()).contains("修正版・回避策がないまま", "ゼロデイ攻撃");
  }
}
