package jp.vulnreport.coordination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fair unreachable handling: a developer that never named a contact point goes on the public
 * unreachable-developers list only after a coordinator recorded contact attempts by other channels
 * (phone, post, other registered addresses) and confirmed the listing. The attempts are kept in the
 * register (VR_CONTACT_ATTEMPT) and shown in the case dossier.
 */
@Service
@Transactional
public class UnreachableConfirmations {

  /** The channel of an attempt other than the first-contact mail. */
  public enum Channel {
    PHONE("電話"), POST("郵便"), OTHER_ADDRESS("登録された別のメールアドレス"), FAX("ファクス"), OTHER("その他");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the coordinator decided in the confirmation task. */
  public enum Decision { RECORD_ONLY, LIST, CONTACT_MADE }

  /** A recorded contact attempt. */
  public record Attempt(long id, String trackingNumber, String developerId, Channel channel, LocalDate attemptedOn,
      String result, String recordedBy, OffsetDateTime recordedAt) {

    public String channelLabel() {
      return channel.label();
    }
  }

  /** What the coordinator entered in the form (the attempt fields may be empty). */
  public record Entry(String channel, LocalDate attemptedOn, String result, String decision, String note) {}

  /** A person-fixable mistake in the confirmation form: the form key and the message. */
  public static class FieldException extends IllegalArgumentException {
    private final String field;

    FieldException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final Coordinations coordinations;

  public UnreachableConfirmations(JdbcTemplate jdbc, CaseRegister register, Coordinations coordinations) {
    this.jdbc = jdbc;
    this.register = register;
    this.coordinations = coordinations;
  }

  /**
   * Records the attempt of the form (if one was entered) and applies the decision. Listing needs at
   * least one recorded attempt by another channel; nothing is stored when the form is refused.
   */
  public Decision complete(String trackingNumber, String developerId, Entry entry, String actor) {
    Decision decision = decision(entry.decision());
    boolean attemptEntered = blank(entry.channel()) != null || entry.attemptedOn() != null
        || blank(entry.result()) != null;
    if (attemptEntered) {
      record(trackingNumber, developerId, entry.channel(), entry.attemptedOn(), entry.result(), actor);
    } else if (decision == Decision.RECORD_ONLY) {
      throw new FieldException("contactAttemptChannel", "記録する試行の手段・日・結果を入力してください"
          + " / enter the channel, date and result of the attempt to record");
    }
    switch (decision) {
      case LIST -> {
        if (attempts(trackingNumber, developerId).isEmpty()) {
          throw new FieldException("unreachableDecision", "掲載の前に、メール以外の手段（電話・郵便・登録された別のアドレスなど）での"
              + "連絡の試行を少なくとも 1 件記録してください / record at least one contact attempt by another channel "
              + "(phone, post, another registered address) before listing");
        }
        jdbc.update("UPDATE vr_coordination SET listing_confirmed_by = ?, listing_confirmed_at = ? "
            + "WHERE tracking_number = ? AND developer_id = ?", actor, register.now(), trackingNumber, developerId);
        register.event(trackingNumber, actor, "UNREACHABLE_CONFIRMED", developerId + note(entry.note()));
      }
      case CONTACT_MADE -> register.event(trackingNumber, actor, "DEVELOPER_CONTACT_MADE",
          developerId + note(entry.note()));
      default -> { }
    }
    return decision;
  }

  /** Records one attempt by another channel. */
  public void record(String trackingNumber, String developerId, String channel, LocalDate attemptedOn,
      String result, String actor) {
    Channel c = channel(channel);
    if (attemptedOn == null) {
      throw new FieldException("contactAttemptDate", "試行した日を入力してください / enter the date of the attempt");
    }
    if (attemptedOn.isAfter(register.now().toLocalDate().plusDays(1))) {
      throw new FieldException("contactAttemptDate", "試行した日が未来の日付です / the date of the attempt is in the future");
    }
    String r = blank(result);
    if (r == null || r.length() > 2000) {
      throw new FieldException("contactAttemptResult", "試行の結果を記入してください（2000 文字まで） / describe the result of the "
          + "attempt (up to 2000 characters)");
    }
    coordinations.get(trackingNumber, developerId);
    OffsetDateTime now = register.now();
    jdbc.update("INSERT INTO vr_contact_attempt (tracking_number, developer_id, channel, attempted_on, result, "
        + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", trackingNumber, developerId, c.name(), attemptedOn,
        r, actor, now);
    register.event(trackingNumber, actor, "CONTACT_ATTEMPT", developerId + ": " + c.label() + " " + attemptedOn);
  }

  @Transactional(readOnly = true)
  public List<Attempt> attempts(String trackingNumber, String developerId) {
    return jdbc.query("SELECT * FROM vr_contact_attempt WHERE tracking_number = ? AND developer_id = ? ORDER BY id",
        this::row, trackingNumber, developerId);
  }

  @Transactional(readOnly = true)
  public List<Attempt> forCase(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_contact_attempt WHERE tracking_number = ? ORDER BY id", this::row,
        trackingNumber);
  }

  /** Who confirmed the developer's listing and when (empty when not confirmed). */
  @Transactional(readOnly = true)
  public Map<String, Object> confirmation(String trackingNumber, String developerId) {
    return jdbc.queryForList("SELECT listing_confirmed_by, listing_confirmed_at FROM vr_coordination "
        + "WHERE tracking_number = ? AND developer_id = ? AND listing_confirmed_at IS NOT NULL", trackingNumber,
        developerId).stream().findFirst().orElse(Map.of());
  }

  private static Decision decision(String value) {
    try {
      return Decision.valueOf(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new FieldException("unreachableDecision", "判断を選んでください / choose a decision");
    }
  }

  private static Channel channel(String value) {
    try {
      return Channel.valueOf(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new FieldException("contactAttemptChannel", "試行の手段を選んでください / choose the channel of the attempt");
    }
  }

  private static String note(String note) {
    String n = blank(note);
    return n == null ? "" : ": " + (n.length() > 500 ? n.substring(0, 500) : n);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Attempt row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Attempt(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("developer_id"),
        Channel.valueOf(rs.getString("channel")), rs.getObject("attempted_on", LocalDate.class),
        rs.getString("result"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
