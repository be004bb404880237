package jp.vulnreport.intake;

/**
 * What the discoverer gets back: the tracking number and, once, the secret status token with the
 * address of the status page it opens.
 */
public record IntakeReceipt(String trackingNumber, String statusToken, String statusUrl) {}
