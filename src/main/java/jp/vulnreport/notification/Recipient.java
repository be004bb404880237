package jp.vulnreport.notification;

/** Who a mail is for. */
public enum Recipient {
  /** The discoverer of the case (address from the case register's reporter data). */
  DISCOVERER,
  /** The Cabinet Office contact for notices (vulnreport.government.cabinet-office-address). */
  CABINET_OFFICE,
  /** The product developer's contact given on the case (variable vendorContactEmail). */
  VENDOR,
  /** A product developer in coordination, at the address the process gives (registry, then its contact point). */
  DEVELOPER,
  /** A website's operator, at the address the process gives (published contact, then the contact point). */
  OPERATOR,
  /** A registered priority information recipient (critical infrastructure), at its registered address. */
  PRIORITY_RECIPIENT,
  /** The members of the staff group liaison. */
  LIAISON,
  /** The members of the staff group manager. */
  MANAGER
}
