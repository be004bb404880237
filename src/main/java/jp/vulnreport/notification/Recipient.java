package jp.vulnreport.notification;

/** Who a mail is for. Only the discoverer so far; developers, operators and the Cabinet Office follow. */
public enum Recipient {
  DISCOVERER
}
