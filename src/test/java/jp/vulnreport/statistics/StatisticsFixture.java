package jp.vulnreport.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A few hundred cases over three years, written straight into the register tables, with every fact
 * kept here too so that a test can work out the report's figures on its own (plain loops over these
 * objects, no SQL, nothing from the query layer).
 */
final class StatisticsFixture {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final OffsetDateTime NOW = jst(2026, 11, 15, 12, 0);
  static final OffsetDateTime FIRST = jst(2023, 10, 2, 9, 0);
  static final String[] CWES = {"CWE-79", "CWE-89", "CWE-352", "CWE-22", null};
  static final String[] REASONS = {"NOT_A_VULNERABILITY", "OUT_OF_SCOPE", "KNOWN_OR_DUPLICATE",
      "INSUFFICIENT_INFORMATION", "SPECIFICATION_CRYPTO_PROTOCOL", "WITHDRAWN"};
  static final String[] GROUNDS = {"EXPLOITED", "EXPLOITATION_SUSPECTED", "ZERO_DAY_SEVERE",
      "SEVERE_CRITICAL_INFRASTRUCTURE", "SEVERE_WIDE_IMPACT", "EXPLOITED,ZERO_DAY_ATTACK", ""};

  record StateChange(String state, OffsetDateTime at) {}

  record Coordination(OffsetDateTime listed, OffsetDateTime productsListed, String committee,
      OffsetDateTime committeeAt) {}

  record Notice(OffsetDateTime recognised, boolean notifiable, String grounds, OffsetDateTime deadline, int policy,
      OffsetDateTime sent, boolean reopened) {}

  static final class Case {
    String tn;
    String category;
    String cwe;
    OffsetDateTime received;
    OffsetDateTime accepted;
    OffsetDateTime notAccepted;
    String reason;
    OffsetDateTime discontinued;
    OffsetDateTime startDate;
    OffsetDateTime published;
    OffsetDateTime closed;
    String state;
    String productKind;
    String operatorKind;
    String websiteFixKind;
    final List<StateChange> states = new ArrayList<>();
    Coordination coordination;
    Notice notice;

    void to(String s, OffsetDateTime at) {
      state = s;
      states.add(new StateChange(s, at));
    }
  }

  final List<Case> cases = new ArrayList<>();
  private final Random random = new Random(20261115);
  /** The kinds (V11) come from a generator of their own, so the other facts stay as they were. */
  private final Random kinds = new Random(11);
  static final String[] PRODUCT_KINDS = {"WEB_APPLICATION", "NETWORK_DEVICE", "OS", "BROWSER", "SMARTPHONE_APP",
      "EMBEDDED_IOT", "GROUPWARE", "OTHER", null};
  static final String[] OPERATOR_KINDS = {"COMPANY", "ORGANISATION", "LOCAL_GOVERNMENT", "INDIVIDUAL", null};

  static OffsetDateTime jst(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(JST).toOffsetDateTime();
  }

  static LocalDate date(OffsetDateTime t) {
    return t.atZoneSameInstant(JST).toLocalDate();
  }

  StatisticsFixture generate(int n) {
    long span = java.time.Duration.between(FIRST, jst(2026, 11, 10, 0, 0)).toMinutes();
    for (int i = 0; i < n; i++) {
      Case c = new Case();
      c.received = i == 0 ? FIRST : FIRST.plusMinutes((long) (random.nextDouble() * span));
      double k = random.nextDouble();
      c.category = k < 0.6 ? "SOFTWARE_PRODUCT" : k < 0.95 ? "WEBSITE" : "DEVELOPER_SELF_REPORT";
      c.cwe = CWES[random.nextInt(CWES.length)];
      simulate(c, random.nextDouble());
      kinds(c);
      add(c);
    }
    specialCases();
    return this;
  }

  /** The kinds staff record (a few not recorded: cases from before V11); how a closed website case ended. */
  private void kinds(Case c) {
    if (c.category.equals("WEBSITE")) {
      c.operatorKind = OPERATOR_KINDS[kinds.nextInt(OPERATOR_KINDS.length)];
      boolean unrecorded = kinds.nextInt(10) == 0;
      c.websiteFixKind = unrecorded ? null : switch (c.state) {
        case "WEBSITE_FIXED" -> kinds.nextInt(4) == 0 ? "PAGE_REMOVED" : "APPLICATION_FIXED";
        case "WEBSITE_DISPUTED" -> "OPERATOR_HANDLING";
        case "WEBSITE_UNRESPONSIVE" -> "CLOSED_AFTER_REMINDER";
        default -> null;
      };
    } else {
      c.productKind = PRODUCT_KINDS[kinds.nextInt(PRODUCT_KINDS.length)];
    }
  }

  private void add(Case c) {
    c.tn = String.format("ST-%05d", cases.size() + 1);
    cases.add(c);
  }

  private OffsetDateTime hours(OffsetDateTime t, int min, int max) {
    return t.plusMinutes(60L * min + random.nextInt(60 * (max - min) + 1));
  }

  private void simulate(Case c, double outcome) {
    c.to("FORMAL_CHECK", c.received.plusHours(1));
    if (outcome < 0.12) {
      OffsetDateTime at = hours(c.received, 24, 480);
      if (at.isAfter(NOW)) {
        return;
      }
      c.notAccepted = at;
      c.closed = at;
      c.reason = REASONS[random.nextInt(REASONS.length)];
      c.to("NOT_ACCEPTED", at);
      return;
    }
    OffsetDateTime accepted = hours(c.received, 24, 240);
    if (accepted.isAfter(NOW)) {
      return;
    }
    c.accepted = accepted;
    c.to("ACCEPTED", accepted);
    if (outcome < 0.17) {
      OffsetDateTime at = hours(accepted, 100, 1500);
      if (!at.isAfter(NOW)) {
        c.discontinued = at;
        c.closed = at;
        c.to("DISCONTINUED", at);
      }
      return;
    }
    if (!c.category.equals("WEBSITE")) {
      software(c);
    } else {
      website(c);
    }
  }

  private void software(Case c) {
    c.to("HANDED_OFF", c.accepted.plusHours(2));
    if (random.nextDouble() < 0.3) {
      c.notice = notice(c.accepted);
    }
    OffsetDateTime start = hours(c.accepted, 2, 120);
    if (start.isAfter(NOW)) {
      return;
    }
    c.startDate = start;
    c.to("DEVELOPER_CONTACTING", start);
    c.to("DEVELOPER_COORDINATING", start.plusDays(2));
    if (random.nextDouble() < 0.12) {
      OffsetDateTime listed = hours(start, 30 * 24, 60 * 24);
      if (listed.isAfter(NOW)) {
        return;
      }
      OffsetDateTime products = random.nextBoolean() ? listed.plusDays(92) : null;
      if (products != null && products.isAfter(NOW)) {
        products = null;
      }
      String decision = null;
      OffsetDateTime decidedAt = null;
      if (products != null && !products.plusDays(10).isAfter(NOW)) {
        decision = random.nextBoolean() ? "PUBLISH" : "NOT_PUBLISH";
        decidedAt = products.plusDays(10);
      }
      c.coordination = new Coordination(listed, products, decision, decidedAt);
      if ("NOT_PUBLISH".equals(decision)) {
        c.closed = decidedAt;
        c.to("CLOSED_WITHOUT_PUBLICATION", decidedAt);
      } else if ("PUBLISH".equals(decision) && !decidedAt.plusDays(5).isAfter(NOW)) {
        publish(c, decidedAt.plusDays(5));
      }
      return;
    }
    OffsetDateTime published = hours(start, 5 * 24, 120 * 24);
    if (!published.isAfter(NOW)) {
      publish(c, published);
    }
  }

  private void publish(Case c, OffsetDateTime at) {
    c.published = at;
    c.closed = at;
    c.to("PUBLISHED", at);
  }

  private Notice notice(OffsetDateTime accepted) {
    OffsetDateTime recognised = hours(accepted, 1, 72);
    if (recognised.isAfter(NOW)) {
      return null;
    }
    boolean notifiable = random.nextDouble() < 0.65;
    if (!notifiable) {
      return new Notice(recognised, false, null, null, 1, null, false);
    }
    String grounds = GROUNDS[random.nextInt(GROUNDS.length)];
    OffsetDateTime deadline = recognised.plusHours(grounds.startsWith("EXPLOIT") ? 24 : 72);
    OffsetDateTime sent = hours(recognised, 1, 90);
    if (sent.isAfter(NOW)) {
      sent = null;
    }
    return new Notice(recognised, true, grounds, deadline, recognised.getYear() >= 2026 ? 2 : 1, sent, false);
  }

  private void website(Case c) {
    OffsetDateTime contacting = c.accepted.plusDays(1);
    if (contacting.isAfter(NOW)) {
      return;
    }
    c.to("WEBSITE_CONTACTING", contacting);
    c.to("WEBSITE_AWAITING_FIX", contacting.plusDays(3));
    double k = random.nextDouble();
    String end = k < 0.72 ? "WEBSITE_FIXED" : k < 0.87 ? "WEBSITE_UNRESPONSIVE" : k < 0.95 ? "WEBSITE_DISPUTED" : null;
    if (end == null) {
      return;
    }
    OffsetDateTime at = end.equals("WEBSITE_FIXED") ? hours(contacting, 4 * 24, 240 * 24)
        : hours(contacting, 120 * 24, 200 * 24);
    if (!at.isAfter(NOW)) {
      c.closed = at;
      c.to(end, at);
    }
  }

  /** The cases the issue names, each with its known figures. */
  private void specialCases() {
    // across the New Year closure (12/29-1/3): received on 30 December, accepted on the first business day
    Case ny = new Case();
    ny.category = "SOFTWARE_PRODUCT";
    ny.cwe = "CWE-787";
    ny.productKind = "NETWORK_DEVICE";
    ny.received = jst(2025, 12, 30, 10, 0);
    ny.to("FORMAL_CHECK", jst(2025, 12, 30, 11, 0));
    ny.accepted = jst(2026, 1, 5, 10, 0);
    ny.to("ACCEPTED", ny.accepted);
    ny.startDate = jst(2026, 1, 6, 10, 0);
    ny.to("DEVELOPER_CONTACTING", ny.startDate);
    publish(ny, jst(2026, 2, 19, 10, 0)); // 45 days after acceptance: within 45
    add(ny);
    // a late notice: recognised 3 August, due 4 August 10:00, sent 6 August 12:00 (50 hours late)
    Case late = softwareCase(jst(2026, 7, 30, 9, 0), jst(2026, 7, 31, 9, 0));
    late.productKind = "OS";
    late.notice = new Notice(jst(2026, 8, 3, 10, 0), true, "SEVERE_WIDE_IMPACT", jst(2026, 8, 4, 10, 0), 2,
        jst(2026, 8, 6, 12, 0), false);
    add(late);
    // reopened by exploitation: first judged not notifiable, then exploitation information, recognised anew
    Case reopened = softwareCase(jst(2026, 6, 20, 9, 0), jst(2026, 6, 22, 9, 0));
    reopened.notice = new Notice(jst(2026, 9, 1, 15, 0), true, "EXPLOITED", jst(2026, 9, 2, 15, 0), 2,
        jst(2026, 9, 1, 20, 0), true);
    add(reopened);
    // a website the operator fixed by removing the page (the register records "fixed", not how)
    Case removed = new Case();
    removed.category = "WEBSITE";
    removed.cwe = "CWE-79";
    removed.received = jst(2026, 6, 1, 9, 0);
    removed.to("FORMAL_CHECK", removed.received.plusHours(1));
    removed.accepted = jst(2026, 6, 2, 9, 0);
    removed.to("ACCEPTED", removed.accepted);
    removed.to("WEBSITE_CONTACTING", jst(2026, 6, 3, 9, 0));
    removed.closed = jst(2026, 8, 20, 9, 0);
    removed.to("WEBSITE_FIXED", removed.closed);
    removed.websiteFixKind = "PAGE_REMOVED";
    removed.operatorKind = "LOCAL_GOVERNMENT";
    add(removed);
    // a developer's self-report published in the quarter
    Case self = new Case();
    self.category = "DEVELOPER_SELF_REPORT";
    self.cwe = null;
    self.received = jst(2026, 7, 1, 0, 0); // the first instant of the quarter
    self.to("FORMAL_CHECK", self.received.plusHours(1));
    self.accepted = jst(2026, 7, 2, 9, 0);
    self.to("ACCEPTED", self.accepted);
    self.startDate = jst(2026, 7, 3, 9, 0);
    self.productKind = "EMBEDDED_IOT";
    publish(self, jst(2026, 9, 30, 23, 59)); // the last minute of the quarter: 90 days after acceptance
    add(self);
  }

  private Case softwareCase(OffsetDateTime received, OffsetDateTime accepted) {
    Case c = new Case();
    c.category = "SOFTWARE_PRODUCT";
    c.cwe = "CWE-89";
    c.received = received;
    c.to("FORMAL_CHECK", received.plusHours(1));
    c.accepted = accepted;
    c.to("ACCEPTED", accepted);
    c.to("HANDED_OFF", accepted.plusHours(1));
    return c;
  }

  // --- writing ---

  void write(JdbcTemplate jdbc) {
    OffsetDateTime created = FIRST;
    jdbc.update("INSERT INTO vr_developer (id, name, registration_type, contact_emails, created_at, updated_at) "
        + "VALUES ('st-dev', 'Statistics Dev', 'GENERAL', 'dev@example.jp', ?, ?)", ts(created), ts(created));
    List<Object[]> reporters = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    List<Object[]> coordinations = new ArrayList<>();
    List<Object[]> notices = new ArrayList<>();
    for (Case c : cases) {
      reporters.add(new Object[] {"r-" + c.tn});
      String json = "{\"category\":\"" + c.category + "\",\"vulnerability\":{\"type\":\"t\""
          + (c.cwe == null ? "" : ",\"cwe\":\"" + c.cwe + "\"") + ",\"summary\":\"s\"}}";
      rows.add(new Object[] {c.tn, c.category, c.state, "WEB", "r-" + c.tn, "summary " + c.tn, json, ts(c.received),
          ts(c.received), ts(c.accepted), ts(c.notAccepted), c.reason, ts(c.discontinued), ts(c.closed),
          ts(c.startDate), ts(c.published), c.productKind, c.operatorKind, c.websiteFixKind});
      events.add(new Object[] {c.tn, ts(c.received), "system", "RECEIVED", "channel WEB"});
      for (StateChange s : c.states) {
        events.add(new Object[] {c.tn, ts(s.at()), "someone", "STATE_" + s.state(), s.state()});
      }
      if (c.state.equals("WEBSITE_FIXED")) {
        events.add(new Object[] {c.tn, ts(c.closed.minusHours(1)), "operator", "OPERATOR_RESPONSE", "FIXED"});
      }
      if (c.coordination != null) {
        Coordination k = c.coordination;
        coordinations.add(new Object[] {c.tn, ts(c.startDate), ts(k.listed()), ts(k.productsListed()), k.committee()});
        if (k.committee() != null) {
          events.add(new Object[] {c.tn, ts(k.committeeAt()), "manager1", "COMMITTEE_DECISION",
              "st-dev: " + k.committee()});
        }
      }
      if (c.notice != null) {
        Notice n = c.notice;
        if (n.reopened()) {
          events.add(new Object[] {c.tn, ts(n.recognised().minusDays(10)), "system", "RECOGNITION_REOPENED",
              "previously not notifiable"});
        }
        notices.add(new Object[] {c.tn, ts(c.accepted), "ACCEPTED", n.sent() != null ? "NOTIFIED" : n.notifiable()
            ? "NOTIFY_DUE" : "NOT_REQUIRED", n.notifiable(), n.grounds(), ts(n.recognised()), n.notifiable(),
            ts(n.deadline()), n.notifiable() ? n.policy() : null, ts(n.sent()), n.sent() == null ? null
            : java.time.Duration.between(n.deadline(), n.sent()).getSeconds()});
      }
    }
    jdbc.batchUpdate("INSERT INTO vr_reporter (id, share_contact_with_developer, credit_wanted) VALUES (?, FALSE, FALSE)",
        reporters);
    jdbc.batchUpdate("INSERT INTO vr_case (tracking_number, category, state, channel, reporter_id, summary, report_json, "
        + "received_at, consented_at, accepted_at, not_accepted_at, non_acceptance_reason, discontinued_at, closed_at, "
        + "start_date_at, published_at, product_kind, operator_kind, website_fix_kind) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.batchUpdate("INSERT INTO vr_case_event (tracking_number, occurred_at, actor, event_type, detail) "
        + "VALUES (?, ?, ?, ?, ?)", events);
    jdbc.batchUpdate("INSERT INTO vr_coordination (tracking_number, developer_id, role, stage, first_contact_at, "
        + "listed_at, products_listed_at, committee_decision) VALUES (?, 'st-dev', 'DIRECT', 'RESPONSE', ?, ?, ?, ?)",
        coordinations);
    jdbc.batchUpdate("INSERT INTO vr_government_notification (tracking_number, opened_at, opened_on, status, "
        + "criteria_notifiable, criteria_grounds, recognised_at, notifiable, deadline_at, policy_version, sent_at, "
        + "late_by_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", notices);
    for (Case c : cases) {
      if (c.notice != null && c.notice.reopened()) {
        jdbc.update("INSERT INTO vr_exploitation (tracking_number, status, source, observed_at, tlp, recorded_by, "
            + "recorded_at) VALUES (?, 'ACTIVE', 'honeypot', ?, 'AMBER', 'analyst1', ?)", c.tn,
            ts(c.notice.recognised().minusDays(11)), ts(c.notice.recognised().minusDays(10)));
      }
    }
  }

  private static Timestamp ts(OffsetDateTime t) {
    return t == null ? null : Timestamp.from(t.toInstant());
  }
}
