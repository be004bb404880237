package jp.vulnreport.process;

import jp.vulnreport.government.GovernmentCriteria;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of government-notification.bpmn: each reads variables, calls GovernmentNotices, writes variables. */
@Configuration
public class GovernmentDelegates {

  /** Opens the track, evaluates the criteria and tells the diagram where the case stands. */
  @Bean
  JavaDelegate openGovernmentTrackDelegate(GovernmentNotices notices) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      String category = Variables.string(execution, "category");
      boolean specification = "SPECIFICATION_CRYPTO_PROTOCOL".equals(category)
          || "SPECIFICATION_CRYPTO_PROTOCOL".equals(Variables.string(execution, "nonAcceptanceReason"));
      GovernmentCriteria.Facts facts = new GovernmentCriteria.Facts(
          Variables.string(execution, "exploitationStatus"), Variables.string(execution, "cvssSeverity"),
          bool(execution, "criticalInfrastructure"), specification, integer(execution, "affectedDeveloperCount"),
          bool(execution, "zeroDay"));
      GovernmentNotification n = notices.open(tn, Variables.required(execution, "governmentTrigger"), facts);
      GovernmentCriteria.Result r = notices.criteria(facts);
      execution.setVariable("criteriaNotifiable", r.notifiable());
      execution.setVariable("criteriaGrounds", r.groundsText());
      execution.setVariable("criteriaUrgency", r.urgency());
      execution.setVariable("alreadyRecognised", n.recognisedAt() != null);
      execution.setVariable("notifiable", Boolean.TRUE.equals(n.notifiable()));
      execution.setVariable("noticeSent", n.sentAt() != null);
    };
  }

  /** 認知: confirm or override the criteria; a notifiable recognition starts the "promptly" clock. */
  @Bean
  TaskListener recognitionListener(GovernmentNotices notices) {
    return task -> {
      String decision = Variables.required(task, "recognitionDecision");
      if (!decision.equals("NOTIFIABLE") && !decision.equals("NOT_NOTIFIABLE")) {
        throw PersonFixable.error("recognitionDecision", "判断を選んでください / recognitionDecision must be NOTIFIABLE or NOT_NOTIFIABLE, not " + decision);
      }
      boolean notifiable = decision.equals("NOTIFIABLE");
      String override = Variables.string(task, "overrideReason");
      String grounds = Variables.string(task, "criteriaGrounds");
      if (override != null && !override.isBlank()) {
        grounds = grounds + "\n認知者の判断: " + override.strip();
      }
      notices.recognise(Variables.trackingNumber(task), notifiable, grounds, override, Actors.of(task),
          Variables.string(task, "exploitationStatus"), Variables.string(task, "criteriaUrgency"),
          Variables.string(task, "priority"));
      task.getExecution().setVariable("notifiable", notifiable);
      GovernmentStatusLabels.refresh(task.getProcessEngineServices(), Variables.trackingNumber(task),
          notices.get(Variables.trackingNumber(task)));
    };
  }

  @Bean
  TaskListener noticeDraftListener(GovernmentNotices notices) {
    return task -> {
      boolean zeroDay = Boolean.TRUE.equals(task.getVariable("zeroDayRequested"));
      String request = Variables.string(task, "zeroDayRequest");
      if (zeroDay && (request == null || request.isBlank())) {
        throw PersonFixable.error("zeroDayRequest", "要望の内容を入力してください / describe the zero-day handling request");
      }
      String actor = Actors.of(task);
      notices.drafted(Variables.trackingNumber(task), actor, Variables.required(task, "tlp"), zeroDay ? request : null);
      task.getExecution().setVariable("noticeDraftedBy", actor);
      task.getExecution().setVariable("zeroDayRequested", zeroDay);
      if (task.getVariable("vendorContactEmail") == null) {
        task.getExecution().setVariable("vendorContactEmail", "");
      }
    };
  }

  /** Four eyes: the drafter can neither claim nor complete the review. */
  @Bean
  TaskListener noticeReviewListener(GovernmentNotices notices) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
        String drafter = notices.get(tn).draftedBy();
        if (task.getAssignee() != null && task.getAssignee().equals(drafter)) {
          throw new org.camunda.bpm.engine.BadUserRequestException(
              new jp.vulnreport.government.FourEyesViolationException(task.getAssignee()).getMessage());
        }
        return;
      }
      String outcome = Variables.required(task, "reviewOutcome");
      if ("APPROVE".equals(outcome)) {
        try {
          notices.approved(tn, Actors.of(task));
        } catch (jp.vulnreport.government.FourEyesViolationException e) {
          throw PersonFixable.error("reviewOutcome", e.getMessage(), e);
        }
      } else if ("RETURN".equals(outcome)) {
        notices.rejected(tn, Actors.of(task), Variables.required(task, "reviewComment"));
      } else {
        throw PersonFixable.error("reviewOutcome", "確認結果を選んでください / reviewOutcome must be APPROVE or RETURN, not " + outcome);
      }
    };
  }

  @Bean
  JavaDelegate flagNoticeOverdueDelegate(GovernmentNotices notices) {
    return execution -> notices.flagOverdue(Variables.trackingNumber(execution));
  }

  /** Mails the approved notice with its CSAF document; at most once per process instance. */
  @Bean
  JavaDelegate sendGovernmentNoticeDelegate(GovernmentNotices notices) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      notices.send(tn, execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
      GovernmentStatusLabels.refresh(execution.getProcessEngineServices(), tn, notices.get(tn));
    };
  }

  @Bean
  TaskListener vendorDecisionListener() {
    return task -> {
      String decision = Variables.required(task, "vendorDecision");
      if (!decision.equals("INFORM") && !decision.equals("WITHHOLD")) {
        throw PersonFixable.error("vendorDecision", "判断を選んでください / vendorDecision must be INFORM or WITHHOLD, not " + decision);
      }
      Variables.required(task, "vendorDecisionReason");
    };
  }

  /**
   * Tells the vendor that the government was notified: not when a liaison decided to withhold it
   * after a zero-day request, and not when no vendor contact is known (coordination tells them).
   */
  @Bean
  JavaDelegate informVendorDelegate(GovernmentNotices notices, MailService mail) {
    return execution -> {
      informVendor(execution, notices, mail);
      // a case in coordination hears of the notice there (coordinators may tell the developers)
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MSG_NOTICE_SENT)
          .processInstanceBusinessKey(Variables.trackingNumber(execution)).correlateAllWithResult();
    };
  }

  /** Message to the case's coordination: the Cabinet Office was notified and the vendor decision is made. */
  public static final String MSG_NOTICE_SENT = "Msg_GovernmentNoticeSent";

  /** Mails the vendor unless liaison withheld it or no vendor contact is known; records the decision. */
  private static void informVendor(org.camunda.bpm.engine.delegate.DelegateExecution execution,
      GovernmentNotices notices, MailService mail) {
    String tn = Variables.trackingNumber(execution);
    String decision = Variables.string(execution, "vendorDecision");
    String address = Variables.string(execution, "vendorContactEmail");
    String actor = Actors.current(execution.getProcessEngineServices());
    if ("WITHHOLD".equals(decision)) {
      notices.vendorDecision(tn, "WITHHELD", false, actor);
    } else if (address == null || address.isBlank()) {
      notices.vendorDecision(tn, "NO_CONTACT", false, actor);
    } else {
      mail.send(execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId(), tn,
          "government-notice-vendor", Recipient.VENDOR, address, java.util.Map.of(), java.util.List.of());
      notices.vendorDecision(tn, "INFORMED", true, actor);
    }
  }

  @Bean
  TaskListener acknowledgementListener(GovernmentNotices notices) {
    return task -> {
      Variables.required(task, "acknowledgementNote");
      notices.acknowledged(Variables.trackingNumber(task), "STAFF", Actors.of(task));
      GovernmentStatusLabels.refresh(task.getProcessEngineServices(), Variables.trackingNumber(task),
          notices.get(Variables.trackingNumber(task)));
    };
  }

  @Bean
  JavaDelegate recordAcknowledgementDelegate(GovernmentNotices notices) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      notices.acknowledged(tn, "MESSAGE", jp.vulnreport.cases.CaseRegister.SYSTEM);
      GovernmentStatusLabels.refresh(execution.getProcessEngineServices(), tn, notices.get(tn));
    };
  }

  private static Boolean bool(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  private static Integer integer(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    if (v instanceof Number n) {
      return n.intValue();
    }
    return v == null || v.toString().isBlank() ? null : Integer.valueOf(v.toString().strip());
  }

}
