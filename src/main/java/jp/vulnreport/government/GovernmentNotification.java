package jp.vulnreport.government;

import java.time.OffsetDateTime;

/** A row of the government-notification register: the evidence for one case. */
public record GovernmentNotification(
    String trackingNumber,
    OffsetDateTime openedAt,
    String openedOn,
    String status,
    Boolean criteriaNotifiable,
    String criteriaGrounds,
    String criteriaUrgency,
    OffsetDateTime recognisedAt,
    String recognisedBy,
    Boolean notifiable,
    String grounds,
    String overrideReason,
    OffsetDateTime deadlineAt,
    Integer policyVersion,
    String draftedBy,
    String approvedBy,
    String tlp,
    OffsetDateTime overdueFlaggedAt,
    OffsetDateTime sentAt,
    String messageId,
    Long lateBySeconds,
    OffsetDateTime vendorInformedAt,
    String vendorDecision,
    /** The granted zero-day handling requests as they travel with the notice (null when none was granted). */
    String zeroDayRequest,
    OffsetDateTime acknowledgedAt,
    String acknowledgedVia,
    int updatesSent) {

  /** The status as staff read it (forms, dossier): Japanese, never the register's code. */
  public String statusLabel() {
    return statusLabel(status);
  }

  /** Japanese for a status code of the register; "なし" when the case has no government track. */
  public static String statusLabel(String status) {
    if (status == null) {
      return "なし（政府通知の対象として評価されていません）";
    }
    return switch (status) {
      case "RECOGNITION_PENDING" -> "認知待ち（通知の要否をまだ判断していません）";
      case "NOTIFY_DUE" -> "通知対象（内閣府への通知の作成・承認・送信を待っています）";
      case "NOT_REQUIRED" -> "通知不要と判断しました";
      case "NOTIFIED" -> "内閣府へ通知しました（受領確認待ち）";
      case "ACKNOWLEDGED" -> "内閣府へ通知し、受領が確認されました";
      default -> "不明な状況（" + status + "）";
    };
  }

  /** Whether the Cabinet Office was (or is to be) notified: recognised as notifiable, or sent. */
  public boolean notifiedOrDue() {
    return Boolean.TRUE.equals(notifiable) || sentAt != null;
  }

  /** Sent no later than the deadline; null while not sent. */
  public Boolean onTime() {
    return sentAt == null ? null : lateBySeconds == null || lateBySeconds == 0;
  }

  /**
   * The TLP the notice and its CSAF document carry: the one liaison chose (AMBER by default), or
   * RED when a zero-day handling request was granted (the vendor asked that it be held back).
   */
  public String effectiveTlp() {
    if (zeroDayRequest != null) {
      return VendorRequests.GRANTED_TLP;
    }
    return tlp == null ? "AMBER" : tlp;
  }

  /** This row with the granted zero-day handling requests' text (the register keeps them apart). */
  GovernmentNotification withZeroDayRequest(String text) {
    return new GovernmentNotification(trackingNumber, openedAt, openedOn, status, criteriaNotifiable, criteriaGrounds,
        criteriaUrgency, recognisedAt, recognisedBy, notifiable, grounds, overrideReason, deadlineAt, policyVersion,
        draftedBy, approvedBy, tlp, overdueFlaggedAt, sentAt, messageId, lateBySeconds, vendorInformedAt,
        vendorDecision, text, acknowledgedAt, acknowledgedVia, updatesSent);
  }
}
