package jp.vulnreport.cases;

/** No case has that tracking number. */
public class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String trackingNumber) {
    super("No case has the tracking number " + trackingNumber + ".");
  }
}
