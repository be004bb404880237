package jp.vulnreport.local;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Local profile only: every mail the application sent since it started, newest first. */
@RestController
@ConditionalOnProperty(name = "vulnreport.local-mail.enabled", havingValue = "true")
public class LocalMailboxController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final LocalMailServer server;

  public LocalMailboxController(LocalMailServer server) {
    this.server = server;
  }

  @GetMapping(path = "/local/mailbox", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String mailbox() throws MessagingException, IOException {
    List<MimeMessage> messages = server.messages();
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
        + "<title>送信メール / Sent mail (local)</title><style>body{font-family:sans-serif;margin:2em}"
        + "article{border:1px solid #ccc;margin:1em 0;padding:1em}pre{white-space:pre-wrap}"
        + "dt{font-weight:bold}</style></head><body><h1>送信メール / Sent mail</h1>"
        + "<p>ローカル SMTP サーバーが受け取ったメール（" + messages.size() + " 通、新しい順）。"
        + "アプリケーションを停止すると消えます。/ Mail received by the local SMTP server since start.</p>");
    for (int i = messages.size() - 1; i >= 0; i--) {
      MimeMessage m = messages.get(i);
      html.append("<article><dl><dt>Date</dt><dd>")
          .append(m.getSentDate() == null ? "-" : TIME.format(m.getSentDate().toInstant().atZone(ZoneId.of("Asia/Tokyo"))))
          .append("</dd><dt>To</dt><dd>").append(esc(addresses(m.getAllRecipients())))
          .append("</dd><dt>Subject</dt><dd>").append(esc(m.getSubject()))
          .append("</dd><dt>Message-ID</dt><dd>").append(esc(m.getMessageID()))
          .append("</dd></dl><pre>").append(esc(String.valueOf(m.getContent()))).append("</pre></article>");
    }
    return html.append("</body></html>").toString();
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Address a : addresses) {
      sb.append(sb.isEmpty() ? "" : ", ").append(a.toString());
    }
    return sb.toString();
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s);
  }
}
