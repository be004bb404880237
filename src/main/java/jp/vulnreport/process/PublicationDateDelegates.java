package jp.vulnreport.process;

import java.time.LocalDate;
import java.util.List;
import jp.vulnreport.coordination.CaseDevelopers;
import jp.vulnreport.coordination.PublicationDates;
import jp.vulnreport.coordination.Publications;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

  /** Task_AdoptReportingDeveloper: the developer that reported its own product is the case's developer. */
  @Bean
  JavaDelegate selfReportDeveloperDelegate(CaseDevelopers developers, Publications publications) {
    return execution -> {
      String developerId = developers.adoptReporter(Variables.trackingNumber(execution), jp.vulnreport.cases.CaseRegister.SYSTEM);
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
