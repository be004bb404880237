package jp.vulnreport.process;

import jp.vulnreport.government.GovernmentCriteria;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.notification.MailService;
import jp.vulnreport.notification.Recipient;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of government-notification.bpmn: each reads variables, calls GovernmentNotices, writes variables. */
@Configuration
public class GovernmentDelegates {

  /** Opens the track, evaluates the criteria and tells the diagram where the case stands. */
  @Bean
  JavaDelegate openGovernmentTrackDelegate(GovernmentNotices notices,
      jp.vulnreport.government.GovernmentEvaluations evaluations) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      GovernmentCriteria.Facts facts = facts(execution::getVariable);
      String trigger = Variables.required(execution, "governmentTrigger");
      GovernmentNotification n = notices.open(tn, trigger, facts);
      GovernmentCriteria.Result r = notices.criteria(facts);
      if ("REEVALUATION".equals(trigger)) {
        // asked for by liaison or by exploitation information: recorded like every other evaluation
        evaluations.record(tn, trigger, null, r, true, factsText(facts),
            jp.vulnreport.government.GovernmentEvaluations.Outcome.TRACK_STARTED, null,
            Actors.current(execution.getProcessEngineServices()));
      }
      execution.setVariable("criteriaNotifiable", r.notifiable());
      execution.setVariable("criteriaGrounds", r.groundsText());
      execution.setVariable("criteriaUrgency", r.urgency());
      execution.setVariable("criteriaFactsText", factsText(facts));
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
      String text = Variables.required(task, "noticeText");
      String actor = Actors.of(task);
      String tn = Variables.trackingNumber(task);
      String tlp = Variables.required(task, "tlp");
      notices.drafted(tn, actor, tlp);
      // the text was prefilled with the TLP known then; it states the one that applies now (the one chosen,
      // or RED when a zero-day handling request was granted)
      String applies = "TLP:" + notices.get(tn).effectiveTlp();
      String stated = text.replace("TLP:AMBER", applies).replace("TLP:RED", applies);
      if (!stated.equals(text)) {
        task.getExecution().setVariable("noticeText", stated);
      }
      task.getExecution().setVariable("noticeDraftedBy", actor);
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
        // the approver approves exactly what the form showed: the text and CSAF document of its preview
        String shown = Variables.string(task, "noticePreviewHash");
        if (shown == null || !shown.equals(notices.approvalHash(tn, Variables.string(task, "noticeText")))) {
          throw PersonFixable.error("reviewOutcome", "表示した後に通知の内容が変わりました。タスクを開き直し、いまの内容を確認して"
              + "から承認してください / the notice changed after it was shown; reopen the task and review it again");
        }
        try {
          notices.approved(tn, Actors.of(task), shown);
        } catch (jp.vulnreport.government.FourEyesViolationException e) {
          throw PersonFixable.error("reviewOutcome", e.getMessage(), e);
        }
        task.getExecution().setVariable("approvedNoticeHash", shown);
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
      // before anything is read: a zero-day decision in progress commits first (ZeroDayDelegates)
      notices.lock(tn);
      String text = Variables.string(execution, "noticeText");
      if (text == null) {
        text = notices.defaultNoticeText(tn);
      }
      String approved = Variables.string(execution, "approvedNoticeHash");
      String now = notices.approvalHash(tn, text);
      if (notices.get(tn).sentAt() == null && !now.equals(approved)) {
        // changed after approval (the text, or the case data the CSAF document carries): approve again
        notices.approvalVoided(tn, "approved sha256 " + approved + ", now " + now);
        execution.setVariable("approvedNoticeHash", null);
        throw new org.camunda.bpm.engine.delegate.BpmnError(ERR_NOTICE_CHANGED,
            "承認後に通知の内容が変わりました。作成・承認をやり直します / the notice changed after its approval");
      }
      notices.send(tn, execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId(), text);
      GovernmentStatusLabels.refresh(execution.getProcessEngineServices(), tn, notices.get(tn));
    };
  }

  /**
   * Task_InformVendor: tells the vendor that the government was notified: each developer the case's
   * coordination identified, at its contact point (the registry's addresses while none is named); the
   * address liaison typed only when no developer is known; NO_CONTACT only when neither exists.
   */
  @Bean
  JavaDelegate informVendorDelegate(GovernmentNotices notices, MailService mail,
      jp.vulnreport.coordination.VendorNoticeMails developers, jp.vulnreport.government.VendorRequests vendor) {
    return execution -> {
      informVendor(execution, notices, mail, developers, vendor);
      // a case in coordination hears of the notice there (coordinators see who was told)
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MSG_NOTICE_SENT)
          .processInstanceBusinessKey(Variables.trackingNumber(execution)).correlateAllWithResult();
    };
  }

  /**
   * Task_InformLateVendor: a developer identified after the notice named its contact point; it is
   * told now (and every other developer not yet told).
   */
  @Bean
  JavaDelegate informLateVendorDelegate(GovernmentNotices notices,
      jp.vulnreport.coordination.VendorNoticeMails developers) {
    return execution -> {
      String tn = Variables.trackingNumber(execution);
      java.util.List<String> told = developers.tellDevelopers(tn, execution.getProcessInstanceId() + ":late", true);
      if (!told.isEmpty() && !"INFORMED".equals(notices.get(tn).vendorDecision())) {
        notices.vendorDecision(tn, "INFORMED", true, jp.vulnreport.cases.CaseRegister.SYSTEM);
      }
    };
  }

  /** Error code: the approved notice changed before it was sent (Task_SendNotice's boundary event). */
  public static final String ERR_NOTICE_CHANGED = "Err_NoticeChanged";

  /**
   * Task_DraftNotice and Task_ReviewNotice (create): what the notice rests on and what exactly will be
   * sent: the grounds as decided (the analyst's override and its reason), the deadline and the time
   * left, the notice text (prefilled from the template, the drafter may edit it) and the CSAF
   * document; for the review the hash of the text and document shown, which its approval covers.
   */
  @Bean
  TaskListener noticePreviewListener(GovernmentNotices notices, jp.vulnreport.cases.CaseRegister register,
      jp.vulnreport.AppProperties properties, jp.vulnreport.government.VendorRequests vendor) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      GovernmentNotification n = notices.get(tn);
      task.setVariableLocal("zeroDayHandlingText", zeroDayText(vendor, vendor.requests(tn)));
      if (Variables.string(task, "noticeText") == null) {
        task.getExecution().setVariable("noticeText", notices.defaultNoticeText(tn));
      }
      task.setVariableLocal("noticeGroundsText", groundsText(n));
      task.setVariableLocal("noticeDeadlineText", deadlineText(n, register.now(), properties.timeZone()));
      task.setVariableLocal("csafPreview", notices.csafPreview(tn));
      if ("Task_ReviewNotice".equals(task.getTaskDefinitionKey())) {
        task.setVariableLocal("noticePreviewHash", notices.approvalHash(tn, Variables.string(task, "noticeText")));
      }
    };
  }

  /** The case's zero-day handling requests as the notice's forms show them (granted ones go with the notice). */
  static String zeroDayText(jp.vulnreport.government.VendorRequests vendor,
      java.util.List<jp.vulnreport.government.VendorRequests.ZeroDayRequest> requests) {
    if (requests.isEmpty()) {
      return "ゼロデイ取扱い要望はありません";
    }
    StringBuilder sb = new StringBuilder();
    for (var r : requests) {
      sb.append(r.developerName()).append("（").append(vendor.requestedOn(r)).append("）: ").append(r.reason())
          .append("\n  → ").append(r.decisionLabel())
          .append(r.decisionReason() == null ? "" : "。理由: " + r.decisionReason()).append('\n');
    }
    if (requests.stream().anyMatch(r -> r.decision() == null)) {
      sb.append("判断待ちの要望があります。通知の前に「ゼロデイ取扱い要望の判断」を済ませてください。\n");
    }
    if (requests.stream().anyMatch(jp.vulnreport.government.VendorRequests.ZeroDayRequest::granted)) {
      sb.append("認めた要望は通知メールと CSAF 文書に添えられ、TLP は RED になります。");
    }
    return sb.toString().strip();
  }

  /** The grounds as recognition decided them: the criteria, the analyst's decision and an override's reason. */
  static String groundsText(GovernmentNotification n) {
    StringBuilder sb = new StringBuilder();
    sb.append("通知の根拠: ").append(n.grounds() == null || n.grounds().isBlank() ? "-" : n.grounds());
    sb.append("\n認知: ").append(n.recognisedAt() == null ? "-" : n.recognisedAt().toLocalDate() + " "
        + n.recognisedAt().toLocalTime().withNano(0)).append("（").append(n.recognisedBy() == null ? "-" : n.recognisedBy())
        .append("）");
    if (n.overrideReason() != null && !n.overrideReason().isBlank()) {
      sb.append("\n基準の評価と異なる判断をしました。理由: ").append(n.overrideReason());
    } else {
      sb.append("\n基準の評価どおりの判断です。");
    }
    return sb.toString();
  }

  /** The notice's deadline and the time left (at the task's creation), e.g. "2026-11-30 15:00（JST）まで（残り 23 時間 59 分）". */
  static String deadlineText(GovernmentNotification n, java.time.OffsetDateTime now, java.time.ZoneId zone) {
    if (n.deadlineAt() == null) {
      return "期限なし";
    }
    String due = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(n.deadlineAt().atZoneSameInstant(zone))
        + "（JST）まで";
    java.time.Duration left = java.time.Duration.between(now, n.deadlineAt());
    if (left.isNegative()) {
      return due + "（期限を " + left.negated().toHours() + " 時間 " + left.negated().toMinutesPart() + " 分過ぎています）";
    }
    return due + "（この作業の開始時点で残り " + left.toHours() + " 時間 " + left.toMinutesPart() + " 分）";
  }

  /** Message to the case's coordination: the Cabinet Office was notified and the vendor decision is made. */
  public static final String MSG_NOTICE_SENT = "Msg_GovernmentNoticeSent";

  /** Tells the case's developers (or the typed address) and records who was told, when and how. */
  private static void informVendor(org.camunda.bpm.engine.delegate.DelegateExecution execution,
      GovernmentNotices notices, MailService mail, jp.vulnreport.coordination.VendorNoticeMails developers,
      jp.vulnreport.government.VendorRequests vendor) {
    String tn = Variables.trackingNumber(execution);
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    String address = Variables.string(execution, "vendorContactEmail");
    String actor = Actors.current(execution.getProcessEngineServices());
    developers.tellDevelopers(tn, key, false);
    if (!vendor.toldOf(tn).isEmpty()) {
      notices.vendorDecision(tn, "INFORMED", true, actor);
    } else if (address != null && !address.isBlank()) {
      // no developer identified yet: the address liaison typed when drafting
      jp.vulnreport.notification.MailRecords.MailRecord sent = mail.send(key, tn, "government-notice-vendor",
          Recipient.VENDOR, address.strip(), java.util.Map.of(), java.util.List.of());
      vendor.told(tn, null, null, jp.vulnreport.government.VendorRequests.Channel.LIAISON_ADDRESS, address.strip(),
          sent.sentAt(), sent.messageId(), false);
      notices.vendorDecision(tn, "INFORMED", true, actor);
    } else {
      notices.vendorDecision(tn, "NO_CONTACT", false, actor);
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

  /** The facts the criteria were evaluated on, as the recognition form shows them. */
  static String factsText(GovernmentCriteria.Facts f) {
    return "悪用状況: " + switch (f.exploitation() == null ? "" : f.exploitation()) {
          case "ACTIVE" -> "悪用が確認されている";
          case "SUSPECTED" -> "悪用の疑い";
          case "PUBLIC_POC" -> "PoC が公開されている";
          case "NONE" -> "なし";
          default -> "未評価";
        }
        + "\nCVSS の深刻度: " + (f.severity() == null ? "未評価" : VerificationListener.severityLabel(f.severity()))
        + "\n重要インフラ・指定製品で使われている: " + yesNo(f.criticalInfrastructure())
        + "\n暗号・プロトコルの仕様そのものの問題: " + yesNo(f.specificationFlaw())
        + "\n影響する開発者・製品の数: " + (f.breadth() == null ? "不明" : f.breadth())
        + "\n修正版・回避策がある: " + yesNo(f.fixAvailable())
        + (f.personalDataExposed() == null && f.criticalServiceExposed() == null ? ""
            : "\n多数の個人情報が漏えいし得る（ウェブサイト）: " + yesNo(f.personalDataExposed())
                + "\n重要インフラ・公共サービスのサイト: " + yesNo(f.criticalServiceExposed()));
  }

  private static String yesNo(Boolean b) {
    return b == null ? "未評価" : b ? "はい" : "いいえ";
  }

  /**
   * What the case looks like to the criteria, from its variables (one place for every path that
   * evaluates them: the track's opening, the ends of a case, the developers' identification).
   */
  static GovernmentCriteria.Facts facts(java.util.function.Function<String, Object> variables) {
    Object category = variables.apply("category");
    Object reason = variables.apply("nonAcceptanceReason");
    boolean specification = "SPECIFICATION_CRYPTO_PROTOCOL".equals(category == null ? null : category.toString())
        || "SPECIFICATION_CRYPTO_PROTOCOL".equals(reason == null ? null : reason.toString());
    // a website has no CVSS: its severity is the one estimated at substantive check
    String severity = text(variables.apply("cvssSeverity"));
    if (severity == null) {
      severity = text(variables.apply("websiteSeverity"));
    }
    return new GovernmentCriteria.Facts(text(variables.apply("exploitationStatus")), severity,
        bool(variables.apply("criticalInfrastructure")), specification,
        integer(variables.apply("affectedDeveloperCount")), nullableBool(variables.apply("fixAvailable")),
        nullableBool(variables.apply("personalDataExposed")), nullableBool(variables.apply("criticalServiceExposed")));
  }

  /** A yes/no fact, or null when nobody recorded it (unknown). */
  private static Boolean nullableBool(Object v) {
    return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(Boolean.parseBoolean(v.toString()));
  }

  /** Task_GovernmentAfter… of the receipt: the criteria on this path (input parameter governmentPath). */
  @Bean
  JavaDelegate governmentPathDelegate(GovernmentPaths paths) {
    return execution -> paths.evaluate(execution, Variables.required(execution, GovernmentPaths.PATH_PARAMETER), null);
  }

  /** Task_PrepareClosingUpdate: the closing update of a track that finds its case ended. */
  @Bean
  JavaDelegate closingUpdateDelegate(GovernmentPaths paths) {
    return execution -> execution.setVariable("closingUpdateText",
        paths.prepareClosingUpdate(Variables.trackingNumber(execution)));
  }

  private static String text(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  private static Boolean bool(Object v) {
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  private static Integer integer(Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    return v == null || v.toString().isBlank() ? null : Integer.valueOf(v.toString().strip());
  }

}
