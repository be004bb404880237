package jp.vulnreport.cases;

import java.time.Duration;
import java.util.Map;

/**
 * Japanese labels for the register's codes that staff read in the case dossier, the case list and
 * the deadline board. A code without a label is shown as it is.
 */
public final class CaseLabels {

  private CaseLabels() {}

  static final Map<String, String> CATEGORIES = Map.of(
      "SOFTWARE_PRODUCT", "ソフトウエア製品",
      "WEBSITE", "ウェブサイト",
      "DEVELOPER_SELF_REPORT", "自社製品届出（製品開発者自身からの届出）");

  static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("RECEIVED", "届出を受付"),
      Map.entry("REGISTERED_BY_STAFF", "職員が届出を登録"),
      Map.entry("ATTACHMENTS_STORED", "添付ファイルを保存"),
      Map.entry("ATTACHMENT_DOWNLOADED", "添付ファイルをダウンロード"),
      Map.entry("CLARIFICATION_REQUESTED", "発見者へ確認を依頼"),
      Map.entry("CLARIFICATION_ANSWERED", "発見者が回答"),
      Map.entry("NOT_ACCEPTED", "不受理"),
      Map.entry("VERIFIED", "検証を完了"),
      Map.entry("WEBSITE_FACTS", "ウェブサイトの事実（悪用状況・推定深刻度など）を記録"),
      Map.entry("TRIAGED", "優先度（SSVC）を判定"),
      Map.entry("DETAILS_SENT", "詳細情報を連絡"),
      Map.entry("RECATEGORISED", "届出の種別を変更"),
      Map.entry("START_DATE", "起算日"),
      Map.entry("PUBLISHED", "公表"),
      Map.entry("TASK_COMPLETED", "タスクを完了"),
      Map.entry("MAIL_SENT", "メールを送信"),
      Map.entry("GOVERNMENT_TRACK_OPENED", "政府通知の判断を開始"),
      Map.entry("RECOGNITION_REOPENED", "認知をやり直し"),
      Map.entry("RECOGNISED", "認知（通知要否の判断）"),
      Map.entry("GOVERNMENT_DEADLINE_SHORTENED", "政府通知の期限を短縮"),
      Map.entry("NOTICE_DRAFTED", "政府通知を作成"),
      Map.entry("NOTICE_APPROVED", "政府通知を承認"),
      Map.entry("NOTICE_RETURNED", "政府通知を差し戻し"),
      Map.entry("GOVERNMENT_NOTICE_OVERDUE", "政府通知の期限超過"),
      Map.entry("GOVERNMENT_NOTIFIED", "内閣府へ通知"),
      Map.entry("GOVERNMENT_ACKNOWLEDGED", "内閣府が受領を確認"),
      Map.entry("GOVERNMENT_UPDATE_SENT", "内閣府へ更新を送信"),
      Map.entry("GOVERNMENT_REEVALUATION", "政府通知の再評価"),
      Map.entry("GOVERNMENT_CRITERIA_EVALUATED", "政府通知の基準を評価"),
      Map.entry("GOVERNMENT_DUPLICATE_LINKED", "重複する届出をこの通知に紐づけ"),
      Map.entry("SBOM_DOWNSTREAM_MATCHED", "SBOM で下流の開発者が新たに見つかった"),
      Map.entry("GOVERNMENT_NOTICE_REVIEWED", "政府通知を確認（調整への影響）"),
      Map.entry("ADVISORY_DRAFTED", "公表文を作成"),
      Map.entry("PUBLICATION_TARGET", "公表目標日を設定"),
      Map.entry("PUBLICATION_TARGET_EXTENDED", "公表目標日を延長"),
      Map.entry("PUBLICATION_DATE_SET", "公表日を決定"),
      Map.entry("PUBLICATION_DATE_PROPOSED", "公表日を提案（開発者の確認へ）"),
      Map.entry("PUBLICATION_DATE_CONFIRMED", "製品開発者が公表日に同意"),
      Map.entry("PUBLICATION_DATE_OBJECTED", "製品開発者が公表日に異議"),
      Map.entry("PUBLICATION_DATE_AGREED", "公表日が確定（全開発者が同意）"),
      Map.entry("PUBLICATION_DATE_REOPENED", "合意後に公表日の変更を申し出"),
      Map.entry("DEVELOPER_IDENTIFIED", "製品開発者を特定"),
      Map.entry("DEVELOPER_REGISTERED", "製品開発者を登録"),
      Map.entry("SELF_REPORT_CONFIRMED", "自社製品届出の届出者を確認"),
      Map.entry("SELF_REPORT_DECLINED", "自社製品届出として扱わない（通常の調整へ）"),
      Map.entry("DEVELOPER_CONTACT_NAMED", "製品開発者が窓口を登録"),
      Map.entry("DEVELOPER_RESPONSE", "製品開発者が回答"),
      Map.entry("DEVELOPER_QUESTION", "製品開発者からの質問"),
      Map.entry("DEVELOPER_DONE", "製品開発者との調整を終了"),
      Map.entry("UNREACHABLE_LIST", "連絡不能開発者一覧に掲載"),
      Map.entry("UNREACHABLE_PRODUCTS", "製品情報を一覧に掲載"),
      Map.entry("UNREACHABLE_REMOVE", "連絡不能開発者一覧から削除"),
      Map.entry("UNREACHABLE_DEVELOPER", "連絡不能開発者一覧に開発者名を掲載"),
      Map.entry("CONTACT_ATTEMPT", "別の連絡手段での連絡を記録"),
      Map.entry("UNREACHABLE_CONFIRMED", "連絡不能を確認（掲載）"),
      Map.entry("DEVELOPER_CONTACT_MADE", "製品開発者と連絡がついた"),
      Map.entry("ATTACHMENT_SHARED", "添付ファイルを製品開発者と共有"),
      Map.entry("ATTACHMENT_UNSHARED", "添付ファイルの共有をやめた"),
      Map.entry("ATTACHMENT_DOWNLOADED_BY_DEVELOPER", "製品開発者が添付ファイルをダウンロード"),
      Map.entry("COMMITTEE_DECISION", "公表判定委員会の判断"),
      Map.entry("LINK_ISSUED", "専用リンクを発行"),
      Map.entry("LINK_REVOKED", "専用リンクを無効化"),
      Map.entry("OPERATOR_CONTACT_NAMED", "運営者が窓口を登録"),
      Map.entry("OPERATOR_RESPONSE", "運営者が回答"),
      Map.entry("PERSONAL_DATA_ERASED", "個人情報を消去"),
      Map.entry("PRIORITY_INFORMATION_PROVIDED", "優先情報を提供"),
      Map.entry("EXPLOITATION_REPORTED", "悪用情報を登録"),
      Map.entry("DEADLINE_SHORTENED", "期限を短縮"),
      Map.entry("ADMIN_ACTION", "管理者による操作"));

  /** Channels of a contact attempt before an unreachable listing. */
  static final Map<String, String> CONTACT_CHANNELS = Map.of(
      "PHONE", "電話", "POST", "郵便", "OTHER_ADDRESS", "登録された別のメールアドレス", "FAX", "ファクス", "OTHER", "その他");

  static final Map<String, String> DEADLINE_KINDS = Map.ofEntries(
      Map.entry("FORMAL_CHECK", "形式確認"),
      Map.entry("ACCEPTANCE_DECISION", "受理・不受理の判断"),
      Map.entry("CLARIFICATION_REMINDER", "発見者への確認（督促）"),
      Map.entry("CLARIFICATION_CUTOFF", "発見者への確認（回答期限）"),
      Map.entry("VERIFICATION", "検証（タイムボックス）"),
      Map.entry("COMPLETION_NOTICE", "完了通知"),
      Map.entry("RECOGNITION", "認知（通知要否の判断）"),
      Map.entry("GOVERNMENT_NOTICE", "内閣府への通知（速やかに）"),
      Map.entry("GOVERNMENT_NOTICE_REVIEW", "政府通知の確認・承認"),
      Map.entry("GOVERNMENT_ACK_FOLLOW_UP", "内閣府の受領確認"),
      Map.entry("ESCALATION_RESPONSE", "期限超過への対応"),
      Map.entry("VENDOR_DECISION", "ゼロデイ取扱い要望の判断"),
      Map.entry("PRIORITY_PROVISION", "優先情報提供の判断"),
      Map.entry("DEVELOPER_IDENTIFICATION", "製品開発者の特定"),
      Map.entry("DEVELOPER_CONTACT_REMINDER", "製品開発者への連絡（督促）"),
      Map.entry("DEVELOPER_RESPONSE_REMINDER", "製品開発者の回答（督促）"),
      Map.entry("DEVELOPER_UNREACHABLE", "連絡不能開発者としての公表"),
      Map.entry("PRODUCT_LISTING", "製品情報の公表"),
      Map.entry("COMMITTEE_REFERRAL", "公表判定委員会への付議"),
      Map.entry("UNREACHABLE_CONFIRMATION", "連絡不能の確認"),
      Map.entry("SELF_REPORT_CONFIRMATION", "自社製品届出の届出者の確認"),
      Map.entry("DEVELOPER_SILENT", "応答が途絶えた開発者への再度の催促"),
      Map.entry("DEVELOPER_SILENT_ESCALATION", "調整不能として公表判定委員会へ"),
      Map.entry("PUBLICATION_TARGET", "公表目標日"),
      Map.entry("PUBLICATION_WARNING", "公表目標日の事前確認"),
      Map.entry("PUBLICATION_TARGET_REVIEW", "公表目標日の確認"),
      Map.entry("PUBLICATION_DATE_DECISION", "公表日の決定"),
      Map.entry("PUBLICATION_DATE_CONFIRMATION", "公表日の確認（製品開発者の同意）"),
      Map.entry("PUBLICATION_DATE_CONFIRMATION_REMINDER", "公表日の確認（督促）"),
      Map.entry("PUBLICATION_JUDGEMENT", "公表判定"),
      Map.entry("ADVISORY_DRAFT", "公表文（JVN）と CSAF の作成"),
      Map.entry("WEBSITE_CONTACT_LOOKUP", "運営者の連絡先の確認"),
      Map.entry("WEBSITE_CONTACT_REMINDER", "運営者への連絡（督促）"),
      Map.entry("WEBSITE_SECOND_ROUTE", "別経路での連絡先の確認"),
      Map.entry("WEBSITE_UNRESPONSIVE", "運営者の応答期限"),
      Map.entry("WEBSITE_FIX_REMINDER", "運営者の修正（督促）"),
      Map.entry("WEBSITE_FIX_CUTOFF", "運営者の修正報告期限"),
      Map.entry("WEBSITE_FIX_CUTOFF_DECISION", "修正報告期限での判断（延長か終了か）"),
      Map.entry("WEBSITE_RESPONSE_REVIEW", "修正完了報告の確認"),
      Map.entry("PERSONAL_DATA_RETENTION", "個人情報の保存期間"));

  static final Map<String, String> UNITS = Map.of(
      "HOURS", "時間", "CALENDAR_DAYS", "日（暦日）", "CALENDAR_MONTHS", "か月", "BUSINESS_DAYS", "営業日");

  static final Map<String, String> MAIL_TEMPLATES = Map.ofEntries(
      Map.entry("acknowledgement", "受付通知"),
      Map.entry("acceptance", "受理通知"),
      Map.entry("acceptance-self-report", "受理通知（自社製品届出）"),
      Map.entry("acceptance-website", "受理通知（ウェブサイト）"),
      Map.entry("non-acceptance", "不受理通知"),
      Map.entry("clarification-request", "確認のお願い"),
      Map.entry("clarification-reminder", "確認のお願い（督促）"),
      Map.entry("discontinued", "取りやめの通知"),
      Map.entry("status-link", "状況確認用リンク"),
      Map.entry("verification-overdue", "検証期限超過の通知"),
      Map.entry("government-notice", "内閣府への通知"),
      Map.entry("government-notice-text", "内閣府への通知（本文）"),
      Map.entry("government-notice-reminder", "政府通知の期限の督促"),
      Map.entry("government-notice-escalation", "政府通知の期限超過（管理者へ）"),
      Map.entry("government-notice-vendor", "政府通知の製品開発者への連絡"),
      Map.entry("government-update", "内閣府への更新"),
      Map.entry("priority-information", "優先情報提供"),
      Map.entry("coordination-dates", "起算日・詳細情報連絡日の通知"),
      Map.entry("coordination-closed", "調整完了の通知"),
      Map.entry("coordination-published", "公表の通知"),
      Map.entry("publication-scheduled", "公表日の通知"),
      Map.entry("developer-first-contact", "製品開発者への初回連絡"),
      Map.entry("developer-contact-reminder", "製品開発者への連絡（督促）"),
      Map.entry("developer-silent-reminder", "製品開発者への再度の催促（応答の途絶）"),
      Map.entry("developer-details", "製品開発者への詳細情報"),
      Map.entry("developer-response-reminder", "製品開発者への回答督促"),
      Map.entry("developer-question", "製品開発者からの質問の転送"),
      Map.entry("developer-listed", "連絡不能開発者一覧への掲載通知"),
      Map.entry("developer-products-listed", "製品情報の掲載通知"),
      Map.entry("developer-government-notice", "政府通知の製品開発者への連絡"),
      Map.entry("developer-zero-day-outcome", "ゼロデイ取扱い要望への回答（製品開発者）"),
      Map.entry("developer-publication-scheduled", "公表日の通知（製品開発者）"),
      Map.entry("developer-publication-date-proposed", "公表日の確認依頼（製品開発者）"),
      Map.entry("developer-publication-date-reminder", "公表日の確認の督促（製品開発者）"),
      Map.entry("developer-published", "公表の通知（製品開発者）"),
      Map.entry("website-first-contact", "運営者への初回連絡"),
      Map.entry("website-contact-reminder", "運営者への連絡（督促）"),
      Map.entry("website-details", "運営者への詳細情報"),
      Map.entry("website-fix-reminder", "運営者への修正督促"),
      Map.entry("website-not-fixed", "運営者の未修正による完了通知"),
      Map.entry("website-closed", "ウェブサイト案件の完了通知"));

  static final Map<String, String> RECIPIENTS = Map.of(
      "DISCOVERER", "発見者", "CABINET_OFFICE", "内閣府", "VENDOR", "製品開発者（政府通知）",
      "DEVELOPER", "製品開発者", "OPERATOR", "ウェブサイト運営者", "PRIORITY_RECIPIENT", "優先情報提供先",
      "MANAGER", "管理者", "LIAISON", "政府連絡担当");

  static final Map<String, String> GOVERNMENT_OPENED_ON = Map.of(
      "ACCEPTED", "受理後", "NOT_ACCEPTED", "不受理後", "DISCONTINUED", "取りやめ後", "CLOSED", "案件の終了後",
      "BREADTH", "製品開発者の特定後（影響範囲の再評価）", "REEVALUATION", "再評価");

  /** Non-acceptance reasons, short (the discoverer's mail has the long wording: NonAcceptanceReason). */
  static final Map<String, String> NON_ACCEPTANCE = Map.of(
      "NOT_A_VULNERABILITY", "脆弱性に該当しない", "OUT_OF_SCOPE", "対象範囲外", "KNOWN_OR_DUPLICATE", "既知・重複",
      "INSUFFICIENT_INFORMATION", "情報不足（回答なし）", "SPECIFICATION_CRYPTO_PROTOCOL", "暗号・プロトコルの仕様の問題",
      "WITHDRAWN", "取り下げ");

  static final Map<String, String> VENDOR_DECISIONS = Map.of(
      "INFORMED", "製品開発者へ連絡済み", "WITHHELD", "製品開発者への連絡を保留",
      "NO_CONTACT", "製品開発者の連絡先が分からず、連絡していません");

  /** How a developer was told of the Cabinet Office notice (vr_vendor_notice.channel). */
  static final Map<String, String> VENDOR_CHANNELS = Map.of(
      "CONTACT_POINT", "調整で指定された連絡窓口", "REGISTRY", "開発者登録簿の連絡先",
      "LIAISON_ADDRESS", "政府連絡担当が入力した連絡先");

  /** Zero-day handling requests: where they came from and liaison's decision. */
  static final Map<String, String> ZERO_DAY = Map.of(
      "DEVELOPER_PAGE", "開発者の専用ページから", "STAFF", "職員が開発者に代わって記録",
      "GRANTED", "認める", "REFUSED", "認めない");

  static final Map<String, String> COORDINATION = Map.ofEntries(
      Map.entry("DIRECT", "直接の開発者"), Map.entry("DOWNSTREAM", "下流の開発者（SBOM）"),
      Map.entry("CONTACT_POINT", "窓口の登録待ち"), Map.entry("RESPONSE", "回答待ち"), Map.entry("DONE", "終了"),
      Map.entry("AFFECTED", "影響あり"), Map.entry("NOT_AFFECTED", "影響なし"),
      Map.entry("UNDER_INVESTIGATION", "調査中"), Map.entry("NONE", "修正なし"), Map.entry("PLANNED", "修正予定"),
      Map.entry("AVAILABLE", "修正版あり"), Map.entry("PUBLISH", "公表する"), Map.entry("NOT_PUBLISH", "公表しない"));

  static final Map<String, String> LINKS = Map.of(
      "DISCOVERER", "発見者", "DEVELOPER", "製品開発者", "OPERATOR", "ウェブサイト運営者",
      "VIEW", "閲覧", "REPLY", "回答", "OK", "成功", "EXPIRED", "期限切れ", "REVOKED", "無効化済み",
      "ZERO_DAY_REQUEST", "ゼロデイ取扱い要望");

  static final Map<String, String> EXPLOITATION = Map.of(
      "NONE", "悪用なし", "ACTIVE", "悪用あり", "SUSPECTED", "悪用の疑い", "PUBLIC_POC", "PoC が公開されている");

  /** The Japanese name of a deadline kind of the deadline policy (the code itself when it has none). */
  public static String deadlineKind(String kind) {
    return label(DEADLINE_KINDS, kind);
  }

  /** The label of {@code code} in {@code labels}, or the code itself (null stays null). */
  static String label(Map<String, String> labels, String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }

  /** "3日 4時間" / "45分": a duration in words, at most two units. */
  static String duration(Duration d) {
    long minutes = Math.abs(d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + "日" + (hours > 0 ? " " + hours + "時間" : "");
    }
    if (hours > 0) {
      return hours + "時間" + (mins > 0 ? " " + mins + "分" : "");
    }
    return mins + "分";
  }

  /** "残り 3日 4時間" or "2時間 超過". */
  static String timeLeft(Duration left) {
    return left.isNegative() ? duration(left) + " 超過" : "残り " + duration(left);
  }
}
