package jp.vulnreport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encoding a mail no longer scans the class path for Jakarta Mail's stream provider each time. */
class MailStreamProviderTest {

  private static final String SUBJECT = "【受付番号 IPA-2026-0001】届出を受け付けました / We have received your report";

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(MailStreamProvider.PROPERTY);
    System.clearProperty(MailStreamProvider.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreamProvider.PROPERTY);
    } else {
      System.setProperty(MailStreamProvider.PROPERTY, before);
    }
  }

  @Test
  void unpinnedEveryEncodedSubjectScansTheClassPathAgain() throws Exception {
    assertThat(scansWhileEncodingSubjects(10)).isGreaterThanOrEqualTo(10);
  }

  @Test
  void pinnedTheProviderIsResolvedOnceAndSubjectsStillRoundTrip() throws Exception {
    String pinned = MailStreamProvider.pin();

    assertThat(pinned).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo(pinned);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(pinned);
    assertThat(scansWhileEncodingSubjects(10)).isZero();
  }

  @Test
  void aProviderTheOperatorNamedIsKept() {
    System.setProperty(MailStreamProvider.PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");

    assertThat(MailStreamProvider.pin()).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }

  /** Sets and reads back a Japanese subject n times; the number of service-file look-ups it caused. */
  private static int scansWhileEncodingSubjects(int n) throws Exception {
    AtomicInteger scans = new AtomicInteger();
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader counting = new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals("META-INF/services/" + StreamProvider.class.getName())) {
          scans.incrementAndGet();
        }
        return super.getResources(name);
      }
    };
    Thread.currentThread().setContextClassLoader(counting);
    try {
      for (int i = 0; i < n; i++) {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject(SUBJECT, StandardCharsets.UTF_8.name());
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(message.getSubject()).isEqualTo(SUBJECT);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
    return scans.get();
  }
}
