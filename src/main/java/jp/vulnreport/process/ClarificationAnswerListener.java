package jp.vulnreport.process;

import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.Clarifications;
import jp.vulnreport.cases.ProcessText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Staff enter an answer the discoverer gave by mail or phone (the API path answers by message). The
 * answer is kept whole in VR_CLARIFICATION; the variable keeps a bounded preview ({@link ProcessText}).
 */
@Component("clarificationAnswerListener")
public class ClarificationAnswerListener implements TaskListener {

  private final Clarifications clarifications;

  public ClarificationAnswerListener(Clarifications clarifications) {
    this.clarifications = clarifications;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = Variables.required(task, "clarificationAnswer");
    String tn = Variables.trackingNumber(task);
    if (!clarifications.answer(tn, answer, Clarifications.Channel.STAFF, Actors.of(task))) {
      throw new CaseConflictException("No question is open on " + tn + ".");
    }
    task.getExecution().setVariable("clarificationAnswer", ProcessText.preview(answer));
  }
}
