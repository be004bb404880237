package jp.vulnreport.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.coordination.DeveloperMails;
import jp.vulnreport.coordination.ZeroDayRequestCommands;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.government.VendorRequests;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of zero-day-request.bpmn: a developer's zero-day handling request (from its page, or
 * entered by staff through the start form) is weighed by liaison; the developer hears the outcome;
 * a request granted after the notice went out reaches the Cabinet Office as an update.
 */
@Configuration
public class ZeroDayDelegates {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  /** Task_RecordZeroDayRequest: records a staff-entered request (the page records its own) and shows it to liaison. */
  @Bean
  JavaDelegate zeroDayRequestRecordDelegate(ZeroDayRequestCommands commands, VendorRequests vendor,
      GovernmentNotices notices, jp.vulnreport.AppProperties properties, jp.vulnreport.cases.CaseRegister register) {
    return execution -> {
      Object id = execution.getVariable("zeroDayRequestId");
      if (id == null) {
        // entered by staff on the developer's behalf (Tasklist start form)
        String tn = Variables.required(execution, "entryTrackingNumber").strip();
        String developerId = Variables.required(execution, "entryDeveloperId").strip();
        execution.setProcessBusinessKey(tn);
        try {
          id = commands.record(tn, developerId, Variables.string(execution, "zeroDayReason"), "STAFF",
              Actors.current(execution.getProcessEngineServices()));
        } catch (IllegalArgumentException e) {
          throw PersonFixable.error("zeroDayReason", "要望の理由を入力してください（" + VendorRequests.MAX_REASON
              + " 文字まで） / give the reason (up to " + VendorRequests.MAX_REASON + " characters)", e);
        } catch (jp.vulnreport.coordination.ZeroDayRequestPendingException e) {
          throw PersonFixable.error("entryDeveloperId", "この開発者の先の要望がまだ判断待ちです（判断後に改めて記録してください） / an"
              + " earlier request of this developer for this case is still being considered: " + developerId, e);
        } catch (CaseConflictException e) {
          throw PersonFixable.error("entryDeveloperId", "この案件の製品開発者ではないか、案件が終了しています / not a developer"
              + " of this case, or the case is closed: " + developerId, e);
        } catch (jp.vulnreport.cases.CaseNotFoundException e) {
          throw PersonFixable.error("entryTrackingNumber", "受付番号が見つかりません / no such case: " + tn, e);
        }
        execution.setVariable("zeroDayRequestId", id);
        execution.setVariable("trackingNumber", tn);
      }
      VendorRequests.ZeroDayRequest r = vendor.get(((Number) id).longValue());
      // the case's summary for the weighing form and Tasklist's lists (not personal data)
      execution.setVariable("summary", register.get(r.trackingNumber()).summary());
      ZoneId zone = properties.timeZone();
      execution.setVariable("zeroDayRequestText", "製品開発者: " + r.developerName() + "（" + r.developerId() + "）\n"
          + "受付: " + MINUTE.format(r.requestedAt().atZoneSameInstant(zone)) + "（JST）、" + r.sourceLabel()
          + "（" + r.requestedBy() + "）\n要望の理由: " + r.reason());
      GovernmentNotification n = notices.find(r.trackingNumber()).orElse(null);
      execution.setVariable("zeroDayNoticeText", n == null ? "政府通知の手続はまだ始まっていません（認められた要望は、通知する場合に通知へ添えます）"
          : n.sentAt() != null ? "内閣府へ通知済み（" + MINUTE.format(n.sentAt().atZoneSameInstant(zone)) + " JST）。"
              + "認めた場合は続報で内閣府へ伝えます（TLP:RED）"
          : n.statusLabel() + "。認めた場合は通知メールと CSAF 文書に添え、TLP:RED で通知します");
    };
  }

  /** Task_WeighZeroDayRequest (complete): granted or refused, with a reason. */
  @Bean
  TaskListener zeroDayDecisionListener(VendorRequests vendor, GovernmentNotices notices) {
    return task -> {
      String decision = Variables.required(task, "zeroDayDecision");
      if (!decision.equals("GRANT") && !decision.equals("REFUSE")) {
        throw PersonFixable.error("zeroDayDecision", "判断を選んでください / zeroDayDecision must be GRANT or REFUSE, not "
            + decision);
      }
      String reason = Variables.required(task, "zeroDayDecisionReason");
      long id = ((Number) task.getVariable("zeroDayRequestId")).longValue();
      // the notice row is locked before the decision is written and "sent" read: the notice-send job
      // takes the same lock first, so either it runs after this decision committed (and the notice
      // carries the grant) or it committed before and "sent" is true here (the grant goes as an update)
      notices.lock(vendor.get(id).trackingNumber());
      VendorRequests.ZeroDayRequest r;
      try {
        r = vendor.decide(id, decision.equals("GRANT"), reason, Actors.of(task));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error("zeroDayDecisionReason", e.getMessage(), e);
      } catch (CaseConflictException e) {
        throw PersonFixable.error("zeroDayDecision", "この要望はすでに判断されています / this request was already decided", e);
      }
      boolean sent = notices.find(r.trackingNumber()).map(GovernmentNotification::sentAt).isPresent();
      task.getExecution().setVariable("zeroDayGranted", r.granted());
      task.getExecution().setVariable("noticeAlreadySent", sent);
      task.getExecution().setVariable("zeroDayUpdateText", vendor.grantedUpdateText(r));
    };
  }

  /** Task_TellDeveloperZeroDayOutcome: the developer hears liaison's decision and its reason. */
  @Bean
  JavaDelegate zeroDayOutcomeMailDelegate(DeveloperMails mails, VendorRequests vendor) {
    return execution -> {
      VendorRequests.ZeroDayRequest r = vendor.get(((Number) execution.getVariable("zeroDayRequestId")).longValue());
      Map<String, String> model = new java.util.HashMap<>(vendor.outcomeTexts(r));
      model.put("requestReason", r.reason());
      model.put("requestedOn", vendor.requestedOn(r));
      model.put("decisionReason", r.decisionReason());
      mails.send(execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId(), r.trackingNumber(),
          r.developerId(), "developer-zero-day-outcome", false, model);
    };
  }

  /** Task_SendZeroDayUpdate: a request granted after the notice went out reaches the Cabinet Office as an update. */
  @Bean
  JavaDelegate zeroDayUpdateDelegate(GovernmentCommands government) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      String key = "zero-day:" + execution.getVariable("zeroDayRequestId");
      String text = Variables.required(execution, "zeroDayUpdateText");
      String outcome = government.inform(tn, key, text, false);
      if ("NOT_WAITING".equals(outcome)) {
        // the track ended (the case closed while liaison weighed the request): the grant still goes out
        government.informDirectly(tn, key, text, false);
      } else if (!"UPDATE_SENT".equals(outcome)) {
        // a notice was sent when the decision was taken: never end as "update sent" without sending it
        throw new IllegalStateException("the zero-day update of " + tn + " could not be sent: " + outcome);
      }
    };
  }
}
