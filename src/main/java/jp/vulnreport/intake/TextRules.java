package jp.vulnreport.intake;

/**
 * Which characters a text field may hold. Nothing a discoverer sends may carry characters that
 * corrupt the register, a mail or a log line: no U+0000, no lone surrogates (not Unicode text), no
 * control characters (C0 but TAB, and LF/CR in multi-line fields; DEL; C1 U+0080–U+009F) — which
 * also refuses ESC, the start of ANSI terminal escape sequences.
 */
public final class TextRules {

  /** Why a text is refused, as a message key (messages*.properties). */
  public enum Problem {
    NUL("vulnreport.text.nul"),
    LONE_SURROGATE("vulnreport.text.surrogate"),
    LINE_BREAK("vulnreport.text.line-break"),
    CONTROL("vulnreport.text.control");

    public final String key;

    Problem(String key) {
      this.key = key;
    }
  }

  private TextRules() {}

  /** The first problem of {@code text}, or null when it may be stored as it is. */
  public static Problem check(String text, boolean multiLine) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return Problem.NUL;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Problem.LONE_SURROGATE;
      }
      if (Character.isLowSurrogate(c)) {
        return Problem.LONE_SURROGATE;
      }
      if (c == '\n' || c == '\r') {
        if (!multiLine) {
          return Problem.LINE_BREAK;
        }
        continue;
      }
      if (c == '\t') {
        continue;
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return Problem.CONTROL;
      }
    }
    return null;
  }
}
