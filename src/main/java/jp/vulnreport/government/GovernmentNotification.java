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
    String zeroDayRequest,
    OffsetDateTime acknowledgedAt,
    String acknowledgedVia,
    int updatesSent) {

  /** Sent no later than the deadline; null while not sent. */
  public Boolean onTime() {
    return sentAt == null ? null : lateBySeconds == null || lateBySeconds == 0;
  }
}
