package jp.vulnreport.coordination;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * JVN numbers, by the case's origin: {@code JVN#} + 8 digits for partnership cases (reports through IPA
 * under the Information Security Early Warning Partnership), {@code JVNVU#} + 8 digits for cases
 * coordinated with an overseas coordinator (one that came from or goes to e.g. CERT/CC). Each prefix has
 * its own counter row; taking a number updates (and so locks) that row until the transaction ends, so
 * nodes sharing the database never hand out the same number. Advisories published before this scheme
 * keep their ids ({@code JVNVU#} + the tracking number's digits).
 */
@Service
public class AdvisoryNumbers {

  /** Where a case came from, as the JVN number says it. */
  public enum Origin {
    PARTNERSHIP("JVN"), OVERSEAS("JVNVU");

    private final String prefix;

    Origin(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }

    public static Origin of(String overseasCoordinator) {
      return overseasCoordinator == null || overseasCoordinator.isBlank() ? PARTNERSHIP : OVERSEAS;
    }
  }

  private static final long MAX = 99_999_999L;

  private final JdbcTemplate jdbc;

  public AdvisoryNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the origin, e.g. JVN#00000012. */
  @Transactional
  public String next(Origin origin) {
    if (jdbc.update("UPDATE vr_advisory_number SET last_number = last_number + 1 WHERE prefix = ?",
        origin.prefix()) != 1) {
      throw new IllegalStateException("no JVN number counter for " + origin.prefix());
    }
    long n = jdbc.queryForObject("SELECT last_number FROM vr_advisory_number WHERE prefix = ?", Long.class,
        origin.prefix());
    if (n > MAX) {
      throw new IllegalStateException("the " + origin.prefix() + "# numbers (8 digits) are used up");
    }
    return origin.prefix() + "#" + String.format("%08d", n);
  }

  /** Whether {@code id} is a number of {@code origin} under this scheme (8 digits). */
  public static boolean isOf(String id, Origin origin) {
    return id != null && id.matches(java.util.regex.Pattern.quote(origin.prefix()) + "#[0-9]{8}");
  }
}
