package jp.vulnreport.links;

/** Who a private link is for. Each audience has its own page and its own validity period. */
public enum LinkAudience {
  /** The discoverer's status page (状況確認). */
  DISCOVERER,
  /** A product developer's response page (coordination). */
  DEVELOPER,
  /** A website operator's response page (website handling). */
  OPERATOR
}
