package jp.vulnreport.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes staff read in the dossier have Japanese labels. */
class CaseLabelsTest {

  /** Every mail template the application has is named in Japanese in the dossier's mail list. */
  @Test
  void everyMailTemplateHasALabel() throws Exception {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/mail"))) {
      java.util.List<String> templates = files.map(f -> f.getFileName().toString().replaceFirst("\\..*$", ""))
          .distinct().toList();
      assertThat(templates).isNotEmpty();
      for (String t : templates) {
        assertThat(CaseLabels.MAIL_TEMPLATES).as(t).containsKey(t);
      }
    }
  }

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
