package jp.vulnreport.coordination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CVE IDs as coordinators enter them: CVE-YYYY-NNNN… (at least four digits after the year), one per
 * distinct vulnerability of the case, separated by spaces, commas or new lines.
 */
public final class CveIds {

  /** The CVE Record Format's own pattern (cveId). */
  public static final Pattern CVE_ID = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,19}$");

  private CveIds() {}

  /** The CVE IDs in {@code text} (empty for none); a malformed or repeated ID is refused. */
  public static List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : text.strip().split("[\\s,、，;]+")) {
      if (raw.isEmpty()) {
        continue;
      }
      String id = raw.toUpperCase();
      if (!CVE_ID.matcher(id).matches() || Integer.parseInt(id.substring(4, 8)) < 1999) {
        throw new IllegalArgumentException("CVE ID は CVE-2026-12345 の形式で入力してください（" + raw + "） / "
            + "a CVE ID looks like CVE-2026-12345 (" + raw + ")");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("同じ CVE ID が二度入力されています（" + id + "）: CVE ID は脆弱性ごとに一つです / "
            + id + " is given twice: one CVE ID per distinct vulnerability");
      }
      out.add(id);
    }
    return out;
  }

  /** A CVE ID already recorded on another case (a person-fixable mistake in the field {@code cveIds}). */
  public static final class InUse extends IllegalArgumentException {
    public static final String FIELD = "cveIds";

    InUse(String cveId, String otherCase) {
      super(cveId + " は別の案件（" + otherCase + "）に記録済みです。CVE ID は脆弱性ごとに一つで、案件をまたいで"
          + "使えません / " + cveId + " is already recorded on another case (" + otherCase + ")");
    }
  }

  public static String join(List<String> ids) {
    return ids == null ? "" : String.join(" ", ids);
  }
}
