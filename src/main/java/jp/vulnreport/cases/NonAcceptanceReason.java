package jp.vulnreport.cases;

/** Reason codes for non-acceptance (不受理), with the wording the discoverer's mail uses. */
public enum NonAcceptanceReason {
  NOT_A_VULNERABILITY("脆弱性に該当しないと判断しました。", "We concluded that the reported issue is not a vulnerability."),
  OUT_OF_SCOPE("届出の対象範囲外です（国内で利用されているソフトウエア製品またはウェブサイトではありません）。",
      "The report is out of scope (the software or website is not used in Japan)."),
  KNOWN_OR_DUPLICATE("既に公表済み、または他の届出と重複しています。",
      "The vulnerability is already known or public, or duplicates another report."),
  INSUFFICIENT_INFORMATION("必要な情報が不足しており、期限までに回答がありませんでした。",
      "The report lacks information we need, and we received no reply by the deadline."),
  SPECIFICATION_CRYPTO_PROTOCOL("暗号アルゴリズムやプロトコルの仕様そのものの問題であり、本制度の受付対象外です。",
      "The issue lies in the specification of a generic cryptographic algorithm or protocol, which is outside this scheme."),
  WITHDRAWN("届出者から取り下げの申し出がありました。", "You withdrew the report.");

  private final String ja;
  private final String en;

  NonAcceptanceReason(String ja, String en) {
    this.ja = ja;
    this.en = en;
  }

  public String ja() {
    return ja;
  }

  public String en() {
    return en;
  }
}
