package jp.vulnreport.intake;

/** The request body is not JSON of the expected shape (answered with 400). */
public class MalformedRequestException extends RuntimeException {
  public MalformedRequestException(String message) {
    super(message);
  }
}
