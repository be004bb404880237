package jp.vulnreport.website;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseKinds;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.deadline.Deadlines;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of waiting for a website operator's fix (BoundaryEvent_FixCutoff): the case is not closed
 * as unresponsive on its own. Receipt staff decide (修正報告期限での判断): extend to a new date with a
 * reason — the timer re-arms at that date — or close, recording how the case ended as IPA counts it.
 */
@Component("websiteFixCutoff")
public class WebsiteFixCutoff {

  public static final String KIND = "WEBSITE_FIX_CUTOFF";
  /**
   * Process variable: the cutoff was extended, the timer (BoundaryEvent_FixCutoff) takes the stored,
   * extended deadline instead of the policy's period from now.
   */
  public static final String EXTENDED = "fixCutoffExtended";

  private final Deadlines deadlines;
  private final CaseRegister register;
  private final ZoneId zone;

  public WebsiteFixCutoff(Deadlines deadlines, CaseRegister register, AppProperties properties) {
    this.deadlines = deadlines;
    this.register = register;
    this.zone = properties.timeZone();
  }

  /** Extends the cutoff to {@code newDate} (same time of day), later than now and than the current one. */
  @Transactional
  public OffsetDateTime extend(String trackingNumber, LocalDate newDate, String reason, String actor) {
    if (newDate == null) {
      throw new IllegalArgumentException("新しい期限（YYYY-MM-DD）を入力してください / the new date is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("延長の理由を入力してください / an extension needs a reason");
    }
    Deadlines.Deadline current = deadlines.latest(trackingNumber, KIND);
    OffsetDateTime due = current.dueAt().atZoneSameInstant(zone).with(newDate).toOffsetDateTime();
    if (!due.isAfter(current.dueAt()) || !due.isAfter(register.now())) {
      throw new IllegalArgumentException("新しい期限は現在の期限 " + current.dueAt().atZoneSameInstant(zone).toLocalDate()
          + " より後の日付にしてください / the new date must be after the current cutoff");
    }
    deadlines.extend(trackingNumber, KIND, due, reason);
    register.event(trackingNumber, actor, "WEBSITE_FIX_CUTOFF_EXTENDED",
        current.dueAt().atZoneSameInstant(zone).toLocalDate() + " -> " + newDate + ": " + reason.strip());
    return due;
  }

  /**
   * Closes at the cutoff with how it ended: 督促後に終了 closes the case as unresponsive; the others
   * (修正, 削除, 運営者の個別対応 — staff learned it otherwise) as fixed. Returns websiteOutcome.
   */
  @Transactional
  public String close(String trackingNumber, String fixKind, String actor) {
    if (fixKind == null || !CaseKinds.WEBSITE_FIX.containsKey(fixKind)) {
      throw new IllegalArgumentException("完了の区分（修正・削除・運営者の個別対応・督促後に終了）を選んでください"
          + " / choose how the case ended");
    }
    register.recordKind(trackingNumber, "website_fix_kind", fixKind, actor);
    return CaseKinds.CLOSED_AFTER_REMINDER.equals(fixKind) ? "UNRESPONSIVE" : "FIXED";
  }
}
