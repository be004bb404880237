package jp.vulnreport.links;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private links for people without an account (discoverers, developers, site operators): 256
 * random bits per token, only its SHA-256 stored, an expiry per audience, revocation by staff, and
 * a log row for every use, refused ones included.
 */
@Service
public class PrivateLinks {

  /** A link as staff see it (never the token). */
  public record PrivateLink(long id, String trackingNumber, LinkAudience audience, String partyRef,
      OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
      String revokedBy, String revocationReason, int uses, OffsetDateTime lastUsedAt) {

    public boolean usable(OffsetDateTime now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** A newly issued link: the token exists only here and in what it is handed to. */
  public record Issued(long id, String token, OffsetDateTime expiresAt) {}

  public record Use(OffsetDateTime usedAt, String action, String outcome, String client) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final LinkProperties properties;

  public PrivateLinks(JdbcTemplate jdbc, CaseRegister register, LinkProperties properties) {
    this.jdbc = jdbc;
    this.register = register;
    this.properties = properties;
  }

  @Transactional
  public Issued issue(String trackingNumber, LinkAudience audience, String partyRef, String actor) {
    String token = newToken();
    OffsetDateTime now = register.now();
    OffsetDateTime expires = now.plus(properties.validity(audience));
    jdbc.update("INSERT INTO vr_private_link (token_hash, tracking_number, audience, party_ref, created_at, "
            + "created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Sha256.hex(token), trackingNumber, audience.name(), partyRef, now, actor, expires);
    long id = jdbc.queryForObject("SELECT id FROM vr_private_link WHERE token_hash = ?", Long.class,
        Sha256.hex(token));
    register.event(trackingNumber, actor, "LINK_ISSUED", audience + " link #" + id + ", valid until " + expires);
    return new Issued(id, token, expires);
  }

  /**
   * The link a token opens, if it is one of {@code audience}'s. The use is logged; an expired or
   * revoked link is logged as refused and throws {@link LinkRefusedException}. Unknown tokens give
   * an empty result and no log row (there is no link to log them on; the rate limit covers guessing).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = LinkRefusedException.class)
  public Optional<PrivateLink> use(String token, LinkAudience audience, String action, String clientAddress) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    Optional<PrivateLink> found = jdbc.query(SELECT + " WHERE l.token_hash = ? AND l.audience = ?", ROW,
        Sha256.hex(token), audience.name()).stream().findFirst();
    if (found.isEmpty()) {
      return found;
    }
    PrivateLink link = found.get();
    OffsetDateTime now = register.now();
    String outcome = link.revokedAt() != null ? "REVOKED" : link.expiresAt().isAfter(now) ? "OK" : "EXPIRED";
    jdbc.update("INSERT INTO vr_private_link_use (link_id, used_at, action, outcome, client) VALUES (?, ?, ?, ?, ?)",
        link.id(), now, action, outcome, network(clientAddress));
    return switch (outcome) {
      case "REVOKED" -> throw new LinkRefusedException(LinkRefusedException.Reason.REVOKED);
      case "EXPIRED" -> throw new LinkRefusedException(LinkRefusedException.Reason.EXPIRED);
      default -> found;
    };
  }

  @Transactional(readOnly = true)
  public List<PrivateLink> forCase(String trackingNumber) {
    register.get(trackingNumber);
    return jdbc.query(SELECT + " WHERE l.tracking_number = ? ORDER BY l.id", ROW, trackingNumber);
  }

  @Transactional(readOnly = true)
  public List<Use> uses(String trackingNumber, long linkId) {
    get(trackingNumber, linkId);
    return jdbc.query("SELECT used_at, action, outcome, client FROM vr_private_link_use WHERE link_id = ? ORDER BY id",
        (rs, i) -> new Use(rs.getObject("used_at", OffsetDateTime.class), rs.getString("action"),
            rs.getString("outcome"), rs.getString("client")), linkId);
  }

  /** Staff revoke a link; revoking twice keeps the first revocation. */
  @Transactional
  public PrivateLink revoke(String trackingNumber, long linkId, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be empty");
    }
    get(trackingNumber, linkId);
    int n = jdbc.update("UPDATE vr_private_link SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
        + "WHERE id = ? AND revoked_at IS NULL", register.now(), actor, reason.strip(), linkId);
    if (n > 0) {
      register.event(trackingNumber, actor, "LINK_REVOKED", "link #" + linkId + ": " + reason.strip());
    }
    return get(trackingNumber, linkId);
  }

  /** Revokes every usable link of a case for one audience (and party, when given). */
  @Transactional
  public int revokeAll(String trackingNumber, LinkAudience audience, String partyRef, String reason, String actor) {
    int n = 0;
    for (PrivateLink l : forCase(trackingNumber)) {
      if (l.audience() == audience && l.revokedAt() == null && (partyRef == null || partyRef.equals(l.partyRef()))) {
        revoke(trackingNumber, l.id(), reason, actor);
        n++;
      }
    }
    return n;
  }

  @Transactional(readOnly = true)
  public PrivateLink get(String trackingNumber, long linkId) {
    return jdbc.query(SELECT + " WHERE l.id = ? AND l.tracking_number = ?", ROW, linkId, trackingNumber)
        .stream().findFirst()
        .orElseThrow(() -> new CaseNotFoundException(trackingNumber + " link #" + linkId));
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The client's network rather than its address: IPv4 /24, IPv6 /48. */
  static String network(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    try {
      // only literal addresses: never a DNS lookup
      if (!address.matches("[0-9a-fA-F:.]+")) {
        return null;
      }
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int keep = bytes.length == 4 ? 3 : 6;
      byte[] masked = Arrays.copyOf(Arrays.copyOf(bytes, keep), bytes.length);
      return InetAddress.getByAddress(masked).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static final String SELECT = "SELECT l.*, (SELECT COUNT(*) FROM vr_private_link_use u WHERE u.link_id = l.id) "
      + "AS uses, (SELECT MAX(u.used_at) FROM vr_private_link_use u WHERE u.link_id = l.id) AS last_used_at "
      + "FROM vr_private_link l";

  private static final RowMapper<PrivateLink> ROW = (ResultSet rs, int i) -> new PrivateLink(rs.getLong("id"),
      rs.getString("tracking_number"), LinkAudience.valueOf(rs.getString("audience")), rs.getString("party_ref"),
      ts(rs, "created_at"), rs.getString("created_by"), ts(rs, "expires_at"), ts(rs, "revoked_at"),
      rs.getString("revoked_by"), rs.getString("revocation_reason"), rs.getInt("uses"), ts(rs, "last_used_at"));

  private static OffsetDateTime ts(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
