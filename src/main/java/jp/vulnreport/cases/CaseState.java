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
    return this == NOT_ACCEPTED || this == DISCONTINUED;
  }
}
