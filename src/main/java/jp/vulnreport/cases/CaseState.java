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
        || this == WEBSITE_DISPUTED;
  }
}
