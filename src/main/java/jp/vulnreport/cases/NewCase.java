package jp.vulnreport.cases;

/** What intake knows about a case when it registers it. */
public record NewCase(
    String trackingNumber,
    String category,
    String channel,
    String reporterId,
    String productDeveloper,
    String productName,
    String websiteUrl,
    String summary,
    String reportJson) {}
