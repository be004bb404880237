package jp.vulnreport.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/deadline-policy.dmn, rule by rule, as the engine evaluates it. */
class DeadlinePolicyTest extends IntegrationTest {

  @Autowired DeadlinePolicy policy;
  @Autowired DeadlineCalendar calendar;
  @Autowired RepositoryService repositoryService;

  @ParameterizedTest(name = "{0} exploitation={1} priority={2} -> {3} {4}")
  @CsvSource(nullValues = "-", value = {
      "GOVERNMENT_NOTICE,      ACTIVE,     -,   24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      SUSPECTED,  -,   24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      NONE,       ACT, 24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      PUBLIC_POC, -,   72, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      NONE,       -,   72, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      -,          -,   72, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      PUBLIC_POC, ACT, 24, HOURS,         速やかに",
      "VERIFICATION,           ACTIVE,     -,   1,  BUSINESS_DAYS, 検証",
      "VERIFICATION,           SUSPECTED,  -,   1,  BUSINESS_DAYS, 検証",
      "VERIFICATION,           NONE,       -,   3,  BUSINESS_DAYS, 検証",
      "RECOGNITION,            -,          -,   1,  BUSINESS_DAYS, 認知",
      "FORMAL_CHECK,           -,          -,   2,  BUSINESS_DAYS, 形式確認",
      "ACCEPTANCE_DECISION,    -,          -,   5,  BUSINESS_DAYS, 受理判定",
      "CLARIFICATION_REMINDER, -,          -,   7,  CALENDAR_DAYS, 催促",
      "CLARIFICATION_CUTOFF,   ACTIVE,     -,   14, CALENDAR_DAYS, 不受理",
      "ESCALATION_RESPONSE,    -,          -,   4,  HOURS,         管理者",
      "VENDOR_DECISION,        -,          -,   1,  BUSINESS_DAYS, ゼロデイ",
      "GOVERNMENT_ACK_FOLLOW_UP, -,        -,   3,  BUSINESS_DAYS, 受領確認",
      "COMPLETION_NOTICE,      -,          -,   5,  BUSINESS_DAYS, 完了通知",
      "PERSONAL_DATA_RETENTION, -,         -,   1095, CALENDAR_DAYS, 個人情報",
      "WEBSITE_CONTACT_LOOKUP, -, -, 2, BUSINESS_DAYS, ウェブサイト運営者の連絡先の確認",
      "WEBSITE_CONTACT_REMINDER, -, -, 5, BUSINESS_DAYS, ウェブサイト運営者への最初の連絡",
      "WEBSITE_SECOND_ROUTE, -, -, 10, BUSINESS_DAYS, ウェブサイト運営者への最初の連絡",
      "WEBSITE_UNRESPONSIVE, -, -, 10, BUSINESS_DAYS, 別経路での連絡",
      "WEBSITE_FIX_REMINDER, -, -, 30, CALENDAR_DAYS, ウェブサイトの修正",
      "WEBSITE_FIX_CUTOFF, -, -, 90, CALENDAR_DAYS, ウェブサイトの修正",
      "WEBSITE_RESPONSE_REVIEW, -, -, 3, BUSINESS_DAYS, 修正完了報告の確認",
      "PRIORITY_PROVISION, ACTIVE, -, 4, HOURS, 優先情報提供",
      "PRIORITY_PROVISION, SUSPECTED, -, 1, BUSINESS_DAYS, 優先情報提供",
      "DEVELOPER_IDENTIFICATION, -, -, 2, BUSINESS_DAYS, 製品開発者の特定と最初の連絡",
      "DEVELOPER_CONTACT_REMINDER, -, -, 14, CALENDAR_DAYS, 製品開発者への最初の連絡",
      "DEVELOPER_RESPONSE_REMINDER, -, -, 14, CALENDAR_DAYS, 製品開発者の回答",
      "DEVELOPER_UNREACHABLE, -, -, 60, CALENDAR_DAYS, 連絡不能",
      "PRODUCT_LISTING, -, -, 3, CALENDAR_MONTHS, 連絡不能",
      "COMMITTEE_REFERRAL, -, -, 12, CALENDAR_MONTHS, 連絡不能・調整不能: 起算日から1年",
      "UNREACHABLE_CONFIRMATION, -, -, 5, BUSINESS_DAYS, 連絡不能の確認",
      "SELF_REPORT_CONFIRMATION, -, -, 2, BUSINESS_DAYS, 自社製品届出の届出者の確認",
      "DEVELOPER_SILENT, -, -, 60, CALENDAR_DAYS, 調整不能",
      "DEVELOPER_SILENT_ESCALATION, -, -, 30, CALENDAR_DAYS, 調整不能",
      "PUBLICATION_JUDGEMENT, -, -, 30, CALENDAR_DAYS, 公表判定委員会の判断",
      "PUBLICATION_TARGET, ACTIVE, -, 7, CALENDAR_DAYS, 公表目標日",
      "PUBLICATION_TARGET, -, -, 45, CALENDAR_DAYS, 公表目標日",
      "PUBLICATION_WARNING, -, -, 15, CALENDAR_DAYS, 公表目標日の事前確認",
      "PUBLICATION_WARNING, ACTIVE, -, 2, CALENDAR_DAYS, 公表目標日の事前確認",
      "PUBLICATION_TARGET_REVIEW, -, -, 2, BUSINESS_DAYS, 公表目標日の確認",
      "PUBLICATION_DATE_DECISION, -, -, 2, BUSINESS_DAYS, 公表日の決定",
      "ADVISORY_DRAFT, -, -, 3, BUSINESS_DAYS, 公表文",
      "GOVERNMENT_NOTICE_REVIEW, -, -, 1, BUSINESS_DAYS, 政府通知の確認",
      "PUBLICATION_DATE_CONFIRMATION, -, -, 5, BUSINESS_DAYS, 公表日の確認",
      "PUBLICATION_DATE_CONFIRMATION_REMINDER, -, -, 3, BUSINESS_DAYS, 督促",
      "PUBLICATION_TARGET, SUSPECTED, -, 45, CALENDAR_DAYS, 公表目標日"})
  void rule(String kind, String exploitation, String priority, int amount, DeadlineUnit unit, String basisWord) {
    DeadlinePolicy.Period p = policy.period(kind, exploitation, priority);
    assertThat(p.amount()).isEqualTo(amount);
    assertThat(p.unit()).isEqualTo(unit);
    assertThat(p.basis()).contains(basisWord);
    assertThat(p.decisionVersion()).isPositive();
    assertThat(p.decisionId()).startsWith("DeadlinePolicy:");
  }

  @Test
  void aKindWithoutARuleIsAnErrorNotAGuess() {
    assertThatThrownBy(() -> policy.period("NO_SUCH_DEADLINE", null, null))
        .hasMessageContaining("no rule for the deadline kind NO_SUCH_DEADLINE");
  }

  /** Every rule of both tables as deployed says where it comes from; none cites the unverified 付録7. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"DeadlinePolicy", "GovernmentNotificationCriteria"})
  void everyRuleCarriesItsProvenance(String key) throws Exception {
    DecisionDefinition d = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    DmnModelInstance model = repositoryService.getDmnModelInstance(d.getId());
    DecisionTable table = model.getModelElementById("DecisionTable_" + key);
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int provenance = -1;
    for (int i = 0; i < outputs.size(); i++) {
      if ("provenance".equals(outputs.get(i).getName())) {
        provenance = i;
        assertThat(outputs.get(i).getLabel()).contains("出典");
      }
    }
    assertThat(provenance).as("a provenance output in " + key).isNotNegative();
    assertThat(table.getRules()).isNotEmpty();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      String text = entries.get(provenance).getText().getTextContent().strip();
      assertThat(text).as(rule.getId()).startsWith("\"").endsWith("\"");
      assertThat(text.substring(1, text.length() - 1)).as(rule.getId()).isNotBlank();
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).contains("出典: ");
      for (OutputEntry e : entries) {
        assertThat(e.getText().getTextContent()).as(rule.getId()).doesNotContain("付録7");
      }
    }
    try (InputStream in = repositoryService.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("付録7");
    }
  }

  /** The source tree cites no unverified appendix either (the notice text, mails, code). */
  @Test
  void nothingCitesTheUnverifiedAppendix7() throws Exception {
    List<Path> citing = new ArrayList<>();
    for (String root : List.of("processes", "forms", "src/main")) {
      try (var files = Files.walk(Path.of(root))) {
        files.filter(Files::isRegularFile).forEach(f -> {
          try {
            if (new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains("付録7")) {
              citing.add(f);
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
    }
    assertThat(citing).isEmpty();
  }

  /** HAND_OFF is no rule any more: the hand-off to coordination is an automatic step of the receipt process. */
  @Test
  void theHandOffHasNoRule() {
    assertThatThrownBy(() -> policy.period("HAND_OFF", null, null)).hasMessageContaining("no rule");
  }

  /**
   * 72 calendar hours across the New Year closure: recognised 2026-12-30 10:00 JST, due 2027-01-02
   * 10:00 JST — not pushed past the closure as business days would be (2027-01-06).
   */
  @Test
  void theNoticeClockCountsCalendarHoursAcrossTheNewYearClosure() {
    ZonedDateTime recognised = ZonedDateTime.parse("2026-12-30T10:00+09:00[Asia/Tokyo]");
    DeadlinePolicy.Period p = policy.period("GOVERNMENT_NOTICE", "PUBLIC_POC", "ATTEND");
    assertThat(calendar.plus(recognised, p.amount(), p.unit()))
        .isEqualTo(ZonedDateTime.parse("2027-01-02T10:00+09:00[Asia/Tokyo]"));
    DeadlinePolicy.Period exploited = policy.period("GOVERNMENT_NOTICE", "SUSPECTED", null);
    assertThat(calendar.plus(recognised, exploited.amount(), exploited.unit()))
        .isEqualTo(ZonedDateTime.parse("2026-12-31T10:00+09:00[Asia/Tokyo]"));
  }

  /** A process owner switches the notice clock to business days in the table: the code counts them. */
  @Test
  void aProcessOwnerCanSwitchTheNoticeClockToBusinessDays() throws Exception {
    String original = Files.readString(Path.of("processes/deadline-policy.dmn"));
    String changed = original
        .replace("<outputEntry id=\"Rule3_Amount\"><text>72</text>", "<outputEntry id=\"Rule3_Amount\"><text>3</text>")
        .replace("<outputEntry id=\"Rule3_Unit\"><text>\"HOURS\"</text>",
            "<outputEntry id=\"Rule3_Unit\"><text>\"BUSINESS_DAYS\"</text>");
    assertThat(changed).contains("<text>3</text>").contains("\"BUSINESS_DAYS\"</text></outputEntry>\n        <outputEntry id=\"Rule3_Basis\"");
    ZonedDateTime recognised = ZonedDateTime.parse("2026-12-30T10:00+09:00[Asia/Tokyo]");
    String id = repositoryService.createDeployment().name("policy-business-days")
        .addString("deadline-policy.dmn", changed).deploy().getId();
    try {
      DeadlinePolicy.Period p = policy.period("GOVERNMENT_NOTICE", "NONE", null);
      assertThat(p.unit()).isEqualTo(DeadlineUnit.BUSINESS_DAYS);
      assertThat(p.amount()).isEqualTo(3);
      // 12/30-1/3 closure: business days 1/4, 1/5, 1/6, ending at the end of business
      ZonedDateTime due = calendar.plus(recognised, p.amount(), p.unit());
      assertThat(due.toLocalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 6));
      assertThat(Duration.between(recognised, due)).isGreaterThan(Duration.ofDays(7));
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
    assertThat(policy.period("GOVERNMENT_NOTICE", "NONE", null).unit()).isEqualTo(DeadlineUnit.HOURS);
  }
}
