package jp.vulnreport.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's side of the government-notification track: who was told of the notice to the
 * Cabinet Office (each developer, when, to which address, through which channel), and the vendor's
 * zero-day handling requests (ゼロデイ取扱い要望) with liaison's decision. A granted request travels
 * with the notice (mail text, CSAF note, TLP:RED) and with every later update.
 */
@Service
@Transactional
public class VendorRequests {

  /** A granted request makes the notice TLP:RED (受領者本人に限る): the policy's choice, see the notes. */
  public static final String GRANTED_TLP = "RED";
  /** The longest reason a developer may give. */
  public static final int MAX_REASON = 2000;

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  /** How a developer was told of the notice. */
  public enum Channel {
    /** The contact point the developer named in coordination. */
    CONTACT_POINT("調整で指定された連絡窓口"),
    /** The developer registry's contact addresses (no contact point named yet). */
    REGISTRY("開発者登録簿の連絡先"),
    /** The address liaison typed when drafting the notice (no developer identified). */
    LIAISON_ADDRESS("通知作成時に政府連絡担当が入力した連絡先");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A developer (or typed address) told of the notice. */
  public record VendorNotice(String trackingNumber, String developerId, String developerName, Channel channel,
      String address, OffsetDateTime informedAt, String messageId, boolean late) {}

  /** A zero-day handling request and its decision (null while liaison weighs it). */
  public record ZeroDayRequest(long id, String trackingNumber, String developerId, String developerName, String source,
      String reason, OffsetDateTime requestedAt, String requestedBy, String decision, String decisionReason,
      OffsetDateTime decidedAt, String decidedBy, boolean afterNotice) {

    public boolean granted() {
      return "GRANTED".equals(decision);
    }

    /** The decision as people read it. */
    public String decisionLabel() {
      return decisionLabel(decision);
    }

    public static String decisionLabel(String decision) {
      if (decision == null) {
        return "判断待ち（政府連絡担当が検討中）";
      }
      return switch (decision) {
        case "GRANTED" -> "認める";
        case "REFUSED" -> "認めない";
        default -> "不明（" + decision + "）";
      };
    }

    public String sourceLabel() {
      return "STAFF".equals(source) ? "職員が開発者に代わって記録" : "開発者の専用ページから";
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final ZoneId zone;

  public VendorRequests(JdbcTemplate jdbc, CaseRegister register, jp.vulnreport.AppProperties properties) {
    this.jdbc = jdbc;
    this.register = register;
    this.zone = properties.timeZone();
  }

  // ---------------------------------------------------------------------------------------------
  // Who was told

  public void told(String trackingNumber, String developerId, String developerName, Channel channel, String address,
      OffsetDateTime at, String messageId, boolean late) {
    jdbc.update("INSERT INTO vr_vendor_notice (tracking_number, developer_id, developer_name, channel, address, "
        + "informed_at, message_id, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", trackingNumber, developerId, developerName,
        channel.name(), address, at, messageId, late);
    register.event(trackingNumber, CaseRegister.SYSTEM, "VENDOR_TOLD", "内閣府への通知を製品開発者"
        + (developerName == null ? "（未特定）" : " " + developerName) + (developerId == null ? "" : "（" + developerId + "）")
        + "へ連絡: メールで " + address + " へ（" + channel.label() + (late ? "。通知後に特定" : "") + "）");
  }

  /** Whether the developer was told of this case's notice. */
  @Transactional(readOnly = true)
  public boolean wasTold(String trackingNumber, String developerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vr_vendor_notice WHERE tracking_number = ? AND developer_id = ?",
        Integer.class, trackingNumber, developerId) > 0;
  }

  @Transactional(readOnly = true)
  public List<VendorNotice> toldOf(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_vendor_notice WHERE tracking_number = ? ORDER BY informed_at, id",
        (rs, i) -> new VendorNotice(rs.getString("tracking_number"), rs.getString("developer_id"),
            rs.getString("developer_name"), Channel.valueOf(rs.getString("channel")), rs.getString("address"),
            rs.getObject("informed_at", OffsetDateTime.class), rs.getString("message_id"), rs.getBoolean("late")),
        trackingNumber);
  }

  /** Who was told, when and how, one line each, in Japanese (the dossier, the coordination form). */
  @Transactional(readOnly = true)
  public String toldText(String trackingNumber, ZoneId zone) {
    List<VendorNotice> told = toldOf(trackingNumber);
    if (told.isEmpty()) {
      return "製品開発者へはまだ連絡していません";
    }
    StringBuilder sb = new StringBuilder();
    for (VendorNotice t : told) {
      sb.append(t.developerName() == null ? "（開発者未特定）" : t.developerName())
          .append(": ").append(MINUTE.format(t.informedAt().atZoneSameInstant(zone))).append("（JST） メールで ")
          .append(t.address()).append(" へ（").append(t.channel().label()).append(t.late() ? "。通知後に特定" : "")
          .append("）\n");
    }
    return sb.toString().strip();
  }

  // ---------------------------------------------------------------------------------------------
  // Zero-day handling requests

  /** Records a request (reason required, bounded); it waits for liaison's decision. */
  public long request(String trackingNumber, String developerId, String developerName, String source, String reason,
      String actor, boolean afterNotice) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > MAX_REASON) {
      throw new IllegalArgumentException("zeroDayReason");
    }
    if (!"DEVELOPER_PAGE".equals(source) && !"STAFF".equals(source)) {
      throw new IllegalArgumentException("source must be DEVELOPER_PAGE or STAFF, not " + source);
    }
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    OffsetDateTime now = register.now();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO vr_zero_day_request (tracking_number, developer_id, developer_name, "
          + "source, reason, requested_at, requested_by, after_notice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, trackingNumber);
      ps.setString(2, developerId);
      ps.setString(3, developerName);
      ps.setString(4, source);
      ps.setString(5, text);
      ps.setObject(6, now);
      ps.setString(7, actor);
      ps.setBoolean(8, afterNotice);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    register.event(trackingNumber, actor, "VENDOR_ZERO_DAY_REQUESTED", developerId + " (" + source + ")");
    return id;
  }

  /** Liaison's decision: granted or refused, always with a reason; decided once. */
  public ZeroDayRequest decide(long id, boolean grant, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("zeroDayDecisionReason");
    }
    ZeroDayRequest r = get(id);
    // decided once: a concurrent decision that wrote first wins, this one is refused
    int written = jdbc.update("UPDATE vr_zero_day_request SET decision = ?, decision_reason = ?, decided_at = ?, "
        + "decided_by = ? WHERE id = ? AND decision IS NULL", grant ? "GRANTED" : "REFUSED", reason.strip(),
        register.now(), actor, id);
    if (written != 1) {
      throw new jp.vulnreport.cases.CaseConflictException("zero-day request " + id + " was already decided");
    }
    register.event(r.trackingNumber(), actor, grant ? "VENDOR_ZERO_DAY_GRANTED" : "VENDOR_ZERO_DAY_REFUSED",
        r.developerId() + ": " + reason.strip());
    return get(id);
  }

  /** The Cabinet Office update for a request granted after the notice went out (Japanese, then English). */
  public String grantedUpdateText(ZeroDayRequest r) {
    return "製品開発者 " + r.developerName() + " からゼロデイ取扱い要望があり、認めました。以後この案件の情報は TLP:"
        + GRANTED_TLP + " として取り扱ってください / the product developer asked that the information be held back"
        + " (zero-day handling request) and IPA granted it: please handle this case as TLP:" + GRANTED_TLP;
  }

  /** What the developer is told of liaison's decision: {@code ja} and {@code en} texts for its outcome mail. */
  public Map<String, String> outcomeTexts(ZeroDayRequest r) {
    return r.granted()
        ? Map.of("decisionJa", "要望を認めました。内閣府へは、この情報を TLP:" + GRANTED_TLP + "（受領者本人に限る）として取り扱い、"
                + "公表前に第三者と共有しないよう求めます。",
            "decisionEn", "Your request was granted: we ask the Cabinet Office to handle the information as TLP:"
                + GRANTED_TLP + " and not to share it before publication.")
        : Map.of("decisionJa", "要望は認められませんでした。内閣府への通知は、要望を添えずに通常の取扱いで行います。",
            "decisionEn", "Your request was not granted: the notice to the Cabinet Office goes out as usual, without it.");
  }

  /** The day the request was made, in the application's time zone (YYYY-MM-DD). */
  public String requestedOn(ZeroDayRequest r) {
    return r.requestedAt().atZoneSameInstant(zone).toLocalDate().toString();
  }

  @Transactional(readOnly = true)
  public ZeroDayRequest get(long id) {
    return jdbc.query("SELECT * FROM vr_zero_day_request WHERE id = ?", VendorRequests::row, id).stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no zero-day request " + id));
  }

  @Transactional(readOnly = true)
  public List<ZeroDayRequest> requests(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_zero_day_request WHERE tracking_number = ? ORDER BY requested_at, id",
        VendorRequests::row, trackingNumber);
  }

  @Transactional(readOnly = true)
  public List<ZeroDayRequest> requests(String trackingNumber, String developerId) {
    return jdbc.query("SELECT * FROM vr_zero_day_request WHERE tracking_number = ? AND developer_id = ? "
        + "ORDER BY requested_at, id", VendorRequests::row, trackingNumber, developerId);
  }

  /** Whether a request of this developer for this case still waits for liaison's decision. */
  @Transactional(readOnly = true)
  public boolean pending(String trackingNumber, String developerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vr_zero_day_request WHERE tracking_number = ? AND developer_id = ? "
        + "AND decision IS NULL", Integer.class, trackingNumber, developerId) > 0;
  }

  @Transactional(readOnly = true)
  public List<ZeroDayRequest> granted(String trackingNumber) {
    return requests(trackingNumber).stream().filter(ZeroDayRequest::granted).toList();
  }

  /**
   * What travels with the notice and every update when requests were granted: each developer's
   * request, liaison's reason, in Japanese then English; null when none was granted.
   */
  @Transactional(readOnly = true)
  public Optional<String> grantedText(String trackingNumber) {
    List<ZeroDayRequest> granted = granted(trackingNumber);
    if (granted.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    for (ZeroDayRequest r : granted) {
      sb.append("製品開発者 ").append(r.developerName()).append(" からのゼロデイ取扱い要望（")
          .append(requestedOn(r)).append("）: ").append(r.reason())
          .append("\nIPA の判断: 要望を認めます。理由: ").append(r.decisionReason()).append('\n');
    }
    sb.append("この情報は TLP:").append(GRANTED_TLP).append(" として取り扱い、公表前に第三者と共有しないようお願いします。\n")
        .append("The product developer asked that this information be held back (zero-day handling request); IPA granted"
            + " the request. Please handle it as TLP:" + GRANTED_TLP + " and do not share it before publication.");
    return Optional.of(sb.toString());
  }

  private static ZeroDayRequest row(ResultSet rs, int i) throws SQLException {
    return new ZeroDayRequest(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("developer_id"),
        rs.getString("developer_name"), rs.getString("source"), rs.getString("reason"),
        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("requested_by"), rs.getString("decision"),
        rs.getString("decision_reason"), rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
        rs.getBoolean("after_notice"));
  }
}
