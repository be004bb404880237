package jp.vulnreport.cases;

import java.util.Map;
import jp.vulnreport.process.ProcessKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Actions on a running case that reach its process by message. */
@Service
public class CaseCommands {

  private final CaseRegister register;
  private final Clarifications clarifications;
  private final CaseMessages messages;

  public CaseCommands(CaseRegister register, Clarifications clarifications, CaseMessages messages) {
    this.register = register;
    this.clarifications = clarifications;
    this.messages = messages;
  }

  /**
   * The discoverer's answer to the open clarification question, authorised by the status token. The
   * answer is kept whole in VR_CLARIFICATION; the process gets a bounded preview ({@link ProcessText}).
   */
  @Transactional
  public void answerClarification(CaseRecord c, String answer) {
    if (answer == null || answer.isBlank()) {
      throw new IllegalArgumentException("message must not be empty");
    }
    if (!clarifications.answer(c.trackingNumber(), answer.strip(), Clarifications.Channel.STATUS_TOKEN,
        "discoverer")) {
      throw new CaseConflictException("No question is waiting for an answer on " + c.trackingNumber() + ".");
    }
    messages.correlate(c.trackingNumber(), ProcessKeys.MSG_CLARIFICATION_REPLY,
        Map.of("clarificationAnswer", ProcessText.preview(answer.strip())),
        "The case " + c.trackingNumber() + " is not waiting for an answer.");
  }

  /** Staff discontinue (取りやめ) a case: its process ends through the discontinuation event sub-process. */
  @Transactional
  public void discontinue(String trackingNumber, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be empty");
    }
    CaseRecord c = register.get(trackingNumber);
    if (c.state().isFinal()) {
      throw new CaseConflictException("The case " + trackingNumber + " is already closed (" + c.state() + ").");
    }
    messages.correlate(trackingNumber, ProcessKeys.MSG_DISCONTINUE,
        Map.of("discontinuationReason", reason.strip(), "discontinuedBy", actor),
        "The case " + trackingNumber + " has no running receipt process to discontinue.");
  }
}
