package jp.vulnreport.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.vulnreport.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/deadline-policy.dmn, rule by rule, as the engine evaluates it. */
class DeadlinePolicyTest extends IntegrationTest {

  @Autowired DeadlinePolicy policy;

  @ParameterizedTest(name = "{0} exploitation={1} priority={2} -> {3} {4}")
  @CsvSource(nullValues = "-", value = {
      "GOVERNMENT_NOTICE,      ACTIVE,     -,   24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      SUSPECTED,  -,   24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      NONE,       ACT, 24, HOURS,         速やかに",
      "GOVERNMENT_NOTICE,      PUBLIC_POC, -,   3,  BUSINESS_DAYS, 速やかに",
      "GOVERNMENT_NOTICE,      -,          -,   3,  BUSINESS_DAYS, 速やかに",
      "VERIFICATION,           ACTIVE,     -,   1,  BUSINESS_DAYS, 検証",
      "VERIFICATION,           SUSPECTED,  -,   1,  BUSINESS_DAYS, 検証",
      "VERIFICATION,           NONE,       -,   3,  BUSINESS_DAYS, 検証",
      "RECOGNITION,            -,          -,   1,  BUSINESS_DAYS, 認知",
      "FORMAL_CHECK,           -,          -,   2,  BUSINESS_DAYS, 形式確認",
      "ACCEPTANCE_DECISION,    -,          -,   5,  BUSINESS_DAYS, 受理判定",
      "CLARIFICATION_REMINDER, -,          -,   7,  CALENDAR_DAYS, 催促",
      "CLARIFICATION_CUTOFF,   ACTIVE,     -,   14, CALENDAR_DAYS, 不受理",
      "HAND_OFF,               -,          -,   1,  BUSINESS_DAYS, 引き継ぎ",
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
}
