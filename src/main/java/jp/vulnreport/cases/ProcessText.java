package jp.vulnreport.cases;

import java.util.Locale;

/**
 * What the engine gets of a long free text. Camunda keeps a string variable in a 4,000-character
 * column (ACT_RU_VARIABLE.TEXT_, ACT_HI_DETAIL.TEXT_, …), while a report's details may have 20,000
 * characters. The full text stays in the case register (VR_CASE.report_json, VR_CLARIFICATION); a
 * process variable carries a bounded preview for Tasklist forms, ending with a note that says where
 * the rest is. Processes decide on other variables, never on these texts.
 */
public final class ProcessText {

  /** The most characters (UTF-16 units) of the original text a preview keeps. */
  public static final int PREVIEW_CHARS = 3000;

  /** Longest possible preview: the kept text plus the note (well under the engine's 4,000). */
  public static final int MAX_VARIABLE_CHARS = 3200;

  private ProcessText() {}

  /**
   * The text itself when it has at most {@link #PREVIEW_CHARS} characters, else its beginning (cut
   * between characters, never inside a surrogate pair) and the note 「…（全文 N 文字は案件記録にあります
   * / full text in the case record）」 with N the text's length in characters (code points).
   */
  public static String preview(String text) {
    if (text == null || text.length() <= PREVIEW_CHARS
        || (isPreview(text) && text.length() <= MAX_VARIABLE_CHARS)) {
      return text; // short, or a preview already
    }
    int end = PREVIEW_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    int total = text.codePointCount(0, text.length());
    return text.substring(0, end) + "…（全文 " + String.format(Locale.ROOT, "%,d", total)
        + " 文字は案件記録にあります / full text in the case record）";
  }

  /** Whether a variable value is a preview of a longer text (it ends with the note). */
  public static boolean isPreview(String value) {
    return value != null && value.endsWith(" 文字は案件記録にあります / full text in the case record）");
  }
}
