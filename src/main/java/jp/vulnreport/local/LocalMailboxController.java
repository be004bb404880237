package jp.vulnreport.local;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Local profile only: every mail the application sent since it started, newest first: recipients
 * decoded, the text of every text part (multipart mails included), attachments by name, links
 * clickable. A mail to several recipients is shown once.
 */
@RestController
@ConditionalOnProperty(name = "vulnreport.local-mail.enabled", havingValue = "true")
public class LocalMailboxController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** A link in text that is already HTML-escaped (so it holds no raw quote or angle bracket). */
  private static final Pattern LINK = Pattern.compile("https?://(?:[A-Za-z0-9._~:/?#\\[\\]@!$'()*+,=%-]|&amp;)+");

  private final LocalMailServer server;

  public LocalMailboxController(LocalMailServer server) {
    this.server = server;
  }

  @GetMapping(path = "/local/mailbox", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String mailbox() throws MessagingException, IOException {
    List<Mail> mails = mails(server.messages());
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
        + "<title>送信メール / Sent mail (local)</title><style>body{font-family:sans-serif;margin:2em}"
        + "article{border:1px solid #ccc;margin:1em 0;padding:1em}pre{white-space:pre-wrap}"
        + "dt{font-weight:bold}</style></head><body><h1>送信メール / Sent mail</h1>"
        + "<p>ローカル SMTP サーバーが受け取ったメール（" + mails.size() + " 通、新しい順）。"
        + "アプリケーションを停止すると消えます。/ Mail received by the local SMTP server since start, newest first.</p>");
    for (Mail m : mails) {
      html.append("<article><dl><dt>Date</dt><dd>")
          .append(m.date() == null ? "-" : TIME.format(m.date().toInstant().atZone(ZoneId.of("Asia/Tokyo"))))
          .append("</dd><dt>To</dt><dd>").append(esc(m.to()))
          .append("</dd><dt>Subject</dt><dd>").append(esc(m.subject()))
          .append("</dd><dt>Message-ID</dt><dd>").append(esc(m.messageId())).append("</dd>");
      if (!m.attachments().isEmpty()) {
        html.append("<dt>添付ファイル / Attachments</dt><dd><ul>");
        for (String a : m.attachments()) {
          html.append("<li>").append(esc(a)).append("</li>");
        }
        html.append("</ul></dd>");
      }
      html.append("</dl>");
      for (String text : m.texts()) {
        html.append("<pre>").append(links(esc(text))).append("</pre>");
      }
      html.append("</article>");
    }
    return html.append("</body></html>").toString();
  }

  /** One mail as the page shows it. */
  record Mail(Date date, String to, String subject, String messageId, List<String> texts, List<String> attachments) {}

  /** The received messages, each once (a mail to several recipients is in each one's mailbox), newest first. */
  static List<Mail> mails(List<MimeMessage> messages) throws MessagingException, IOException {
    Map<String, Mail> byId = new LinkedHashMap<>();
    int n = 0;
    for (MimeMessage m : messages) {
      String id = m.getMessageID() == null ? "#" + n++ : m.getMessageID();
      if (byId.containsKey(id)) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      List<String> attachments = new ArrayList<>();
      collect(m, texts, attachments);
      Date date = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
      byId.put(id, new Mail(date, addresses(m.getAllRecipients()), m.getSubject(), m.getMessageID(), texts,
          attachments));
    }
    List<Mail> out = new ArrayList<>(byId.values());
    // newest first; mails of the same second keep their reverse arrival order
    java.util.Collections.reverse(out);
    out.sort(Comparator.comparing(Mail::date, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  private static void collect(Part part, List<String> texts, List<String> attachments)
      throws MessagingException, IOException {
    String filename = part.getFileName();
    if (filename != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      attachments.add(filename == null ? "(名前なし / unnamed)" : decode(filename));
      return;
    }
    if (part.isMimeType("multipart/alternative")) {
      // the same text twice (plain and HTML): show the plain one
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        if (mp.getBodyPart(i).isMimeType("text/plain")) {
          collect(mp.getBodyPart(i), texts, attachments);
          return;
        }
      }
      collect(mp.getBodyPart(0), texts, attachments);
    } else if (part.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart p = mp.getBodyPart(i);
        collect(p, texts, attachments);
      }
    } else if (part.isMimeType("text/*")) {
      texts.add(String.valueOf(part.getContent()));
    } else {
      attachments.add("(" + part.getContentType() + ")");
    }
  }

  private static String decode(String s) {
    try {
      return MimeUtility.decodeText(s);
    } catch (UnsupportedEncodingException e) {
      return s;
    }
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Address a : addresses) {
      sb.append(sb.isEmpty() ? "" : ", ")
          .append(a instanceof InternetAddress ia
              ? (ia.getPersonal() == null ? ia.getAddress() : ia.getPersonal() + " <" + ia.getAddress() + ">")
              : decode(a.toString()));
    }
    return sb.toString();
  }

  /** Escaped text with its http(s) links made clickable. */
  static String links(String escaped) {
    Matcher m = LINK.matcher(escaped);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String url = m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement("<a href=\"" + url + "\" rel=\"noreferrer\">" + url + "</a>"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
