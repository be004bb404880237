package jp.vulnreport.notification;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks up its {@link StreamProvider} anew for every encoded header word and every
 * body part it encodes or decodes: a {@code ServiceLoader} scan of the whole class path each time
 * (jakartaee/mail-api#699, #861). With Japanese subjects that is several scans per mail; in the
 * intake benchmark's profile it was most of what sending a mail allocated. The API reads a system
 * property of the interface's name before scanning, so the provider is resolved once, the normal
 * way, and its class named there. A value an operator set is left as it is.
 */
final class MailStreamProvider {

  static final String PROPERTY = StreamProvider.class.getName();

  private MailStreamProvider() {}

  /** The provider's class name, resolved once per JVM and named in the system property. */
  static synchronized String pin() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String resolved = StreamProvider.provider().getClass().getName();
    System.setProperty(PROPERTY, resolved);
    return resolved;
  }
}
