package jp.vulnreport.cases;

/** Where a case stands (reference/domain-jp.md §6). Labels are what staff and discoverers read. */
public enum CaseState {
  RECEIVED("受付済み", "Received"),
  FORMAL_CHECK("形式確認中", "Formal check"),
  AWAITING_DISCOVERER("発見者の回答待ち", "Awaiting your reply"),
  SUBSTANTIVE_CHECK("内容確認中", "Substantive check"),
  NOT_ACCEPTED("不受理", "Not accepted"),
  ACCEPTED("受理", "Accepted"),
  VERIFICATION("検証中", "Verification"),
  HANDED_OFF("調整機関へ引き継ぎ済み", "Handed off to the coordinator"),
  AWAITING_WEBSITE_HANDLING("ウェブサイト取扱い待ち", "Awaiting website handling"),
  WEBSITE_CONTACTING("運営者へ連絡中", "Contacting the website operator"),
  WEBSITE_AWAITING_FIX("運営者の修正待ち", "Awaiting the operator's fix"),
  WEBSITE_REVIEW("修正完了報告の確認中", "Reviewing the operator's report"),
  WEBSITE_FIXED("修正済み（完了）", "Fixed (closed)"),
  WEBSITE_UNRESPONSIVE("運営者の応答なし（完了）", "Operator unresponsive (closed)"),
  WEBSITE_DISPUTED("運営者と見解相違（完了）", "Disputed by the operator (closed)"),
  DEVELOPER_IDENTIFICATION("製品開発者の特定中", "Identifying the product developer"),
  DEVELOPER_CONTACTING("製品開発者へ連絡中", "Contacting the product developer"),
  DEVELOPER_COORDINATING("製品開発者と調整中", "Coordinating with the product developer"),
  PUBLICATION_SCHEDULED("公表日決定（公表準備中）", "Publication date set"),
  PUBLISHED("公表済み（完了）", "Published (closed)"),
  CLOSED_LOW_IMPACT("開発者への通知をもって完了", "Closed after the developer was notified"),
  CLOSED_WITHOUT_PUBLICATION("公表せずに完了", "Closed without publication"),
  DISCONTINUED("取りやめ", "Discontinued");

  private final String ja;
  private final String en;

  CaseState(String ja, String en) {
    this.ja = ja;
    this.en = en;
  }

  public String ja() {
    return ja;
  }

  public String en() {
    return en;
  }

  public boolean isFinal() {
    return this == NOT_ACCEPTED || this == DISCONTINUED || this == WEBSITE_FIXED || this == WEBSITE_UNRESPONSIVE
        || this == WEBSITE_DISPUTED || this == PUBLISHED || this == CLOSED_LOW_IMPACT
        || this == CLOSED_WITHOUT_PUBLICATION;
  }
}
