package jp.vulnreport.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.vulnreport.notification.MailAddresses;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of product developers (製品開発者): who they are, how to reach them, and their
 * products with package URL, CPE and an optional CycloneDX SBOM whose components are flattened
 * into {@code vr_sbom_component} for finding downstream products of an affected component.
 *
 * <p>Imports (JSON in the API's shape, or CSV) are all-or-nothing and replace developers with the
 * same id. CSV cannot carry SBOMs or PGP keys: a developer replaced by a CSV import keeps its PGP
 * key, and its products keep their registered SBOMs when the CSV names a product of the same name.
 */
@Service
@Transactional
public class DeveloperRegistry {

  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");
  /** The CSV import's header. */
  public static final List<String> CSV_HEADER =
      List.of("id", "name", "registration_type", "contact_emails", "product_name", "purl", "cpe");

  private static final int MAX_NAME = 300;
  private static final int MAX_EMAILS = 2000;
  private static final int MAX_PGP_KEY = 20000;
  private static final int MAX_IDENTIFIER = 1000;
  private static final int MAX_SBOM = 2_000_000;
  private static final int MAX_VERSION = 200;

  public enum RegistrationType {
    /** 法人等: a company, organisation or group. */
    GENERAL,
    /** 個人: an individual developer (personal data). */
    INDIVIDUAL
  }

  public record Developer(String id, String name, RegistrationType registrationType, List<String> contactEmails,
      String pgpKey, List<Product> products) {}

  /** A product; {@code sbom} is the CycloneDX JSON text as registered. */
  public record Product(Long id, String name, String purl, String cpe, String sbom) {}

  /** A component of a registered SBOM, flattened, with its product and developer. */
  record SbomComponent(long productId, String productName, String developerId, String name, String version,
      String purlBase, String purl, String cpe) {}

  private record ParsedComponent(String name, String version, String purlBase, String purl, String cpe) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final JsonParser sbomParser = new JsonParser();

  /** Published when a developer is saved (its products and SBOMs may now match open cases). */
  public record Saved(String developerId) {}

  private final org.springframework.context.ApplicationEventPublisher events;

  public DeveloperRegistry(JdbcTemplate jdbc, ObjectMapper mapper, Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.clock = clock;
    this.events = events;
  }

  /** Creates or replaces a developer (its products and their SBOM components are replaced). */
  public Developer save(Developer d) {
    if (d == null) {
      throw new IllegalArgumentException("a developer is required");
    }
    if (d.id() == null || !ID.matcher(d.id()).matches()) {
      throw new IllegalArgumentException("id: lower-case letters, digits and hyphens, 2 to 40 characters, "
          + "starting with a letter or digit");
    }
    String name = required(d.name(), "name", MAX_NAME);
    if (d.registrationType() == null) {
      throw new IllegalArgumentException("registrationType must be one of " + Arrays.toString(RegistrationType.values()));
    }
    List<String> emails = emails(d.contactEmails());
    String pgpKey = pgpKey(d.pgpKey());
    List<Product> products = d.products() == null ? List.of() : d.products();
    List<Product> clean = new ArrayList<>();
    List<List<ParsedComponent>> components = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < products.size(); i++) {
      Product p = products.get(i);
      String field = "products[" + i + "]";
      if (p == null) {
        throw new IllegalArgumentException(field + " must not be null");
      }
      String productName = required(p.name(), field + ".name", MAX_NAME);
      if (!names.add(productName.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(field + ".name: the product \"" + productName + "\" is listed twice");
      }
      String of = " (product \"" + productName + "\")";
      String purl = purl(p.purl(), field + ".purl" + of);
      String cpe = cpe(p.cpe(), field + ".cpe" + of);
      String sbom = blankToNull(p.sbom());
      components.add(sbom == null ? List.of() : components(sbom, field + ".sbom"));
      clean.add(new Product(null, productName, purl, cpe, sbom));
    }

    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String contacts = String.join("\n", emails);
    if (jdbc.update("UPDATE vr_developer SET name = ?, registration_type = ?, contact_emails = ?, pgp_key = ?, "
        + "updated_at = ? WHERE id = ?", name, d.registrationType().name(), contacts, pgpKey, now, d.id()) == 0) {
      jdbc.update("INSERT INTO vr_developer (id, name, registration_type, contact_emails, pgp_key, created_at, "
          + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", d.id(), name, d.registrationType().name(), contacts, pgpKey,
          now, now);
    }
    // the SBOM components go with their products (ON DELETE CASCADE); deleted explicitly all the same
    jdbc.update("DELETE FROM vr_sbom_component WHERE product_id IN "
        + "(SELECT id FROM vr_developer_product WHERE developer_id = ?)", d.id());
    jdbc.update("DELETE FROM vr_developer_product WHERE developer_id = ?", d.id());
    for (int i = 0; i < clean.size(); i++) {
      Product p = clean.get(i);
      KeyHolder key = new GeneratedKeyHolder();
      jdbc.update(con -> {
        PreparedStatement ps = con.prepareStatement("INSERT INTO vr_developer_product (developer_id, name, purl, "
            + "cpe, sbom) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
        ps.setString(1, d.id());
        ps.setString(2, p.name());
        ps.setString(3, p.purl());
        ps.setString(4, p.cpe());
        ps.setString(5, p.sbom());
        return ps;
      }, key);
      long productId = key.getKey().longValue();
      List<Object[]> rows = components.get(i).stream().map(c -> new Object[] {productId, c.name(), c.version(),
          c.purlBase(), c.purl(), c.cpe()}).toList();
      if (!rows.isEmpty()) {
        jdbc.batchUpdate("INSERT INTO vr_sbom_component (product_id, name, version, purl_base, purl, cpe) "
            + "VALUES (?, ?, ?, ?, ?, ?)", rows);
      }
    }
    events.publishEvent(new Saved(d.id()));
    return get(d.id());
  }

  @Transactional(readOnly = true)
  public Optional<Developer> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return load("WHERE d.id = ?", true, id).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Developer get(String id) {
    return find(id).orElseThrow(() -> new DeveloperNotFoundException(id));
  }

  /** All developers with their products (and SBOMs), by name. */
  @Transactional(readOnly = true)
  public List<Developer> all() {
    return load("", true);
  }

  /** All developers with their products, without the SBOM texts (for matching). */
  @Transactional(readOnly = true)
  List<Developer> summaries() {
    return load("", false);
  }

  /** The flattened components of all registered SBOMs. */
  @Transactional(readOnly = true)
  List<SbomComponent> sbomComponents() {
    return jdbc.query("SELECT c.*, p.name AS product_name, p.developer_id FROM vr_sbom_component c "
        + "JOIN vr_developer_product p ON p.id = c.product_id ORDER BY c.id", (rs, i) -> new SbomComponent(
        rs.getLong("product_id"), rs.getString("product_name"), rs.getString("developer_id"), rs.getString("name"),
        rs.getString("version"), rs.getString("purl_base"), rs.getString("purl"), rs.getString("cpe")));
  }

  @Transactional(readOnly = true)
  public boolean isEmpty() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vr_developer", Integer.class) == 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Imports

  /**
   * Imports a JSON array of developers in the API's shape ({@link #fromJson}); all or nothing.
   *
   * @return the number of developers imported
   */
  public int importJson(String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of developers");
    }
    List<Developer> developers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode node = root.get(i);
      String at = "[" + i + "]";
      try {
        Developer d = fromJson(node, null);
        if (d.id() != null && !ids.add(d.id())) {
          throw new IllegalArgumentException("id: " + d.id() + " appears more than once in the import");
        }
        developers.add(d);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }
    for (int i = 0; i < developers.size(); i++) {
      try {
        save(developers.get(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("[" + i + "] (id " + developers.get(i).id() + "): " + e.getMessage(), e);
      }
    }
    return developers.size();
  }

  /**
   * Imports CSV (RFC 4180, header {@link #CSV_HEADER}): one row per product, rows of one developer
   * grouped by id; {@code contact_emails} separated by {@code ;}; a developer without products has
   * one row with empty product columns. All or nothing.
   *
   * @return the number of developers imported
   */
  public int importCsv(String csv) {
    List<CsvRecord> records = Csv.parse(csv == null ? "" : csv);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("line 1: the CSV is empty; the header must be " + String.join(",", CSV_HEADER));
    }
    CsvRecord header = records.get(0);
    if (!header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(CSV_HEADER)) {
      throw new IllegalArgumentException("line " + header.line() + ": the header must be "
          + String.join(",", CSV_HEADER));
    }
    Map<String, CsvDeveloper> byId = new LinkedHashMap<>();
    for (CsvRecord r : records.subList(1, records.size())) {
      String at = "line " + r.line() + ": ";
      if (r.fields().size() != CSV_HEADER.size()) {
        throw new IllegalArgumentException(at + "expected " + CSV_HEADER.size() + " fields, found " + r.fields().size());
      }
      List<String> f = r.fields().stream().map(String::strip).toList();
      String id = f.get(0);
      if (id.isEmpty()) {
        throw new IllegalArgumentException(at + "id must not be empty");
      }
      CsvDeveloper d = byId.get(id);
      if (d == null) {
        d = new CsvDeveloper(id, r.line(), f.get(1), f.get(2), f.get(3));
        byId.put(id, d);
      } else {
        d.same("name", f.get(1), d.name, r.line());
        d.same("registration_type", f.get(2), d.registrationType, r.line());
        d.same("contact_emails", f.get(3), d.emails, r.line());
      }
      String productName = f.get(4);
      String purl = f.get(5);
      String cpe = f.get(6);
      if (productName.isEmpty()) {
        if (!purl.isEmpty() || !cpe.isEmpty()) {
          throw new IllegalArgumentException(at + "product_name is required when purl or cpe is given");
        }
        continue;
      }
      String of = " (product \"" + productName + "\")";
      purl(purl, at + "purl" + of);
      cpe(cpe, at + "cpe" + of);
      d.products.add(new Product(null, productName, purl, cpe, null));
    }
    int n = 0;
    for (CsvDeveloper c : byId.values()) {
      RegistrationType type;
      try {
        type = c.registrationType.isEmpty() ? null : RegistrationType.valueOf(c.registrationType.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        type = null;
      }
      if (type == null) {
        throw new IllegalArgumentException("line " + c.line + ": registration_type must be one of "
            + Arrays.toString(RegistrationType.values()));
      }
      // CSV carries neither SBOMs nor PGP keys: a replaced developer keeps them
      Map<String, String> sboms = new HashMap<>();
      Optional<Developer> existing = find(c.id);
      existing.ifPresent(old -> old.products().forEach(p -> {
        if (p.sbom() != null) {
          sboms.put(p.name().toLowerCase(Locale.ROOT), p.sbom());
        }
      }));
      List<Product> products = c.products.stream().map(p -> new Product(null, p.name(), p.purl(), p.cpe(),
          sboms.get(p.name().toLowerCase(Locale.ROOT)))).toList();
      List<String> emails = Arrays.stream(c.emails.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      try {
        save(new Developer(c.id, c.name, type, emails, existing.map(Developer::pgpKey).orElse(null), products));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + c.line + " (id " + c.id + "): " + e.getMessage(), e);
      }
      n++;
    }
    return n;
  }

  /**
   * A developer from JSON in the API's shape: {@code id} (unless {@code id} is given),
   * {@code name}, {@code registrationType}, {@code contactEmails} (array), {@code pgpKey},
   * {@code products} (array of {@code name}, {@code purl}, {@code cpe}, {@code sbom}: a CycloneDX
   * JSON object). Other fields (such as a product's {@code id} from a GET) are ignored.
   */
  public Developer fromJson(JsonNode node, String id) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a developer must be a JSON object");
    }
    String bodyId = text(node, "id");
    if (id != null && bodyId != null && !bodyId.equals(id)) {
      throw new IllegalArgumentException("id: the body's id " + bodyId + " differs from the path's " + id);
    }
    String typeText = text(node, "registrationType");
    RegistrationType type = null;
    if (typeText != null) {
      try {
        type = RegistrationType.valueOf(typeText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("registrationType must be one of "
            + Arrays.toString(RegistrationType.values()));
      }
    }
    List<String> emails = new ArrayList<>();
    JsonNode e = node.get("contactEmails");
    if (e != null && e.isArray()) {
      for (int i = 0; i < e.size(); i++) {
        if (!e.get(i).isTextual()) {
          throw new IllegalArgumentException("contactEmails[" + i + "] must be a string");
        }
        emails.add(e.get(i).asText());
      }
    } else if (e != null && e.isTextual()) {
      emails.add(e.asText());
    } else if (e != null && !e.isNull()) {
      throw new IllegalArgumentException("contactEmails must be an array of mail addresses");
    }
    List<Product> products = new ArrayList<>();
    JsonNode ps = node.get("products");
    if (ps != null && !ps.isNull() && !ps.isArray()) {
      throw new IllegalArgumentException("products must be an array");
    }
    if (ps != null && ps.isArray()) {
      for (int i = 0; i < ps.size(); i++) {
        JsonNode p = ps.get(i);
        String field = "products[" + i + "]";
        if (!p.isObject()) {
          throw new IllegalArgumentException(field + " must be a JSON object");
        }
        JsonNode sbom = p.get("sbom");
        String sbomText;
        if (sbom == null || sbom.isNull()) {
          sbomText = null;
        } else if (sbom.isObject()) {
          try {
            sbomText = mapper.writeValueAsString(sbom);
          } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
          }
        } else if (sbom.isTextual()) {
          sbomText = sbom.asText();
        } else {
          throw new IllegalArgumentException(field + ".sbom: not a CycloneDX JSON document: must be a JSON object");
        }
        products.add(new Product(null, text(p, "name", field + ".name"), text(p, "purl", field + ".purl"),
            text(p, "cpe", field + ".cpe"), sbomText));
      }
    }
    return new Developer(id != null ? id : bodyId, text(node, "name"), type, emails, text(node, "pgpKey"), products);
  }

  // ---------------------------------------------------------------------------------------------
  // Identifiers

  /** {@code type/namespace/name} of a package URL (the version and qualifiers dropped), if it is one. */
  static Optional<String> purlBase(String purl) {
    if (purl == null || purl.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(base(new PackageURL(purl.strip())));
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String base(PackageURL p) {
    return p.getType().toLowerCase(Locale.ROOT) + "/"
        + (p.getNamespace() == null || p.getNamespace().isEmpty() ? "" : p.getNamespace() + "/") + p.getName();
  }

  private static String purl(String purl, String field) {
    String s = blankToNull(purl);
    if (s == null) {
      return null;
    }
    if (s.length() > MAX_IDENTIFIER) {
      throw new IllegalArgumentException(field + ": at most " + MAX_IDENTIFIER + " characters");
    }
    try {
      new PackageURL(s);
      return s;
    } catch (MalformedPackageURLException | RuntimeException e) {
      throw new IllegalArgumentException(field + ": \"" + s + "\" is not a package URL (" + e.getMessage() + ")");
    }
  }

  private static String cpe(String cpe, String field) {
    String s = blankToNull(cpe);
    if (s == null) {
      return null;
    }
    if (CpeName.parse(s).isEmpty()) {
      throw new IllegalArgumentException(field + ": \"" + abbreviated(s) + "\" is not a CPE 2.3 formatted string "
          + "(cpe:2.3:part:vendor:product:...) or CPE 2.2 URI (cpe:/part:vendor:product)");
    }
    return s;
  }

  private List<ParsedComponent> components(String sbom, String field) {
    String prefix = field + ": not a CycloneDX JSON document: ";
    if (sbom.length() > MAX_SBOM) {
      throw new IllegalArgumentException(prefix + "larger than " + MAX_SBOM + " characters");
    }
    Bom bom;
    try {
      bom = sbomParser.parse(sbom.getBytes(StandardCharsets.UTF_8));
    } catch (ParseException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(prefix + abbreviated(message));
    }
    if (bom == null || !"CycloneDX".equals(bom.getBomFormat())) {
      throw new IllegalArgumentException(prefix + "bomFormat must be \"CycloneDX\"");
    }
    if (bom.getSpecVersion() == null || bom.getSpecVersion().isBlank()) {
      throw new IllegalArgumentException(prefix + "specVersion is missing");
    }
    List<ParsedComponent> out = new ArrayList<>();
    flatten(bom.getComponents(), out, 0);
    return out;
  }

  private static void flatten(List<Component> components, List<ParsedComponent> out, int depth) {
    if (components == null || depth > 50) {
      return;
    }
    for (Component c : components) {
      if (c == null) {
        continue;
      }
      String name = blankToNull(c.getName());
      if (name != null) {
        String purl = blankToNull(c.getPurl());
        String cpe = blankToNull(c.getCpe());
        out.add(new ParsedComponent(cut(name, MAX_NAME), cut(blankToNull(c.getVersion()), MAX_VERSION),
            purlBase(purl).filter(b -> b.length() <= MAX_IDENTIFIER).orElse(null),
            purl != null && purl.length() <= MAX_IDENTIFIER ? purl : null,
            cpe != null && cpe.length() <= MAX_IDENTIFIER ? cpe : null));
      }
      flatten(c.getComponents(), out, depth + 1);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private List<Developer> load(String where, boolean withSbom, Object... args) {
    List<Developer> developers = jdbc.query("SELECT * FROM vr_developer d " + where + " ORDER BY d.name, d.id",
        (rs, i) -> new Developer(rs.getString("id"), rs.getString("name"),
            RegistrationType.valueOf(rs.getString("registration_type")),
            List.of(rs.getString("contact_emails").split("\n")), rs.getString("pgp_key"), new ArrayList<>()),
        args);
    if (developers.isEmpty()) {
      return developers;
    }
    Map<String, Developer> byId = new HashMap<>();
    developers.forEach(d -> byId.put(d.id(), d));
    jdbc.query("SELECT p.id, p.developer_id, p.name, p.purl, p.cpe, " + (withSbom ? "p.sbom" : "NULL AS sbom")
        + " FROM vr_developer_product p JOIN vr_developer d ON d.id = p.developer_id " + where + " ORDER BY p.id",
        rs -> {
          Developer d = byId.get(rs.getString("developer_id"));
          d.products().add(new Product(rs.getLong("id"), rs.getString("name"), rs.getString("purl"),
              rs.getString("cpe"), rs.getString("sbom")));
        }, args);
    return developers.stream().map(d -> new Developer(d.id(), d.name(), d.registrationType(), d.contactEmails(),
        d.pgpKey(), List.copyOf(d.products()))).toList();
  }

  private static List<String> emails(List<String> emails) {
    List<String> out = new ArrayList<>();
    if (emails != null) {
      for (int i = 0; i < emails.size(); i++) {
        String e = emails.get(i) == null ? "" : emails.get(i).strip();
        if (!MailAddresses.valid(e)) {
          throw new IllegalArgumentException("contactEmails[" + i + "]: \"" + abbreviated(e)
              + "\" is not a mail address");
        }
        if (out.stream().noneMatch(e::equalsIgnoreCase)) {
          out.add(e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("contactEmails: at least one mail address is required");
    }
    if (String.join("\n", out).length() > MAX_EMAILS) {
      throw new IllegalArgumentException("contactEmails: at most " + MAX_EMAILS + " characters in all");
    }
    return out;
  }

  private static String pgpKey(String key) {
    String k = blankToNull(key);
    if (k == null) {
      return null;
    }
    if (k.length() > MAX_PGP_KEY) {
      throw new IllegalArgumentException("pgpKey: at most " + MAX_PGP_KEY + " characters");
    }
    if (!k.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----") || !k.contains("-----END PGP PUBLIC KEY BLOCK-----")) {
      throw new IllegalArgumentException("pgpKey: not an ASCII-armoured OpenPGP public key block");
    }
    return k;
  }

  private static String required(String value, String field, int max) {
    String v = blankToNull(value);
    if (v == null) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (v.length() > max) {
      throw new IllegalArgumentException(field + ": at most " + max + " characters");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    return text(node, field, field);
  }

  private static String text(JsonNode node, String field, String label) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(label + " must be a string");
    }
    return v.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String abbreviated(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  // ---------------------------------------------------------------------------------------------
  // CSV (RFC 4180)

  private static final class CsvDeveloper {
    final String id;
    final int line;
    final String name;
    final String registrationType;
    final String emails;
    final List<Product> products = new ArrayList<>();

    CsvDeveloper(String id, int line, String name, String registrationType, String emails) {
      this.id = id;
      this.line = line;
      this.name = name;
      this.registrationType = registrationType;
      this.emails = emails;
    }

    /** Later rows of a developer repeat its columns or leave them empty. */
    void same(String column, String value, String first, int at) {
      if (!value.isEmpty() && !value.equals(first)) {
        throw new IllegalArgumentException("line " + at + ": " + column + " of " + id + " differs from line " + line);
      }
    }
  }

  /** A CSV record and the line it starts on (1-based). */
  record CsvRecord(int line, List<String> fields) {}

  static final class Csv {

    private Csv() {}

    /** Records of RFC 4180 CSV (LF or CRLF, quoted fields with commas, quotes and line breaks); blank lines skipped. */
    static List<CsvRecord> parse(String text) {
      String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
      List<CsvRecord> records = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean closed = false; // after a quoted field's closing quote
      int line = 1;
      int start = 1;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
              closed = true;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
        } else if (c == '"') {
          if (field.length() > 0 || closed) {
            throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field "
                + "(quote the whole field and double the quote)");
          }
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          closed = false;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
          fields.add(field.toString());
          if (fields.size() > 1 || !fields.get(0).isBlank() || closed) {
            records.add(new CsvRecord(start, List.copyOf(fields)));
          }
          fields.clear();
          field.setLength(0);
          closed = false;
          line++;
          start = line;
        } else {
          if (closed) {
            throw new IllegalArgumentException("line " + line + ": characters after the closing quote of a field");
          }
          field.append(c);
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("line " + start + ": a quoted field is not closed");
      }
      fields.add(field.toString());
      if (fields.size() > 1 || !fields.get(0).isBlank() || closed) {
        records.add(new CsvRecord(start, List.copyOf(fields)));
      }
      return records;
    }
  }
}
