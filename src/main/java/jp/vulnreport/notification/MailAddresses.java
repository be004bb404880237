package jp.vulnreport.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Whether a text someone typed is one mail address we can send to (the check mail sending uses). */
public final class MailAddresses {

  private MailAddresses() {}

  public static boolean valid(String text) {
    if (text == null || text.isBlank() || text.length() > 320) {
      return false;
    }
    try {
      InternetAddress a = new InternetAddress(text.strip(), true);
      return a.getPersonal() == null && a.getAddress().contains("@") && a.getAddress().indexOf('.',
          a.getAddress().indexOf('@')) > 0;
    } catch (AddressException e) {
      return false;
    }
  }
}
