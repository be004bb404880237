package jp.vulnreport.notification;

import jakarta.mail.internet.InternetAddress;
import java.util.List;

/**
 * The resolved recipients of a mail: their role, a reference that is not personal data (reporter
 * id, group id, "configured") for the mail record, the addresses, and how to greet them in Japanese and English.
 */
public record Addressee(Recipient role, String ref, List<InternetAddress> to, String greetingJa, String greetingEn) {

  public Addressee {
    if (to == null || to.isEmpty()) {
      throw new IllegalStateException("no address for " + role + " (" + ref + ")");
    }
    to = List.copyOf(to);
  }
}
