package jp.vulnreport.process;

import java.time.LocalDate;
import java.util.List;
import jp.vulnreport.coordination.CaseDevelopers;
import jp.vulnreport.coordination.PublicationDates;
import jp.vulnreport.coordination.Publications;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Coordination's publication-date agreement and the developer's own report (自社製品届出): thin
 * delegates over {@link PublicationDates} and {@link CaseDevelopers}.
 */
@Configuration
public class PublicationDateDelegates {

  /**
   * Task_SetPublicationDate (create): what the developers answered to the last proposal; after an
   * objection the form starts from the latest date a developer asked for.
   */
  static void prefill(DelegateTask task, String trackingNumber, PublicationDates dates) {
    task.setVariable("publicationDateAnswers", dates.summary(trackingNumber));
    dates.current(trackingNumber).ifPresent(p -> {
      LocalDate asked = dates.answers(p.id()).stream().map(PublicationDates.Answer::counterDate)
          .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(p.date());
      task.setVariable("publicationDate", asked.toString());
    });
  }

  /**
   * DeveloperResponseEntry, kind PUBLICATION_DATE: a coordinator enters the developer's answer to the
   * proposed date (or its request to change the agreed one) received by mail or phone.
   */
  static void enter(PublicationDates dates, String trackingNumber, String developerId, String answer, String reason,
      LocalDate counterDate, String actor) {
    switch (answer == null ? "" : answer) {
      case "CONFIRM" -> dates.answer(trackingNumber, developerId, true, reason, null, actor);
      case "OBJECT" -> dates.answer(trackingNumber, developerId, false, reason, counterDate, actor);
      case "CHANGE" -> dates.reopen(trackingNumber, developerId, reason, counterDate, actor);
      default -> throw new IllegalArgumentException("entryDateAnswer");
    }
  }

  /**
   * Task_ConfirmSelfReporter (create): what the coordinator reads about the reporting developer (the
   * reporter's organisation and address, the registry's match and its addresses); the match preset.
   */
  @Bean
  TaskListener selfReportPrefillListener(CaseDevelopers developers) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      task.setVariable("selfReportFacts", developers.selfReportFacts(tn));
      task.setVariable("selfReportDeveloperId", developers.selfReportMatch(tn).orElse(""));
      task.setVariable("selfReportContactVerified", false);
    };
  }

  /**
   * Task_ConfirmSelfReporter (complete): the coordinator's decision. Confirmed (registered or new):
   * the developer is adopted with the coordinator as actor; declined: the case goes to identification
   * as a discoverer's report does ({@code selfReportConfirmed} routes the diagram).
   */
  @Bean
  TaskListener selfReportConfirmationListener(CaseDevelopers developers) {
    return task -> {
      String tn = Variables.trackingNumber(task);
      String answer = Variables.string(task, "selfReportDecision");
      CaseDevelopers.SelfReportDecision decision;
      try {
        decision = CaseDevelopers.SelfReportDecision.valueOf(answer == null ? "" : answer);
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error("selfReportDecision", "判断を選んでください / choose a decision", e);
      }
      String actor = Actors.of(task);
      if (decision == CaseDevelopers.SelfReportDecision.DECLINE) {
        developers.declineSelfReport(tn, Variables.string(task, "selfReportNote"), actor);
        task.getExecution().setVariable("selfReportConfirmed", false);
        return;
      }
      try {
        developers.adoptReporter(tn, decision, Variables.string(task, "selfReportDeveloperId"),
            Boolean.TRUE.equals(task.getVariable("selfReportContactVerified")), actor);
      } catch (IllegalArgumentException e) {
        throw PersonFixable.error(e.getMessage(), "selfReportDeveloperId".equals(e.getMessage())
            ? "登録簿の開発者の ID を入力してください / enter a registered developer's id"
            : "届出者のメールアドレスが有効ではありません / the reporter's address is not valid", e);
      }
      task.getExecution().setVariable("selfReportConfirmed", true);
    };
  }

  /**
   * Task_AdoptReportingDeveloper: after a coordinator confirmed the reporting developer (adopted in
   * Task_ConfirmSelfReporter), the publication target from the start date; refuses an unconfirmed report.
   */
  @Bean
  JavaDelegate selfReportDeveloperDelegate(CaseDevelopers developers, Publications publications) {
    return execution -> {
      String developerId = developers.adoptedReporter(Variables.trackingNumber(execution));
      publications.setTarget(execution);
      execution.setVariable("developerIds", new java.util.ArrayList<>(List.of(developerId)));
      execution.setVariable("lowImpact", false);
    };
  }

  /** Task_FixPublicationDate: the agreed date is the case's publication date (the timer reads it). */
  @Bean
  JavaDelegate publicationDateFixDelegate(PublicationDates dates) {
    return execution -> execution.setVariable("publicationDate",
        dates.fix(Variables.trackingNumber(execution), jp.vulnreport.cases.CaseRegister.SYSTEM).toString());
  }
}
