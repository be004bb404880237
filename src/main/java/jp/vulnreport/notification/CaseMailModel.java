package jp.vulnreport.notification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.Clarifications;
import jp.vulnreport.deadline.Deadlines;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What each mail about a case says: the values its template needs, taken from the case register. */
@Component
public class CaseMailModel {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clarifications clarifications;
  private final Deadlines deadlines;
  private final AppProperties properties;
  private final ObjectProvider<GovernmentNotices> government;
  private final ObjectProvider<jp.vulnreport.cases.CaseRegister> register;
  private final ObjectProvider<jp.vulnreport.coordination.Advisories> advisories;

  public CaseMailModel(Clarifications clarifications, Deadlines deadlines, AppProperties properties,
      ObjectProvider<GovernmentNotices> government, ObjectProvider<jp.vulnreport.cases.CaseRegister> register,
      ObjectProvider<jp.vulnreport.coordination.Advisories> advisories) {
    this.government = government;
    this.register = register;
    this.advisories = advisories;
    this.clarifications = clarifications;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  public Map<String, String> model(String template, CaseRecord c, Addressee to, Map<String, String> extra) {
    Map<String, String> m = new HashMap<>(extra);
    m.put("trackingNumber", c.trackingNumber());
    m.put("greeting", to.greetingJa());
    m.put("greetingEn", to.greetingEn());
    m.put("summary", c.summary());
    m.put("subject", c.productName() != null ? c.productDeveloper() + " " + c.productName()
        : c.websiteUrl() != null ? c.websiteUrl() : "-");
    m.put("receivedAt", jst(c.receivedAt()));
    switch (template) {
      case "clarification-request", "clarification-reminder" -> {
        var q = clarifications.latest(c.trackingNumber())
            .orElseThrow(() -> new IllegalStateException("no clarification for " + c.trackingNumber()));
        m.put("questions", q.questions());
        var cutoff = deadlines.compute(c.trackingNumber(), "CLARIFICATION_CUTOFF", q.askedAt(),
            c.exploitationStatus(), null);
        m.put("replyBy", jst(cutoff.dueAt()));
      }
      case "non-acceptance" -> {
        if (c.nonAcceptanceReason() == null) {
          throw new IllegalStateException("case " + c.trackingNumber() + " has no non-acceptance reason");
        }
        m.put("reasonJa", c.nonAcceptanceReason().ja());
        m.put("reasonEn", c.nonAcceptanceReason().en());
      }
      case "coordination-published" -> {
        // the CVE IDs of the published advisory (recorded by the coordinator; JPCERT/CC is the CNA)
        var cves = advisories.getObject().stored(c.trackingNumber()).map(a -> a.cves()).orElse(java.util.List.of());
        m.put("cveIdsJa", cves.isEmpty() ? "なし" : String.join(", ", cves));
        m.put("cveIdsEn", cves.isEmpty() ? "none" : String.join(", ", cves));
      }
      case "discontinued" -> m.put("reason", c.discontinuationReason() == null ? "-" : c.discontinuationReason());
      case "verification-overdue" -> {
        var d = deadlines.latest(c.trackingNumber(), "VERIFICATION");
        m.put("verificationDeadline", jst(d.dueAt()));
        m.put("verificationBasis", d.basis());
      }
      case "government-notice", "government-notice-text", "government-notice-vendor", "government-notice-reminder",
          "government-notice-escalation", "government-update" -> {
        GovernmentNotification n = government.getObject().get(c.trackingNumber());
        if (m.containsKey("update")) {
          // a bilingual update ("日本語 / English") goes into each half in its own language; a text staff
          // wrote in one language is not repeated in the English half
          String text = m.get("update");
          int slash = text.indexOf(" / ");
          m.put("updateJa", slash < 0 ? text : text.substring(0, slash).strip());
          m.put("updateEn", slash < 0 ? "see the Japanese text above" : text.substring(slash + 3).strip());
        }
        m.put("grounds", n.grounds() == null ? "-" : n.grounds());
        m.put("recognisedAt", n.recognisedAt() == null ? "-" : jst(n.recognisedAt()));
        m.put("tlp", n.effectiveTlp());
        // a granted zero-day handling request travels with the notice and with every update
        m.put("zeroDayHandling", n.zeroDayRequest() == null ? ""
            : "\n【ゼロデイ取扱い要望 / Zero-day handling request】\n" + n.zeroDayRequest() + "\n");
        if (n.deadlineAt() != null) {
          m.put("noticeDeadline", jst(n.deadlineAt()));
          m.put("deadlineBasis", deadlines.latest(c.trackingNumber(), GovernmentNotices.NOTICE_DEADLINE).basis());
        }
      }
      case "website-closed" -> {
        switch (c.state()) {
          case WEBSITE_FIXED -> {
            if ("OPERATOR_HANDLING".equals(register.getObject().kind(c.trackingNumber(), "website_fix_kind"))) {
              // closed at the fix cutoff: the operator handles it on its own terms
              m.put("outcomeJa", "ウェブサイトの運営者が個別に対応することを確認し、取扱いを終了します。");
              m.put("outcomeEn", "The website's operator is handling the issue on its own; the handling ends here.");
            } else {
              m.put("outcomeJa", "ウェブサイトの運営者から修正完了の報告があり、IPA で修正を確認しました。");
              m.put("outcomeEn", "The website's operator reported the fix and IPA has confirmed it.");
            }
          }
          case WEBSITE_DISPUTED -> {
            m.put("outcomeJa", "ウェブサイトの運営者は、届出の内容を脆弱性ではないと判断しました。IPA と運営者の見解が"
                + "一致しないまま、取扱いを終了します。");
            m.put("outcomeEn", "The website's operator considers that the reported issue is not a vulnerability."
                + " IPA and the operator disagree; the handling ends here.");
          }
          case WEBSITE_UNRESPONSIVE -> {
            m.put("outcomeJa", "ウェブサイトの運営者に複数の経路で連絡しましたが、期限までに応答がありませんでした。");
            m.put("outcomeEn", "We contacted the website's operator through several routes but received no answer"
                + " by the deadline.");
          }
          default -> throw new IllegalStateException("case " + c.trackingNumber() + " is not closed as a website case");
        }
      }
      case "coordination-dates" -> {
        // the process gives this developer's dates; the case's (the first developer's) otherwise
        m.putIfAbsent("startDate", c.startDateAt() == null ? "-" : jst(c.startDateAt()));
        m.putIfAbsent("detailsSentAt", c.detailsSentAt() == null ? "-" : jst(c.detailsSentAt()));
      }
      case "coordination-closed" -> {
        switch (c.state()) {
          case CLOSED_LOW_IMPACT -> {
            m.put("outcomeJa", "影響が限定的な脆弱性と判断し、製品開発者へ脆弱性の情報を通知したことをもって取扱いを終了します。"
                + "JVN での公表は行いません。");
            m.put("outcomeEn", "The vulnerability was judged to have limited impact. The product developer has been"
                + " notified, and the handling ends here without publication on JVN.");
          }
          case CLOSED_WITHOUT_PUBLICATION -> {
            m.put("outcomeJa", "製品開発者との調整の結果（製品が影響を受けない、または公表判定委員会が公表しないと判断）、"
                + "JVN での公表は行わずに取扱いを終了します。");
            m.put("outcomeEn", "As a result of coordination (the product is not affected, or the publication judgement"
                + " committee decided against publication), the handling ends without publication on JVN.");
          }
          default -> throw new IllegalStateException("case " + c.trackingNumber() + " is not closed without publication");
        }
      }
      default -> { }
    }
    return m;
  }

  /** A moment as staff and discoverers read it: Japan time, to the minute. */
  private String jst(OffsetDateTime t) {
    return t.atZoneSameInstant(properties.timeZone()).format(DATE_TIME) + " (JST)";
  }
}
