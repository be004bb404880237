package jp.vulnreport.security;

/** An authenticated staff user tried something outside their groups' part (403). */
public class StaffForbiddenException extends RuntimeException {

  public StaffForbiddenException(String message) {
    super(message);
  }
}
