package jp.vulnreport.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessTextTest {

  @Test
  void aShortTextIsKeptAsItIs() {
    String text = "あ".repeat(ProcessText.PREVIEW_CHARS);
    assertThat(ProcessText.preview(text)).isSameAs(text);
  }

  @Test
  void aLongTextIsCutBetweenCharactersNeverInsideASurrogatePair() {
    // "𠮷" is two UTF-16 units: it would straddle the cut at 3,000
    String text = "a".repeat(ProcessText.PREVIEW_CHARS - 1) + "𠮷" + "b".repeat(5_000);
    String preview = ProcessText.preview(text);
    assertThat(preview).startsWith("a".repeat(ProcessText.PREVIEW_CHARS - 1) + "…")
        .doesNotContain("\ud842").hasSizeLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS)
        .endsWith("…（全文 8,000 文字は案件記録にあります / full text in the case record）");
    assertThat(ProcessText.preview(preview)).as("a preview is not previewed again").isEqualTo(preview);
  }
}
