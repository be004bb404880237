package jp.vulnreport;

import jakarta.mail.util.StreamProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.stereotype.Component;

/**
 * Two factories the application uses all the time are looked up anew on every call, each time with
 * a {@code ServiceLoader} scan of every jar on the class path:
 * <ul>
 * <li>Jakarta Mail's {@link StreamProvider}, for every encoded header word and body part
 * (jakartaee/mail-api#699, #861): several scans per mail with a Japanese subject; in the intake
 * benchmark's profile most of what sending a mail allocated;</li>
 * <li>the JDK's {@link DatatypeFactory}, which the engine creates for every job it schedules when
 * a failed-job retry cycle is configured (ParseUtil.parseRetryIntervals); about 1.5 % of the
 * CPU of taking a report in.</li>
 * </ul>
 * Both APIs read a system property of the factory's name before they scan, so each is resolved
 * once here, the normal way, and its implementation named there. A value an operator has set is
 * kept. The bean is created with the context, before the engine runs jobs or mail is sent.
 */
@Component
public class ServiceLookups {

  /** A factory looked up by the system property {@code property}, else resolved by {@code resolve}. */
  record Lookup(String property, Supplier<Object> resolve) {}

  static final List<Lookup> LOOKUPS = List.of(
      new Lookup(StreamProvider.class.getName(), StreamProvider::provider),
      new Lookup(DatatypeFactory.DATATYPEFACTORY_PROPERTY, ServiceLookups::datatypeFactory));

  public ServiceLookups() {
    pinAll();
  }

  /** Each factory's implementation class, as named in its system property from now on. */
  static Map<String, String> pinAll() {
    Map<String, String> pinned = new LinkedHashMap<>();
    LOOKUPS.forEach(lookup -> pinned.put(lookup.property(), pin(lookup)));
    return pinned;
  }

  static synchronized String pin(Lookup lookup) {
    String configured = System.getProperty(lookup.property());
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String resolved = lookup.resolve().get().getClass().getName();
    System.setProperty(lookup.property(), resolved);
    return resolved;
  }

  private static Object datatypeFactory() {
    try {
      return DatatypeFactory.newInstance();
    } catch (javax.xml.datatype.DatatypeConfigurationException e) {
      throw new IllegalStateException("no javax.xml.datatype implementation", e);
    }
  }
}
