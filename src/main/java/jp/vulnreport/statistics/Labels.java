package jp.vulnreport.statistics;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.vulnreport.cases.CaseState;

/** The names people read for the register's codes, Japanese and English. */
final class Labels {

  /** The grounds of the criteria table (government-notification-criteria.dmn), then a recognition that overrode it. */
  static final Map<String, String[]> GROUNDS = new LinkedHashMap<>();

  static {
    GROUNDS.put("EXPLOITED", new String[] {"悪用が確認されている", "exploited"});
    GROUNDS.put("EXPLOITATION_SUSPECTED", new String[] {"悪用の疑いがある", "exploitation suspected"});
    GROUNDS.put("ZERO_DAY_ATTACK", new String[] {"修正版・回避策がないまま悪用（疑い）", "zero-day attack (exploited before a fix)"});
    GROUNDS.put("SEVERE_CRITICAL_INFRASTRUCTURE", new String[] {"深刻度が高く重要インフラ・指定製品で利用",
        "severe, used in critical infrastructure"});
    GROUNDS.put("SEVERE_WIDE_IMPACT", new String[] {"深刻度が高く多数の開発者・製品に影響", "severe, wide impact"});
    GROUNDS.put("SEVERE_SPECIFICATION_FLAW", new String[] {"深刻度の高い仕様の問題", "severe specification flaw"});
    GROUNDS.put("SEVERE_PERSONAL_DATA", new String[] {"深刻度が高く多数の個人情報が漏えいし得るサイト",
        "severe, personal data of many people exposed"});
    GROUNDS.put("SEVERE_CRITICAL_SERVICE", new String[] {"深刻度が高く重要インフラ・公共サービスのサイト",
        "severe, site of a critical or public service"});
    // recorded before the criteria table's version with fixAvailable (rule 3 then meant "severe, no fix")
    GROUNDS.put("ZERO_DAY_SEVERE", new String[] {"対策のないゼロデイで深刻度が高い（旧基準）", "severe zero-day without a fix (former criteria)"});
    GROUNDS.put("OVERRIDE", new String[] {"基準外（認知者の判断）", "by the recogniser's judgement (criteria overridden)"});
  }

  private Labels() {}

  static String categoryJa(String c) {
    return switch (c) {
      case StatisticsService.SOFTWARE -> "ソフトウエア製品";
      case StatisticsService.WEBSITE -> "ウェブサイト";
      case StatisticsService.SELF_REPORT -> "製品開発者自身からの届出";
      default -> c;
    };
  }

  static String categoryEn(String c) {
    return switch (c) {
      case StatisticsService.SOFTWARE -> "Software products";
      case StatisticsService.WEBSITE -> "Websites";
      case StatisticsService.SELF_REPORT -> "Developers' self-reports";
      default -> c;
    };
  }

  static String reasonJa(String r) {
    return switch (r) {
      case "NOT_A_VULNERABILITY" -> "脆弱性に該当しない";
      case "OUT_OF_SCOPE" -> "対象範囲外";
      case "KNOWN_OR_DUPLICATE" -> "既知・重複";
      case "INSUFFICIENT_INFORMATION" -> "情報不足・回答なし";
      case "SPECIFICATION_CRYPTO_PROTOCOL" -> "暗号・プロトコルの仕様の問題";
      case "UNRECORDED" -> "理由未記録";
      default -> r;
    };
  }

  static String reasonEn(String r) {
    return switch (r) {
      case "NOT_A_VULNERABILITY" -> "not a vulnerability";
      case "OUT_OF_SCOPE" -> "out of scope";
      case "KNOWN_OR_DUPLICATE" -> "known or duplicate";
      case "INSUFFICIENT_INFORMATION" -> "insufficient information, no reply";
      case "SPECIFICATION_CRYPTO_PROTOCOL" -> "specification-level crypto or protocol flaw";
      case "UNRECORDED" -> "reason not recorded";
      default -> r;
    };
  }

  static String stateJa(String s) {
    try {
      return CaseState.valueOf(s).ja();
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static String stateEn(String s) {
    try {
      return CaseState.valueOf(s).en();
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static String groundJa(String g) {
    String[] l = GROUNDS.get(g);
    return l == null ? g : l[0];
  }

  static String groundEn(String g) {
    String[] l = GROUNDS.get(g);
    return l == null ? g : l[1];
  }
}
