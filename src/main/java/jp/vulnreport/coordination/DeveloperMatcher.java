package jp.vulnreport.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which registered developers a report concerns: the developer of the affected product itself
 * (DIRECT: same package URL ignoring the version, same CPE vendor and product, or the same name)
 * and developers whose products contain the affected product according to their SBOM
 * (DOWNSTREAM). Suggestions only: coordination decides whom to contact.
 */
@Service
@Transactional(readOnly = true)
public class DeveloperMatcher {

  /** Why a developer is suggested, strongest first. */
  public enum Basis { PURL, CPE, NAME, SBOM }

  public enum Role { DIRECT, DOWNSTREAM }

  /**
   * One suggested developer and product ({@code productName} is null when only the developer's
   * name matched and none of its registered products).
   */
  public record Suggestion(String developerId, String developerName, String productName, Basis basis, Role role,
      String evidence) {}

  private static final List<String> JAPANESE_COMPANY_FORMS = List.of("株式会社", "有限会社", "合同会社", "合資会社",
      "合名会社", "一般社団法人", "一般財団法人", "(株)", "(有)", "(同)");
  private static final Pattern LATIN_COMPANY_FORMS = Pattern.compile("(?<![\\p{L}\\p{N}])(inc|incorporated|co|corp"
      + "|corporation|company|ltd|limited|llc|l\\.l\\.c|gmbh|plc|k\\.k|kk)(?![\\p{L}\\p{N}])\\.?");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  private final DeveloperRegistry registry;
  private final CaseRegister cases;
  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;

  public DeveloperMatcher(DeveloperRegistry registry, CaseRegister cases, JdbcTemplate jdbc, ObjectMapper mapper) {
    this.registry = registry;
    this.cases = cases;
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** Suggestions for the product of a case's report (none for a website report). */
  public List<Suggestion> forCase(String trackingNumber) {
    CaseRecord c = cases.get(trackingNumber);
    String developer = c.productDeveloper();
    String name = c.productName();
    String purl = null;
    String cpe = null;
    String json = jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?", String.class,
        trackingNumber);
    try {
      JsonNode product = mapper.readTree(json).path("product");
      developer = text(product, "developer", developer);
      name = text(product, "name", name);
      purl = text(product, "purl", null);
      cpe = text(product, "cpe", null);
    } catch (Exception e) {
      // an unreadable (or erased) report: match on the register's developer and product names
    }
    return suggest(developer, name, purl, cpe);
  }

  /** Suggestions for a product described by its developer, name, package URL and CPE (each optional). */
  public List<Suggestion> suggest(String productDeveloper, String productName, String purl, String cpe) {
    String purlBase = DeveloperRegistry.purlBase(purl).orElse(null);
    CpeName cpeName = CpeName.parse(cpe).orElse(null);
    String developerKey = developerKey(productDeveloper);
    String productKey = productKey(productName);

    Map<List<Object>, Suggestion> found = new LinkedHashMap<>();
    Set<String> direct = new HashSet<>();
    Map<String, String> developerNames = new HashMap<>();
    for (DeveloperRegistry.Developer d : registry.summaries()) {
      developerNames.put(d.id(), d.name());
      for (DeveloperRegistry.Product p : d.products()) {
        Suggestion s = null;
        Optional<String> base = DeveloperRegistry.purlBase(p.purl());
        Optional<CpeName> productCpe = CpeName.parse(p.cpe());
        if (purlBase != null && base.isPresent() && base.get().equalsIgnoreCase(purlBase)) {
          s = new Suggestion(d.id(), d.name(), p.name(), Basis.PURL, Role.DIRECT,
              "package URL " + p.purl() + " が届出の " + purl.strip() + " と一致");
        } else if (cpeName != null && productCpe.isPresent() && productCpe.get().sameProduct(cpeName)) {
          s = new Suggestion(d.id(), d.name(), p.name(), Basis.CPE, Role.DIRECT,
              "CPE " + p.cpe() + " が届出の製品 " + cpe.strip() + " と一致");
        } else if (!productKey.isEmpty() && productKey.equals(productKey(p.name()))) {
          s = new Suggestion(d.id(), d.name(), p.name(), Basis.NAME, Role.DIRECT,
              "製品名 " + p.name() + " が届出の " + productName.strip() + " と一致");
        }
        if (s != null) {
          found.put(List.of(d.id(), p.name()), s);
          direct.add(d.id());
        }
      }
      if (!direct.contains(d.id()) && !developerKey.isEmpty() && developerKey.equals(developerKey(d.name()))) {
        found.put(java.util.Arrays.asList(d.id(), null), new Suggestion(d.id(), d.name(), null, Basis.NAME,
            Role.DIRECT, "開発者名 " + d.name() + " が届出の " + productDeveloper.strip() + " と一致"));
        direct.add(d.id());
      }
    }

    if (purlBase != null || cpeName != null || !productKey.isEmpty()) {
      for (DeveloperRegistry.SbomComponent c : registry.sbomComponents()) {
        if (direct.contains(c.developerId())) {
          continue; // the developer of the affected product is contacted as such
        }
        List<Object> key = List.of(c.developerId(), c.productName());
        if (found.containsKey(key)) {
          continue;
        }
        String why = null;
        if (purlBase != null && purlBase.equalsIgnoreCase(c.purlBase())) {
          why = "package URL";
        } else if (cpeName != null && CpeName.parse(c.cpe()).map(x -> x.sameProduct(cpeName)).orElse(false)) {
          why = "CPE";
        } else if (!productKey.isEmpty() && productKey.equals(productKey(c.name()))) {
          why = "製品名";
        }
        if (why != null) {
          String component = c.name() + (c.version() == null ? "" : " " + c.version());
          String identifier = c.purl() != null ? c.purl() : c.cpe();
          found.put(key, new Suggestion(c.developerId(), developerNames.get(c.developerId()), c.productName(),
              Basis.SBOM, Role.DOWNSTREAM, c.productName() + " の SBOM に部品 " + component
              + (identifier == null ? "" : "（" + identifier + "）") + " が含まれる（" + why + " で照合）"));
        }
      }
    }

    List<Suggestion> out = new ArrayList<>(found.values());
    out.sort(Comparator.comparing(Suggestion::role).thenComparing(Suggestion::basis)
        .thenComparing(Suggestion::developerName).thenComparing(Suggestion::developerId)
        .thenComparing(Suggestion::productName, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  /**
   * A developer's name for comparison: NFKC, lower case, without company forms (株式会社, (株), Inc.,
   * Co., Ltd., Corporation ...), spaces and punctuation.
   */
  static String developerKey(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (String form : JAPANESE_COMPANY_FORMS) {
      s = s.replace(form, " ");
    }
    return productKey(LATIN_COMPANY_FORMS.matcher(s).replaceAll(" "));
  }

  /** A product's name for comparison: NFKC, lower case, without spaces and punctuation. */
  static String productKey(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOT_LETTER_OR_DIGIT.matcher(s).replaceAll("");
  }

  private static String text(JsonNode node, String field, String otherwise) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : otherwise;
  }
}
