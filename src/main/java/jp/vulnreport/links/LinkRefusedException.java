package jp.vulnreport.links;

/** The link exists but may no longer be used; the attempt has been logged. */
public class LinkRefusedException extends RuntimeException {

  public enum Reason { EXPIRED, REVOKED }

  private final Reason reason;

  public LinkRefusedException(Reason reason) {
    super(reason == Reason.EXPIRED ? "This link has expired." : "This link has been revoked.");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
