package jp.vulnreport.cases;

/** The case exists but is not in a state that allows the request (answered with 409). */
public class CaseConflictException extends RuntimeException {
  public CaseConflictException(String message) {
    super(message);
  }
}
