package jp.vulnreport.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.vulnreport.AppProperties;
import jp.vulnreport.Sha256;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a templated mail about a case, at most once per idempotency key, and records it. The
 * Message-ID is derived from the key, so should a crash after sending cause a resend, the receiving
 * side sees the same Message-ID.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final JavaMailSenderImpl mailSender;
  private final MailTemplates templates;
  private final CaseMailModel model;
  private final Recipients recipients;
  private final MailRecords records;
  private final CaseRegister register;
  private final InternetAddress from;
  private final String messageIdDomain;

  public MailService(JavaMailSenderImpl mailSender, MailTemplates templates, CaseMailModel model,
      Recipients recipients, MailRecords records, CaseRegister register, AppProperties properties) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.model = model;
    this.recipients = recipients;
    this.records = records;
    this.register = register;
    this.from = sender(properties.mail().from());
    this.messageIdDomain = messageIdDomain(properties.mail().messageIdDomain(), from.getAddress());
  }

  /**
   * The sender as configured, its display name (Japanese) encoded per RFC 2047 in UTF-8 like Subject and
   * To: a parsed address would keep the raw 8-bit text and send it as such.
   */
  static InternetAddress sender(String configured) {
    try {
      InternetAddress parsed = new InternetAddress(configured, true);
      return parsed.getPersonal() == null ? new InternetAddress(parsed.getAddress())
          : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new IllegalArgumentException("vulnreport.mail.from is not a mail address: " + configured, e);
    }
  }

  /** The Message-ID domain: vulnreport.mail.message-id-domain, else the sender address's domain. */
  static String messageIdDomain(String configured, String fromAddress) {
    String domain = configured != null && !configured.isBlank() ? configured.strip()
        : fromAddress.substring(fromAddress.indexOf('@') + 1);
    if (!domain.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
      throw new IllegalArgumentException("vulnreport.mail.message-id-domain is not a domain name: " + domain);
    }
    return domain;
  }

  /** Sends {@code template} about the case to the recipient unless a mail with this key was sent. */
  @Transactional
  public MailRecords.MailRecord send(String idempotencyKey, String trackingNumber, String template,
      Recipient recipient) {
    return send(idempotencyKey, trackingNumber, template, recipient, null, Map.of(), List.of());
  }

  /**
   * Sends {@code template} about the case to {@code recipient} (for VENDOR at {@code vendorAddress}),
   * with extra template values and attachments, unless a mail with this idempotency key was sent.
   */
  @Transactional
  public MailRecords.MailRecord send(String idempotencyKey, String trackingNumber, String template,
      Recipient recipient, String vendorAddress, Map<String, String> extraModel, List<Attachment> attachments) {
    Optional<MailRecords.MailRecord> sent = records.byKey(idempotencyKey);
    if (sent.isPresent()) {
      LOG.info("Mail {} for {} was already sent as {}; not sending again", template, trackingNumber,
          sent.get().messageId());
      return sent.get();
    }
    CaseRecord c = register.get(trackingNumber);
    Addressee to = recipients.resolve(recipient, c, vendorAddress);
    MailTemplates.Rendered mail = templates.render(template, model.model(template, c, to, extraModel));
    String messageId = "<" + Sha256.hex(idempotencyKey).substring(0, 40) + "." + trackingNumber + "@"
        + messageIdDomain + ">";
    try {
      // from the sender: its MIME type map, built once (a MimeMessage of our own made the helper read
      // every mime.types on the class path for each mail)
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to.to().toArray(InternetAddress[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      helper.setSentDate(new Date());
      for (Attachment a : attachments) {
        helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
      }
      message.setHeader("X-Vulnreport-Tracking-Number", trackingNumber);
      // kept by JavaMailSenderImpl across the save before sending (it would otherwise generate one)
      message.setHeader("Message-ID", messageId);
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build mail " + template + " for " + trackingNumber, e);
    }
    MailRecords.MailRecord record = new MailRecords.MailRecord(idempotencyKey, trackingNumber, recipient.name(),
        to.ref(), template, mail.subject(), messageId, register.now());
    records.insert(record);
    register.event(trackingNumber, CaseRegister.SYSTEM, "MAIL_SENT", template + " to " + recipient + " " + messageId);
    LOG.info("Sent mail {} for {} to {} as {}", template, trackingNumber, recipient, messageId);
    return record;
  }

  /** The mail {@code template} about the case as it would be sent to {@code recipient}, without sending it. */
  public MailTemplates.Rendered preview(String trackingNumber, String template, Recipient recipient,
      String vendorAddress, Map<String, String> extraModel) {
    CaseRecord c = register.get(trackingNumber);
    Addressee to = recipients.resolve(recipient, c, vendorAddress);
    return templates.render(template, model.model(template, c, to, extraModel));
  }
}
