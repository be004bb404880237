package jp.vulnreport.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes staff read in the dossier have Japanese labels. */
class CaseLabelsTest {

  @Test
  void acceptanceMailsOfEveryCategoryHaveALabel() {
    assertThat(CaseLabels.label(CaseLabels.MAIL_TEMPLATES, "acceptance-self-report")).isEqualTo("受理通知（自社製品届出）");
    assertThat(CaseLabels.label(CaseLabels.MAIL_TEMPLATES, "acceptance-website")).isEqualTo("受理通知（ウェブサイト）");
  }

  @Test
  void theSelfReportConfirmationDeadlineHasALabel() {
    assertThat(CaseLabels.deadlineKind("SELF_REPORT_CONFIRMATION")).isEqualTo("自社製品届出の届出者の確認");
  }
}
