package jp.vulnreport.government;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version ranges as people write them ("2.3 以前", "<= 2.3", "1.0 - 2.3", "2.4 以降", "before 3.0") in the
 * vers syntax of CSAF's product_version_range ({@code vers:generic/<=2.3}); text we cannot read as a
 * range stays as written.
 */
public final class Vers {

  private static final String V = "([0-9][0-9A-Za-z.+_]*)";
  private static final Pattern SINGLE = Pattern.compile("^(?:v|ver\\.?\\s*|version\\s+)?" + V + "$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LE = Pattern.compile("^(?:<=|≦|=<)\\s*" + V + "$|^" + V
      + "\\s*(?:以前|以下|and earlier|or earlier|and prior|or prior|and below)$|^(?:up to|through)\\s+" + V + "$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LT = Pattern.compile("^<\\s*" + V + "$|^" + V + "\\s*(?:未満|より前)$|^(?:before|prior to)\\s+"
      + V + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern GE = Pattern.compile("^(?:>=|≧|=>)\\s*" + V + "$|^" + V
      + "\\s*(?:以降|以上|and later|or later|and above)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BETWEEN = Pattern.compile("^" + V + "\\s*(?:-|–|〜|～|~|から)\\s*" + V + "(?:\\s*まで)?$");

  private Vers() {}

  /** Whether the text names one version (1.2.3, v2.0), not a range. */
  public static boolean isSingleVersion(String text) {
    return text != null && SINGLE.matcher(text.strip()).matches();
  }

  /** The text as a vers range, if it is one we can read (an existing vers string is kept). */
  public static Optional<String> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.startsWith("vers:")) {
      return Optional.of(t);
    }
    Matcher m;
    if ((m = LE.matcher(t)).matches()) {
      return Optional.of("vers:generic/<=" + first(m));
    }
    if ((m = LT.matcher(t)).matches()) {
      return Optional.of("vers:generic/<" + first(m));
    }
    if ((m = GE.matcher(t)).matches()) {
      return Optional.of("vers:generic/>=" + first(m));
    }
    if ((m = BETWEEN.matcher(t)).matches()) {
      return Optional.of("vers:generic/>=" + m.group(1) + "|<=" + m.group(2));
    }
    return Optional.empty();
  }

  private static String first(Matcher m) {
    for (int i = 1; i <= m.groupCount(); i++) {
      if (m.group(i) != null) {
        return m.group(i);
      }
    }
    throw new IllegalStateException("no version in " + m);
  }
}
