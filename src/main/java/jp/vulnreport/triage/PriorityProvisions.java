package jp.vulnreport.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.notification.MailRecords;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Priority information provision (優先情報提供): which registered recipients may get information of a
 * TLP, whether liaison's selection is acceptable, and the mail to one recipient with its record.
 */
@Service
public class PriorityProvisions {

  private final PriorityRecipients recipients;
  private final MailService mail;
  private final JdbcTemplate jdbc;
  private final CaseRegister register;

  public PriorityProvisions(PriorityRecipients recipients, MailService mail, JdbcTemplate jdbc, CaseRegister register) {
    this.recipients = recipients;
    this.mail = mail;
    this.jdbc = jdbc;
    this.register = register;
  }

  /** The recipients information of {@code tlp} may go to, one line each (id: organisation …), for the form. */
  public String eligibleList(String tlp) {
    StringBuilder sb = new StringBuilder();
    for (PriorityRecipients.Recipient r : recipients.eligible(tlp)) {
      sb.append(r.id()).append(": ").append(r.organization()).append("（").append(r.sector()).append("、TLP:")
          .append(r.acceptedTlp()).append(" まで）\n");
    }
    return sb.isEmpty() ? "（TLP:" + tlp + " を受け取れる提供先は登録されていません）" : sb.toString().strip();
  }

  /**
   * liaison's selection (ids separated by commas, spaces or 、): at least one, each registered and
   * accepting {@code tlp}, and an approved text. Returns the ids; IllegalArgumentException otherwise.
   */
  public List<String> selection(String ids, String tlp, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("提供する文面を入力してください / the text to provide is required");
    }
    Set<String> selected = new LinkedHashSet<>();
    for (String id : String.valueOf(ids).split("[,\\s、]+")) {
      if (!id.isBlank() && !"null".equals(id)) {
        selected.add(id.strip());
      }
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("提供先を選んでください / select at least one recipient");
    }
    for (String id : selected) {
      if (recipients.find(id).map(r -> !r.accepts(tlp)).orElse(true)) {
        throw new IllegalArgumentException("提供先 " + id + " は登録されていないか、TLP:" + tlp + " の情報を受け取れません"
            + " / recipient " + id + " is unknown or does not accept TLP:" + tlp);
      }
    }
    return new ArrayList<>(selected);
  }

  /** The mail to one recipient (idempotent per exploitation report and recipient), recorded once. */
  @Transactional
  public void provide(String trackingNumber, long exploitationId, String recipientId, String tlp, String text,
      String approvedBy) {
    PriorityRecipients.Recipient r = recipients.find(recipientId)
        .orElseThrow(() -> new IllegalStateException("no recipient " + recipientId));
    MailRecords.MailRecord sent = mail.send("priority-information:" + exploitationId + ":" + recipientId,
        trackingNumber, "priority-information", Recipient.PRIORITY_RECIPIENT, r.email(),
        Map.of("provisionText", text, "tlp", tlp, "recipientOrganization", r.organization()), List.of());
    Integer recorded = jdbc.queryForObject("SELECT COUNT(*) FROM vr_priority_provision WHERE exploitation_id = ? "
        + "AND recipient_id = ?", Integer.class, exploitationId, recipientId);
    if (recorded == 0) {
      jdbc.update("INSERT INTO vr_priority_provision (tracking_number, exploitation_id, recipient_id, tlp, "
              + "approved_by, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", trackingNumber, exploitationId,
          recipientId, tlp, approvedBy, sent.messageId(), sent.sentAt());
      register.event(trackingNumber, CaseRegister.SYSTEM, "PRIORITY_INFORMATION_PROVIDED",
          recipientId + " (" + r.organization() + ")");
    }
  }
}
