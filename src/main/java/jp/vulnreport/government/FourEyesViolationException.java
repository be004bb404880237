package jp.vulnreport.government;

/** The person who drafted a notice tried to approve it. */
public class FourEyesViolationException extends IllegalStateException {
  public FourEyesViolationException(String user) {
    super("通知を作成した本人（" + user + "）は承認できません。別の担当者が確認してください。"
        + " / The person who drafted the notice (" + user + ") cannot approve it.");
  }
}
