package jp.vulnreport.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The record of every message sent, keyed by its idempotency key. */
@Repository
public class MailRecords {

  public record MailRecord(String idempotencyKey, String trackingNumber, String recipientRole,
      String recipientRef, String template, String subject, String messageId, OffsetDateTime sentAt) {}

  private final JdbcTemplate jdbc;

  public MailRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<MailRecord> byKey(String key) {
    return jdbc.query("SELECT * FROM vr_mail_record WHERE idempotency_key = ?", this::row, key).stream().findFirst();
  }

  public List<MailRecord> forCase(String trackingNumber) {
    return jdbc.query("SELECT * FROM vr_mail_record WHERE tracking_number = ? ORDER BY id", this::row, trackingNumber);
  }

  void insert(MailRecord r) {
    jdbc.update("INSERT INTO vr_mail_record (idempotency_key, tracking_number, recipient_role, recipient_ref, "
            + "template, subject, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        r.idempotencyKey(), r.trackingNumber(), r.recipientRole(), r.recipientRef(), r.template(), r.subject(),
        r.messageId(), r.sentAt());
  }

  private MailRecord row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new MailRecord(rs.getString("idempotency_key"), rs.getString("tracking_number"),
        rs.getString("recipient_role"), rs.getString("recipient_ref"), rs.getString("template"),
        rs.getString("subject"), rs.getString("message_id"), rs.getObject("sent_at", OffsetDateTime.class));
  }
}
