package jp.vulnreport.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.vulnreport.website.WebsiteFixCutoff;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_DecideFixCutoff (complete), 修正報告期限での判断: extend the cutoff (cutoffDecision EXTEND,
 * newCutoffDate and extensionReason both required; the timer re-arms at the new date) or close
 * (CLOSE, websiteFixKind required: how the case ended as IPA counts it). Sets websiteOutcome on close.
 */
@Component("websiteFixCutoffListener")
public class WebsiteFixCutoffListener implements TaskListener {

  private final WebsiteFixCutoff cutoff;

  public WebsiteFixCutoffListener(WebsiteFixCutoff cutoff) {
    this.cutoff = cutoff;
  }

  @Override
  public void notify(DelegateTask task) {
    String tn = Variables.trackingNumber(task);
    String actor = Actors.of(task);
    String decision = Variables.string(task, "cutoffDecision");
    try {
      if ("EXTEND".equals(decision)) {
        cutoff.extend(tn, date(task.getVariable("newCutoffDate")), Variables.string(task, "extensionReason"), actor);
        task.setVariable(WebsiteFixCutoff.EXTENDED, true);
      } else if ("CLOSE".equals(decision)) {
        task.setVariable("websiteOutcome", cutoff.close(tn, Variables.string(task, "websiteFixKind"), actor));
      } else {
        throw PersonFixable.error("cutoffDecision", "延長するか終了するかを選んでください / choose to extend or to close");
      }
    } catch (IllegalArgumentException e) {
      throw PersonFixable.error(null, e.getMessage(), e);
    }
  }

  private static LocalDate date(Object v) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    String s = v.toString().strip();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("新しい期限は YYYY-MM-DD で入力してください / the new date as YYYY-MM-DD: " + s);
    }
  }
}
