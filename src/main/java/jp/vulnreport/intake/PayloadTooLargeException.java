package jp.vulnreport.intake;

/** The request body is larger than {@code vulnreport.intake.max-body-bytes} (answered with 413). */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(int limit) {
    super("The request body is larger than the limit of " + limit + " bytes.");
  }
}
