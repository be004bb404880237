package jp.vulnreport.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds IPA's quarterly report counts by (issue 17), with the names people read (Japanese, English).
 * The codes are the values of the form fields websiteFixKind, operatorKind and productKind and of the
 * register's columns website_fix_kind, operator_kind and product_kind (V11__case_kinds.sql).
 */
public final class CaseKinds {

  /** How a website case ended as IPA counts it (修正完了報告の確認; the last one set by the process). */
  public static final Map<String, String[]> WEBSITE_FIX = new LinkedHashMap<>();
  /** The kind of site operator (運営者の連絡先の確認). */
  public static final Map<String, String[]> OPERATOR = new LinkedHashMap<>();
  /** The kind of software product (内容確認). */
  public static final Map<String, String[]> PRODUCT = new LinkedHashMap<>();

  public static final String CLOSED_AFTER_REMINDER = "CLOSED_AFTER_REMINDER";

  static {
    WEBSITE_FIX.put("APPLICATION_FIXED", new String[] {"修正", "fixed in the application"});
    WEBSITE_FIX.put("PAGE_REMOVED", new String[] {"削除", "page or function removed"});
    WEBSITE_FIX.put("OPERATOR_HANDLING", new String[] {"運営者の個別対応", "handled individually by the operator"});
    WEBSITE_FIX.put(CLOSED_AFTER_REMINDER, new String[] {"督促後に終了", "closed after a reminder without answer"});

    OPERATOR.put("COMPANY", new String[] {"企業", "company"});
    OPERATOR.put("ORGANISATION", new String[] {"団体", "organisation"});
    OPERATOR.put("LOCAL_GOVERNMENT", new String[] {"地方公共団体", "local government"});
    OPERATOR.put("INDIVIDUAL", new String[] {"個人", "individual"});

    PRODUCT.put("WEB_APPLICATION", new String[] {"ウェブアプリケーションソフト", "web application software"});
    PRODUCT.put("NETWORK_DEVICE", new String[] {"ルータ・ネットワーク機器", "router, network device"});
    PRODUCT.put("OS", new String[] {"OS", "operating system"});
    PRODUCT.put("BROWSER", new String[] {"ブラウザ", "browser"});
    PRODUCT.put("SMARTPHONE_APP", new String[] {"スマートフォンアプリ", "smartphone app"});
    PRODUCT.put("EMBEDDED_IOT", new String[] {"組込み・IoT機器", "embedded, IoT device"});
    PRODUCT.put("GROUPWARE", new String[] {"グループウェア", "groupware"});
    PRODUCT.put("OTHER", new String[] {"その他", "other"});
  }

  private CaseKinds() {}
}
