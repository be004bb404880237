package jp.vulnreport.coordination;

import jp.vulnreport.cases.CaseConflictException;

/** The developer's earlier zero-day handling request for the case still waits for liaison (409). */
public class ZeroDayRequestPendingException extends CaseConflictException {
  public ZeroDayRequestPendingException(String trackingNumber, String developerId) {
    super("a zero-day handling request of " + developerId + " for " + trackingNumber
        + " is still being considered by liaison");
  }
}
