package jp.vulnreport.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.coordination.Advisories;
import jp.vulnreport.coordination.CaseDevelopers;
import jp.vulnreport.coordination.CoordinationOutcomes;
import jp.vulnreport.coordination.Coordinations;
import jp.vulnreport.coordination.DeveloperCommands;
import jp.vulnreport.coordination.DeveloperMails;
import jp.vulnreport.coordination.Publications;
import jp.vulnreport.government.GovernmentNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of Coordination, DeveloperCoordination and DeveloperResponseEntry: thin. */
@Configuration
public class CoordinationDelegates {

  /** Task_IdentifyDevelopers: the developers to choose from (the taglist's valuesKey), a task-local Json variable. */
  public static final String DEVELOPER_CHOICES = "developerChoices";
  /** Task_IdentifyDevelopers: the chosen developers' ids (the taglist's key), a Json array of strings. */
  public static final String DEVELOPERS_CHOSEN = "developerIdsChosen";
  /** Task_IdentifyDevelopers: the report's attachments to choose from (a task-local Json variable). */
  public static final String ATTACHMENT_CHOICES = "attachmentChoices";
  /** Task_IdentifyDevelopers: the ids of the attachments shared with the developers, a Json array of strings. */
  public static final String ATTACHMENTS_SHARED = "attachmentsShared";

  /** Task_IdentifyDevelopers (create): the registry's suggestions; low impact preset from triage (SSVC track). */
  @Bean
  TaskListener developerSuggestionsListener(CaseDevelopers developers, GovernmentNotices notices,
      jp.vulnreport.coordination.SharedAttachments sharedAttachments) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      // the report's attachments a coordinator may share with the developers (their pages, download only)
      task.setVariableLocal(ATTACHMENT_CHOICES, DeveloperChoices.attachments(sharedAttachments.sharing(tn)));
      task.setVariable(ATTACHMENTS_SHARED, DeveloperChoices.ids(sharedAttachments.sharing(tn).stream()
          .filter(a -> a.shared() && !a.erased()).map(a -> a.id()).toList()));
      task.setVariable("developerSuggestions", developers.suggestionsText(tn));
      // the list the form's taglist offers (valuesKey): a Json variable of {label, value}, on the task only
      task.setVariableLocal(DEVELOPER_CHOICES, DeveloperChoices.json(developers.choices(tn)));
      var notice = notices.find(tn);
      GovernmentStatusLabels.show(task, notice.orElse(null));
      // low impact (no publication) is only ever preset for a case without a government notice and
      // without exploitation information; the coordinator still confirms it explicitly
      boolean noticed = notice.map(n -> n.notifiedOrDue()).orElse(false);
      String exploitation = Variables.string(task, "exploitationStatus");
      boolean exploited = exploitation != null && !exploitation.isBlank() && !"NONE".equals(exploitation);
      task.getExecution().setVariable("lowImpact", !noticed && !exploited && "track".equals(Variables.string(task, "ssvcPriority")));
      task.getExecution().setVariable("lowImpactConfirmed", false);
    };
  }

  /** Task_IdentifyDevelopers (complete): the chosen developers become the collection coordinated one by one. */
  @Bean
  TaskListener developerSelectionListener(CaseDevelopers developers, GovernmentPaths government,
      jp.vulnreport.coordination.SharedAttachments sharedAttachments, jp.vulnreport.government.CriteriaFacts criteriaFacts) {
    return task -> {
      if (task.getVariable(ATTACHMENTS_SHARED) != null) {
        try {
          sharedAttachments.shareExactly(Variables.trackingNumber(task),
              DeveloperChoices.chosen(task.getVariable(ATTACHMENTS_SHARED), ATTACHMENTS_SHARED), Actors.of(task));
        } catch (IllegalArgumentException e) {
          throw PersonFixable.error(ATTACHMENTS_SHARED, e.getMessage(), e);
        }
      }
      List<String> chosen;
      try {
        chosen = developers.choose(Variables.trackingNumber(task),
            DeveloperChoices.chosen(task.getVariable(DEVELOPERS_CHOSEN)), Variables.string(task, "newDeveloperName"),
            Variables.string(task, "newDeveloperEmail"), Actors.of(task));
        task.setVariable("developerIds", new ArrayList<>(chosen));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
      // breadth (developers and products affected, SBOM downstream included) is known only now: the
      // government criteria again (a track starts, or the notice gets an update, when breadth newly meets one)
      Object estimate = task.getVariable("affectedDeveloperCount");
      int breadth = Math.max(chosen.size(), estimate instanceof Number n ? n.intValue() : 0);
      government.evaluate(task.getExecution(), "BREADTH", breadth);
      // what later evaluations start from: this count, and the SBOM's downstream matches known now
      task.getExecution().setVariable("affectedDeveloperCount", breadth);
      criteriaFacts.record(Variables.trackingNumber(task), Map.of("affectedDeveloperCount", breadth));
      task.getExecution().setVariable(GovernmentPaths.DOWNSTREAM_KNOWN, String.join(",", developers.suggestions(
          Variables.trackingNumber(task)).stream().filter(x -> x.role() == jp.vulnreport.coordination.DeveloperMatcher.Role.DOWNSTREAM)
          .map(jp.vulnreport.coordination.DeveloperMatcher.Suggestion::developerId).distinct().toList()));
      boolean lowImpact = Boolean.TRUE.equals(task.getVariable("lowImpact"));
      if (lowImpact && !Boolean.TRUE.equals(task.getVariable("lowImpactConfirmed"))) {
        throw PersonFixable.error("lowImpactConfirmed", "「影響が小さい（公表しない）」を選ぶ場合は、確認のチェックを入れてください"
            + " / confirm the low-impact (no publication) choice");
      }
      task.getExecution().setVariable("lowImpact", lowImpact);
    };
  }

  /** A mail with the developer's private link. Input parameters: mailTemplate, mailRound, mailValues (a map). */
  @Bean
  JavaDelegate developerContactMailDelegate(DeveloperMails mails, jp.vulnreport.coordination.VendorNoticeMails vendorNotice,
      jp.vulnreport.government.VendorRequests vendor) {
    return execution -> {
      if ("developer-government-notice".equals(Variables.string(execution, "mailTemplate"))) {
        // the government track tells every developer of the notice; a developer told there is not told twice
        String tn = Variables.trackingNumber(execution);
        String developerId = Variables.required(execution, "developerId");
        if (!vendor.wasTold(tn, developerId)) {
          vendorNotice.tell(tn, developerId, execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
              + ":" + developerId + ":" + execution.getVariableLocal("mailRound"), false);
        }
        return;
      }
      Map<String, String> values = new java.util.HashMap<>();
      if (execution.getVariableLocal("mailValues") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> values.put(k.toString(), v == null ? "-" : v.toString()));
      }
      mails.send(execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
              + Variables.string(execution, "developerId") + ":" + execution.getVariableLocal("mailRound"),
          Variables.trackingNumber(execution), Variables.required(execution, "developerId"),
          Variables.required(execution, "mailTemplate"), Boolean.TRUE.equals(execution.getVariable("lowImpact")), values);
    };
  }

  /** Task_ForwardResponse: what a response passes on (question to the discoverer, fix to the Cabinet Office). */
  @Bean
  JavaDelegate developerResponseFollowUpDelegate(DeveloperCommands commands) {
    return execution -> {
      Object question = execution.getVariable("forwardQuestionId");
      commands.forward(Variables.trackingNumber(execution), Variables.required(execution, "developerId"),
          question == null ? null : ((Number) question).longValue(),
          Boolean.TRUE.equals(execution.getVariable("fixBecameAvailable")));
      execution.setVariable("forwardQuestionId", null);
      execution.setVariable("fixBecameAvailable", false);
    };
  }

  @Bean
  JavaDelegate publicationTargetDelegate(Publications publications) {
    return publications::setTarget;
  }

  /** Task_ReviewPublicationTarget (complete): keep the target, or extend it with a reason. */
  @Bean
  TaskListener publicationTargetListener(Publications publications) {
    return task -> {
      boolean extend = Boolean.TRUE.equals(task.getVariable("extendTarget"));
      if (extend) {
        try {
          publications.extendTarget(Variables.trackingNumber(task), date(task.getVariable("newTargetDate")),
              Variables.string(task, "extensionReason"), Actors.of(task));
        } catch (IllegalArgumentException e) {
          throw PersonFixable.error(null, e.getMessage(), e);
        }
      }
      task.setVariable("targetExtended", extend);
      // the next review starts from an empty choice
      task.setVariable("extendTarget", false);
      task.setVariable("newTargetDate", null);
      task.setVariable("extensionReason", null);
    };
  }

  @Bean
  JavaDelegate coordinationSummaryDelegate(CoordinationOutcomes outcomes) {
    return execution -> execution.setVariable("coordinationOutcome", outcomes.summarise(
        Variables.trackingNumber(execution), Boolean.TRUE.equals(execution.getVariable("lowImpact"))).name());
  }

  /**
   * Task_SetPublicationDate (complete): the coordinator proposes one date for the case (after the
   * target only with a reason); the developers confirm it (PublicationDateDelegates) unless none has to.
   */
  @Bean
  TaskListener publicationDateListener(jp.vulnreport.coordination.PublicationDates dates) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      try {
        task.setVariable("dateConfirmationNeeded", dates.propose(tn, date(task.getVariable("publicationDate")),
            Variables.string(task, "publicationDateReason"), Actors.of(task)));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
    };
  }

  @Bean
  TaskListener publicationDatePrefillListener(Publications publications,
      jp.vulnreport.coordination.PublicationDates dates) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      task.setVariable("publicationTarget", publications.targetDate(tn).toString());
      task.setVariable("developerResults", publications.developerResults(tn));
      if ("Task_SetPublicationDate".equals(task.getTaskDefinitionKey())) {
        task.setVariable("publicationDate", publications.proposedDate(tn).toString());
        PublicationDateDelegates.prefill(task, tn, dates);
      }
    };
  }

  /** Task_DraftAdvisory (create): the form starts from the report and the developers' countermeasures. */
  @Bean
  TaskListener advisoryPrefillListener(Advisories advisories) {
    return task -> {
      for (Map.Entry<String, String> e : advisories.prefill(Variables.trackingNumber(task)).entrySet()) {
        if (task.getVariable(e.getKey()) == null) {
          task.setVariable(e.getKey(), e.getValue());
        }
      }
    };
  }

  /** Task_DraftAdvisory (complete): builds the advisory and its CSAF; an invalid one stays in the form. */
  @Bean
  TaskListener advisoryDraftListener(Advisories advisories) {
    return task -> {
      try {
        Advisories.Advisory a = advisories.draft(Variables.trackingNumber(task), new Advisories.Texts(
            Variables.string(task, "advisoryTitleJa"), Variables.string(task, "advisoryTitleEn"),
            Variables.string(task, "advisoryOverviewJa"), Variables.string(task, "advisoryOverviewEn"),
            Variables.string(task, "advisoryImpactJa"), Variables.string(task, "advisoryImpactEn"),
            Variables.string(task, "advisorySolutionJa"), Variables.string(task, "advisorySolutionEn")),
            Variables.string(task, "cveIds"), Variables.string(task, "overseasCoordinator"), Actors.of(task));
        task.setVariable("advisoryId", a.id());
      } catch (jp.vulnreport.coordination.CveIds.InUse e) {
        throw PersonFixable.error(jp.vulnreport.coordination.CveIds.InUse.FIELD, e.getMessage(), e);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
    };
  }

  @Bean
  JavaDelegate publishAdvisoryDelegate(CoordinationOutcomes outcomes, Advisories advisories) {
    return execution -> {
      Advisories.Advisory a = outcomes.publish(Variables.trackingNumber(execution));
      execution.setVariable("advisoryId", a.id());
      execution.setVariable("advisoryUrl", advisories.publicUrl(a));
    };
  }

  @Bean
  JavaDelegate coordinationClosingDelegate(CoordinationOutcomes outcomes) {
    return execution -> outcomes.closeWithoutPublication(Variables.trackingNumber(execution),
        CoordinationOutcomes.CaseOutcome.valueOf(Variables.required(execution, "coordinationOutcome")));
  }

  /** How this developer's part ended (input parameter developerOutcome). */
  @Bean
  JavaDelegate developerOutcomeDelegate(Coordinations coordinations) {
    return execution -> coordinations.outcome(Variables.trackingNumber(execution),
        Variables.required(execution, "developerId"),
        Coordinations.Outcome.valueOf(Variables.required(execution, "developerOutcome")));
  }

  /** The unreachable-developer listing (input parameter listing: DEVELOPER, PRODUCTS or REMOVE). */
  @Bean
  JavaDelegate unreachableListingDelegate(Coordinations coordinations) {
    return execution -> coordinations.listing(Variables.trackingNumber(execution),
        Variables.required(execution, "developerId"), Variables.required(execution, "listing"));
  }

  /** Task_ConfirmUnreachable (create): who the developer is, what was tried so far; the choice starts empty. */
  @Bean
  TaskListener unreachableConfirmationPrefillListener(Coordinations coordinations,
      jp.vulnreport.coordination.UnreachableConfirmations confirmations, jp.vulnreport.coordination.CoordinationTexts texts) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      String developerId = Variables.required(task, "developerId");
      Coordinations.Coordination c = coordinations.get(tn, developerId);
      task.setVariable("unreachableDeveloperName", c.developerName() + " (" + developerId + ")");
      StringBuilder history = new StringBuilder("最初の連絡（メール）: ")
          .append(c.firstContactAt() == null ? "-" : texts.jst(c.firstContactAt())).append('\n');
      var attempts = confirmations.attempts(tn, developerId);
      if (attempts.isEmpty()) {
        history.append("メール以外の手段での試行: まだ記録がありません");
      }
      for (var a : attempts) {
        history.append(a.attemptedOn()).append(' ').append(a.channelLabel()).append(": ").append(a.result())
            .append("（記録: ").append(a.recordedBy()).append("）\n");
      }
      task.setVariable("unreachableContactHistory", history.toString().strip());
      for (String key : new String[] {"contactAttemptChannel", "contactAttemptDate", "contactAttemptResult",
          "unreachableDecision", "unreachableNote"}) {
        task.setVariable(key, null);
      }
    };
  }

  /** Task_ConfirmUnreachable (complete): the attempt is recorded; listing needs one by another channel. */
  @Bean
  TaskListener unreachableConfirmationListener(jp.vulnreport.coordination.UnreachableConfirmations confirmations) {
    return task -> {
      try {
        var decision = confirmations.complete(Variables.trackingNumber(task), Variables.required(task, "developerId"),
            new jp.vulnreport.coordination.UnreachableConfirmations.Entry(Variables.string(task, "contactAttemptChannel"),
                date(task.getVariable("contactAttemptDate")), Variables.string(task, "contactAttemptResult"),
                Variables.string(task, "unreachableDecision"), Variables.string(task, "unreachableNote")),
            Actors.of(task));
        task.setVariable("unreachableDecision", decision.name());
      } catch (jp.vulnreport.coordination.UnreachableConfirmations.FieldException e) {
        throw PersonFixable.error(e.field(), e.getMessage(), e);
      }
    };
  }

  /** Task_PublicationJudgement (complete): the committee's decision and its reasons. */
  @Bean
  TaskListener committeeDecisionListener(Coordinations coordinations) {
    return task -> {
      try {
        coordinations.committee(Variables.trackingNumber(task), Variables.required(task, "developerId"),
            Variables.string(task, "committeeDecision"), Variables.string(task, "committeeReason"), Actors.of(task));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
    };
  }

  /** Task_ReviewGovernmentNotice (create): what was notified and what liaison decided about the vendor. */
  @Bean
  TaskListener governmentNoticeCoordinationListener(GovernmentNotices notices,
      jp.vulnreport.coordination.CoordinationTexts texts, jp.vulnreport.government.VendorRequests vendor,
      jp.vulnreport.AppProperties properties) {
    java.time.ZoneId zone = properties.timeZone();
    return task -> notices.find(Variables.trackingNumber(task)).ifPresent(n -> {
      task.setVariable("governmentGrounds", n.grounds() == null ? "-" : n.grounds());
      task.setVariable("governmentSentAt", texts.jst(n.sentAt()));
      task.setVariable("governmentVendorDecision", n.vendorDecision() == null ? "-" : n.vendorDecision());
      task.setVariable("governmentVendorToldText", vendor.toldText(n.trackingNumber(), zone));
      task.setVariable("governmentZeroDayRequest", n.zeroDayRequest() == null ? "-" : n.zeroDayRequest());
    });
  }

  /** Task_ReviewGovernmentNotice (complete): tell the developers only if the notice's vendor decision allows it. */
  @Bean
  TaskListener governmentNoticeReviewListener(CaseDevelopers developers) {
    return task -> {
      boolean inform = Boolean.TRUE.equals(task.getVariable("informDevelopers"));
      try {
        developers.governmentNoticeReviewed(Variables.trackingNumber(task), inform, task.getVariable("developerIds") != null,
            Variables.string(task, "coordinationNote"), Actors.of(task));
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, e.getMessage(), e);
      }
      task.setVariable("informDevelopers", inform);
    };
  }

  /** DeveloperResponseEntry: a coordinator enters what a developer said by mail or phone. */
  @Bean
  JavaDelegate developerResponseEntryDelegate(DeveloperCommands commands,
      jp.vulnreport.coordination.PublicationDates dates) {
    return execution -> {
      String tn = Variables.required(execution, "entryTrackingNumber").strip();
      String developerId = Variables.required(execution, "entryDeveloperId").strip();
      String actor = Actors.current(execution.getProcessEngineServices());
      execution.setProcessBusinessKey(tn);
      try {
        if ("PUBLICATION_DATE".equals(Variables.string(execution, "entryKind"))) {
          PublicationDateDelegates.enter(dates, tn, developerId, Variables.string(execution, "entryDateAnswer"),
              Variables.string(execution, "entryDateReason"), date(execution.getVariable("entryCounterDate")), actor);
        } else if ("CONTACT_POINT".equals(Variables.string(execution, "entryKind"))) {
          commands.nameContactPoint(tn, developerId, Variables.string(execution, "entryContactName"),
              Variables.string(execution, "entryContactEmail"), actor);
        } else {
          commands.respond(tn, developerId, new Coordinations.Response(
              Coordinations.valueOrNull(Coordinations.Status.class, Variables.string(execution, "entryStatus")),
              Coordinations.valueOrNull(Coordinations.FixAvailability.class, Variables.string(execution, "entryFixAvailability")),
              Variables.string(execution, "entryFixedVersions"), Variables.string(execution, "entryCountermeasure"),
              date(execution.getVariable("entryProposedPublicationDate")), Variables.string(execution, "entryStatement"),
              null), actor);
        }
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(null, "入力内容を確認してください / check the field: " + e.getMessage(), e);
      }
    };
  }

  /** A date from a form: Camunda Forms' datetime (date only) gives yyyy-MM-dd. */
  static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      String s = value.toString();
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw PersonFixable.error(null, "日付は YYYY-MM-DD で入力してください / a date must be YYYY-MM-DD: " + value);
    }
  }

  /** The stage the developer's part waits in (the page shows the matching form). */
  @Bean(name = "developerStages")
  DeveloperStages developerStages(Coordinations coordinations) {
    return new DeveloperStages(coordinations);
  }

  public static class DeveloperStages {
    private final Coordinations coordinations;

    DeveloperStages(Coordinations coordinations) {
      this.coordinations = coordinations;
    }

    @jp.vulnreport.ProcessExpression
    public void enter(DelegateExecution execution, String stage) {
      coordinations.stage(Variables.trackingNumber(execution), Variables.required(execution, "developerId"),
          Coordinations.Stage.valueOf(stage));
    }
  }
}
