package jp.vulnreport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Encoding a mail and parsing a retry cycle no longer scan the class path for their factories each
 * time, once the factories are named in their system properties.
 */
class ServiceLookupsTest {

  private static final String SUBJECT = "【受付番号 IPA-2026-0001】届出を受け付けました / We have received your report";
  private static final String MAIL_SERVICE_FILE = "META-INF/services/" + StreamProvider.class.getName();
  private static final String DATATYPE_SERVICE_FILE = "META-INF/services/" + DatatypeFactory.class.getName();

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void clearPins() {
    ServiceLookups.LOOKUPS.forEach(l -> {
      before.put(l.property(), System.getProperty(l.property()));
      System.clearProperty(l.property());
    });
  }

  @AfterEach
  void restorePins() {
    before.forEach((property, value) -> {
      if (value == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, value);
      }
    });
  }

  @Test
  void unpinnedEveryEncodedSubjectAndEveryRetryCycleScansTheClassPathAgain() throws Exception {
    Map<String, Integer> scans = scansWhile(10);

    assertThat(scans.get(MAIL_SERVICE_FILE)).isGreaterThanOrEqualTo(10);
    assertThat(scans.get(DATATYPE_SERVICE_FILE)).isGreaterThanOrEqualTo(10);
  }

  @Test
  void pinnedEachFactoryIsResolvedOnceAndStillWorks() throws Exception {
    Map<String, String> pinned = ServiceLookups.pinAll();

    assertThat(pinned).containsEntry(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(pinned.get(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.newInstance().getClass().getName());
    assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(scansWhile(10)).containsEntry(MAIL_SERVICE_FILE, 0).containsEntry(DATATYPE_SERVICE_FILE, 0);
  }

  @Test
  void aFactoryTheOperatorNamedIsKept() {
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
        "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");

    assertThat(ServiceLookups.pinAll()).containsEntry(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
        "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
  }

  /**
   * Sets and reads back a Japanese mail subject and parses an ISO 8601 duration (as the engine does
   * for a retry cycle) n times each; how often each factory's service file was looked up meanwhile.
   */
  private static Map<String, Integer> scansWhile(int n) throws Exception {
    AtomicInteger mail = new AtomicInteger();
    AtomicInteger datatype = new AtomicInteger();
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader counting = new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals(MAIL_SERVICE_FILE)) {
          mail.incrementAndGet();
        } else if (name.equals(DATATYPE_SERVICE_FILE)) {
          datatype.incrementAndGet();
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
        assertThat(DatatypeFactory.newInstance().newDuration("PT5M").getMinutes()).isEqualTo(5);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
    return Map.of(MAIL_SERVICE_FILE, mail.get(), DATATYPE_SERVICE_FILE, datatype.get());
  }
}
