package jp.vulnreport.process;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.ProcessText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the substantive check (内容確認) starts, lists earlier cases about the same product, developer
 * or website on the task, so staff can judge "known or duplicate".
 */
@Component("duplicateCandidatesListener")
public class DuplicateCandidatesListener implements TaskListener {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final CaseRegister register;
  private final AppProperties properties;

  public DuplicateCandidatesListener(CaseRegister register, AppProperties properties) {
    this.register = register;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord c = register.get(Variables.trackingNumber(task));
    var similar = register.similarTo(c, 20);
    String text = similar.isEmpty() ? "同じ製品・開発者・サイトの既存案件はありません。"
        : similar.stream().map(s -> s.trackingNumber() + "  "
            + s.receivedAt().atZoneSameInstant(properties.timeZone()).format(DATE) + "  "
            + s.state().ja() + "  " + (s.productName() != null ? s.productDeveloper() + " " + s.productName()
                : s.websiteUrl()) + "  " + s.summary())
            .collect(Collectors.joining("\n"));
    // up to 20 cases with summaries of up to 1,000 characters each: bounded like every long text
    task.setVariableLocal("duplicateCandidates", ProcessText.preview(text));
    task.setVariableLocal("duplicateCandidateCount", similar.size());
  }
}
