package jp.vulnreport.intake;

/**
 * The report forms IPA offers: software product, website, and a developer's report of a
 * vulnerability in its own product (自社製品届出: the reporter block is the developer's contact;
 * coordination goes straight to agreeing the publication).
 */
public enum ReportCategory {
  SOFTWARE_PRODUCT,
  WEBSITE,
  DEVELOPER_SELF_REPORT;

  /** A report about a software product (the product block is required): a discoverer's or the developer's own. */
  public boolean product() {
    return this != WEBSITE;
  }
}
