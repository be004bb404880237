package jp.vulnreport.process;

import jp.vulnreport.cases.Clarifications;
import jp.vulnreport.cases.ProcessText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing the formal check (形式確認): with questions, opens a clarification round. */
@Component("formalCheckListener")
public class FormalCheckListener implements TaskListener {

  public static final String COMPLETE = "COMPLETE";
  public static final String CLARIFICATION = "CLARIFICATION";

  private final Clarifications clarifications;

  public FormalCheckListener(Clarifications clarifications) {
    this.clarifications = clarifications;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = Variables.required(task, "formalCheckOutcome");
    if (CLARIFICATION.equals(outcome)) {
      String questions = Variables.required(task, "clarificationQuestions");
      int round = clarifications.ask(Variables.trackingNumber(task), questions, Actors.of(task));
      task.getExecution().setVariable("clarificationRound", round);
      // kept whole in VR_CLARIFICATION (the mail reads them there); the form shows a bounded preview
      task.getExecution().setVariable("clarificationQuestions", ProcessText.preview(questions));
      task.getExecution().removeVariable("clarificationAnswer");
    } else if (!COMPLETE.equals(outcome)) {
      throw PersonFixable.error("formalCheckOutcome", "確認結果を選んでください / formalCheckOutcome must be COMPLETE or CLARIFICATION, not " + outcome);
    }
  }
}
