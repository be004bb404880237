package jp.vulnreport.intake;

/** What the discoverer gets back: the tracking number and, once, the secret status token. */
public record IntakeReceipt(String trackingNumber, String statusToken) {}
