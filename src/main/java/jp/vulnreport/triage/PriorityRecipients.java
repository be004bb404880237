package jp.vulnreport.triage;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.vulnreport.notification.MailAddresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of priority information recipients (優先情報提供先): critical-infrastructure contacts
 * with their sector and the most restricted TLP they accept.
 */
@Service
@Transactional
public class PriorityRecipients {

  /** TLP 2.0 labels, least to most restricted. */
  public static final List<String> TLP = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");
  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

  public record Recipient(String id, String organization, String sector, String email, String acceptedTlp,
      boolean active) {

    /** May this recipient receive information marked {@code tlp}? */
    public boolean accepts(String tlp) {
      return active && TLP.indexOf(acceptedTlp) >= TLP.indexOf(tlp);
    }
  }

  private final JdbcTemplate jdbc;

  public PriorityRecipients(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates or replaces a recipient. */
  public Recipient save(Recipient r) {
    if (r.id() == null || !ID.matcher(r.id()).matches()) {
      throw new IllegalArgumentException("id: lower-case letters, digits and hyphens, 2 to 40 characters");
    }
    if (blank(r.organization()) || blank(r.sector())) {
      throw new IllegalArgumentException("organization and sector must not be empty");
    }
    if (!MailAddresses.valid(r.email())) {
      throw new IllegalArgumentException("email is not a mail address");
    }
    if (!TLP.contains(r.acceptedTlp())) {
      throw new IllegalArgumentException("acceptedTlp must be one of " + TLP);
    }
    if (jdbc.update("UPDATE vr_priority_recipient SET organization = ?, sector = ?, email = ?, accepted_tlp = ?, "
        + "active = ? WHERE id = ?", r.organization(), r.sector(), r.email(), r.acceptedTlp(), r.active(), r.id()) == 0) {
      jdbc.update("INSERT INTO vr_priority_recipient (id, organization, sector, email, accepted_tlp, active) "
          + "VALUES (?, ?, ?, ?, ?, ?)", r.id(), r.organization(), r.sector(), r.email(), r.acceptedTlp(), r.active());
    }
    return r;
  }

  @Transactional(readOnly = true)
  public List<Recipient> all() {
    return jdbc.query("SELECT * FROM vr_priority_recipient ORDER BY sector, organization", (rs, i) -> new Recipient(
        rs.getString("id"), rs.getString("organization"), rs.getString("sector"), rs.getString("email"),
        rs.getString("accepted_tlp"), rs.getBoolean("active")));
  }

  @Transactional(readOnly = true)
  public Optional<Recipient> find(String id) {
    return all().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The active recipients that may receive information marked {@code tlp}. */
  @Transactional(readOnly = true)
  public List<Recipient> eligible(String tlp) {
    return all().stream().filter(r -> r.accepts(tlp)).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
