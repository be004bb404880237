package jp.vulnreport.intake;

/** The report forms IPA offers: software product or website. */
public enum ReportCategory {
  SOFTWARE_PRODUCT,
  WEBSITE
}
