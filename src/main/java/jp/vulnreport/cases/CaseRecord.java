package jp.vulnreport.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A row of the case register. */
public record CaseRecord(
    String trackingNumber,
    String category,
    CaseState state,
    String channel,
    String reporterId,
    String productDeveloper,
    String productName,
    String websiteUrl,
    String summary,
    String processInstanceId,
    OffsetDateTime receivedAt,
    OffsetDateTime acceptedAt,
    OffsetDateTime notAcceptedAt,
    NonAcceptanceReason nonAcceptanceReason,
    OffsetDateTime verifiedAt,
    String cvssVector,
    BigDecimal cvssScore,
    String exploitationStatus,
    OffsetDateTime handedOffAt,
    OffsetDateTime discontinuedAt,
    String discontinuationReason,
    OffsetDateTime closedAt,
    /** 起算日: the first contact with the developer (coordination). */
    OffsetDateTime startDateAt,
    /** 詳細情報連絡日: the details first went to a developer (coordination). */
    OffsetDateTime detailsSentAt,
    /** The advisory's publication, once public. */
    OffsetDateTime publishedAt) {}
