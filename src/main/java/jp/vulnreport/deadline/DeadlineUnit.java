package jp.vulnreport.deadline;

/** How a deadline's amount is counted. */
public enum DeadlineUnit {
  /** Clock hours, any day (24 hours for exploited vulnerabilities, as the EU CRA counts). */
  HOURS,
  /** Calendar days, same time of day. */
  CALENDAR_DAYS,
  /** Calendar months, same day of the month (or the month's last day), same time of day. */
  CALENDAR_MONTHS,
  /** Japanese business days: no weekends, public holidays or year-end closure; ends at the end of business. */
  BUSINESS_DAYS
}
