package jp.vulnreport.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.government.CsafNoticeBuilder;
import jp.vulnreport.government.CsafValidator;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.intake.StoredReports;
import jp.vulnreport.links.LinkProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisory of a coordinated case, JVN style, in Japanese and English: title, overview,
 * affected products and versions, impact, countermeasures, vendor statements and the credit the
 * discoverer asked for; with a CSAF 2.0 security advisory (product tree with purl, product status,
 * remediations, CVSS, tracking status final) validated against the CSAF 2.0 schema before it is
 * stored. Public once published, on /advisories/{id}.
 */
@Service
public class Advisories {

  /** What coordinators write (Japanese and English). */
  public record Texts(String titleJa, String titleEn, String overviewJa, String overviewEn, String impactJa,
      String impactEn, String solutionJa, String solutionEn) {}

  /** One product line of the advisory, per developer. */
  public record ProductEntry(String productId, String vendor, String product, String versions, String purl,
      String cpe, String status, String fixedVersions, String fixedProductId, String statement,
      String countermeasure) {}

  /** The advisory as the public page shows it. */
  public record Advisory(String id, String trackingNumber, Texts texts, List<ProductEntry> products, String cwe,
      String vulnType, String cvssVector, String cvssScore, String credit, LocalDate startDate,
      LocalDate publicationDate, OffsetDateTime publishedAt) {

    public String slug() {
      return slugOf(id);
    }
  }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final Coordinations coordinations;
  private final CaseDevelopers developersOfCase;
  private final StoredReports reports;
  private final Publications publications;
  private final CsafValidator validator;
  private final ObjectMapper mapper;
  private final LinkProperties links;
  private final CsafNoticeBuilder csafBuilder;
  private final ZoneId zone;

  public Advisories(JdbcTemplate jdbc, CaseRegister register, Coordinations coordinations,
      CaseDevelopers developersOfCase, StoredReports reports, Publications publications, CsafValidator validator,
      ObjectMapper mapper, LinkProperties links, CsafNoticeBuilder csafBuilder, AppProperties properties) {
    this.csafBuilder = csafBuilder;
    this.jdbc = jdbc;
    this.register = register;
    this.coordinations = coordinations;
    this.developersOfCase = developersOfCase;
    this.reports = reports;
    this.publications = publications;
    this.validator = validator;
    this.mapper = mapper;
    this.links = links;
    this.zone = properties.timeZone();
  }

  /** The advisory id for a case: JVNVU# and the tracking number's digits (unique as the case is). */
  public static String idFor(String trackingNumber) {
    return "JVNVU#" + trackingNumber.replaceAll("[^0-9]", "");
  }

  public static String slugOf(String id) {
    return id.replace("#", "");
  }

  /** What the draft form starts from: the report's words, the developers' countermeasures. */
  public Map<String, String> prefill(String trackingNumber) {
    CaseRecord c = register.get(trackingNumber);
    ReportSubmission r = reports.get(trackingNumber);
    String product = c.productDeveloper() + " が提供する " + c.productName();
    StringBuilder solution = new StringBuilder();
    for (Coordinations.Coordination k : coordinations.forCase(trackingNumber)) {
      if (k.countermeasure() != null) {
        solution.append(solution.isEmpty() ? "" : "\n").append(k.developerName()).append(": ").append(k.countermeasure());
      }
    }
    if (solution.isEmpty() && r.vulnerability().workaround() != null) {
      solution.append(r.vulnerability().workaround());
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("advisoryTitleJa", c.productName() + " における" + r.vulnerability().type() + "の脆弱性");
    m.put("advisoryTitleEn", "Vulnerability (" + (r.vulnerability().cwe() == null ? r.vulnerability().type()
        : r.vulnerability().cwe()) + ") in " + c.productName());
    m.put("advisoryOverviewJa", product + " には、次の脆弱性が存在します。\n" + r.vulnerability().summary());
    m.put("advisoryOverviewEn", "");
    m.put("advisoryImpactJa", r.vulnerability().impact() == null ? "" : r.vulnerability().impact());
    m.put("advisoryImpactEn", "");
    m.put("advisorySolutionJa", solution.toString());
    m.put("advisorySolutionEn", "");
    return m;
  }

  /**
   * Builds the advisory and its CSAF document from the texts, the case and the coordination, checks
   * the CSAF against the schema and stores both (again on a second draft).
   */
  @Transactional
  public Advisory draft(String trackingNumber, Texts texts, String actor) {
    requireTexts(texts);
    Advisory a = build(trackingNumber, texts, null);
    JsonNode csaf = csaf(a, OffsetDateTime.now(ZoneOffset.UTC));
    validator.check(csaf);
    try {
      jdbc.update("UPDATE vr_publication SET advisory_id = ?, advisory_json = ?, csaf_json = ? WHERE tracking_number = ?",
          a.id(), mapper.writeValueAsString(a), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(csaf),
          trackingNumber);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    register.event(trackingNumber, actor, "ADVISORY_DRAFTED", a.id());
    return a;
  }

  /** Publication day: the advisory and its CSAF (tracking dates of the day) become public; the case closes. */
  @Transactional
  public Advisory publish(String trackingNumber) {
    Advisory drafted = stored(trackingNumber).orElseThrow(() -> new IllegalStateException(
        "no advisory was drafted for " + trackingNumber));
    OffsetDateTime now = register.now();
    Advisory a = build(trackingNumber, drafted.texts(), now);
    JsonNode csaf = csaf(a, now);
    validator.check(csaf);
    try {
      jdbc.update("UPDATE vr_publication SET advisory_json = ?, csaf_json = ?, published_at = ? WHERE tracking_number = ?",
          mapper.writeValueAsString(a), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(csaf), now,
          trackingNumber);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    register.recordPublished(trackingNumber, now, CaseRegister.SYSTEM);
    register.close(trackingNumber, CaseState.PUBLISHED, CaseRegister.SYSTEM);
    return a;
  }

  /** The stored advisory of a case (drafted or published). */
  public Optional<Advisory> stored(String trackingNumber) {
    return jdbc.queryForList("SELECT advisory_json FROM vr_publication WHERE tracking_number = ? AND advisory_json IS NOT NULL",
        String.class, trackingNumber).stream().findFirst().map(this::read);
  }

  /** How the advisory and its CSAF say that the developer reported the vulnerability itself. */
  public static final String SELF_REPORT_JA = "この脆弱性情報は、製品開発者自身から届出されたものです（製品開発者自身からの届出）";
  public static final String SELF_REPORT_EN = "Reported by the developer (the product developer reported this vulnerability in its own product)";

  /**
   * The developer that reported its own product (自社製品届出), by its registered name; empty for a
   * discoverer's report.
   */
  public Optional<String> selfReportedBy(String trackingNumber) {
    if (!"DEVELOPER_SELF_REPORT".equals(register.get(trackingNumber).category())) {
      return Optional.empty();
    }
    return coordinations.forCase(trackingNumber).stream().map(Coordinations.Coordination::developerName).findFirst()
        .or(() -> Optional.ofNullable(register.get(trackingNumber).productDeveloper()));
  }

  /** A published advisory by its public slug (JVNVU202600012). */
  public Optional<Advisory> published(String slug) {
    return jdbc.queryForList("SELECT advisory_json FROM vr_publication WHERE published_at IS NOT NULL "
        + "AND REPLACE(advisory_id, '#', '') = ?", String.class, slug).stream().findFirst().map(this::read);
  }

  public Optional<String> publishedCsaf(String slug) {
    return jdbc.queryForList("SELECT csaf_json FROM vr_publication WHERE published_at IS NOT NULL "
        + "AND REPLACE(advisory_id, '#', '') = ?", String.class, slug).stream().findFirst();
  }

  /** The stored CSAF of a case (for staff and tests). */
  public Optional<String> csafOf(String trackingNumber) {
    return jdbc.queryForList("SELECT csaf_json FROM vr_publication WHERE tracking_number = ? AND csaf_json IS NOT NULL",
        String.class, trackingNumber).stream().findFirst();
  }

  /** Every published advisory, newest first. */
  public List<Advisory> allPublished() {
    return jdbc.queryForList("SELECT advisory_json FROM vr_publication WHERE published_at IS NOT NULL "
        + "ORDER BY published_at DESC", String.class).stream().map(this::read).toList();
  }

  public String publicUrl(Advisory a) {
    return links.publicUrl("/advisories/" + a.slug());
  }

  private Advisory read(String json) {
    try {
      return mapper.readValue(json, Advisory.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored advisory is unreadable", e);
    }
  }

  private Advisory build(String trackingNumber, Texts texts, OffsetDateTime publishedAt) {
    CaseRecord c = register.get(trackingNumber);
    ReportSubmission r = reports.get(trackingNumber);
    ReportSubmission.Product reported = r.product();
    List<ProductEntry> products = new ArrayList<>();
    int n = 0;
    for (Coordinations.Coordination k : coordinations.forCase(trackingNumber)) {
      String status = switch (k.outcome() == null ? Coordinations.Outcome.READY : k.outcome()) {
        case NOT_AFFECTED -> "NOT_AFFECTED";
        case COMMITTEE_PUBLISH -> "UNREACHABLE";
        case COMMITTEE_NOT_PUBLISH -> null;
        default -> k.status() == Coordinations.Status.NOT_AFFECTED ? "NOT_AFFECTED" : "AFFECTED";
      };
      if (status == null) {
        continue;   // the committee decided not to publish this developer's part
      }
      for (CaseDevelopers.AffectedProduct p : developersOfCase.affectedProducts(k, reported)) {
        n++;
        String id = "CSAFPID-" + String.format("%04d", n);
        String fixedId = null;
        if ("AFFECTED".equals(status) && k.fixAvailability() == Coordinations.FixAvailability.AVAILABLE
            && k.fixedVersions() != null) {
          n++;
          fixedId = "CSAFPID-" + String.format("%04d", n);
        }
        products.add(new ProductEntry(id, k.developerName(), p.name(), p.versions(), p.purl(), p.cpe(), status,
            fixedId == null ? null : k.fixedVersions(), fixedId, k.statement(), k.countermeasure()));
      }
    }
    if (products.isEmpty()) {
      throw new IllegalArgumentException("公表する製品がありません / no product to publish");
    }
    boolean creditWanted = register.reporter(c.reporterId()).map(x -> x.creditWanted()).orElse(false);
    String credit = creditWanted ? register.reporter(c.reporterId()).map(x -> x.creditDisplayName()).orElse(null) : null;
    return new Advisory(idFor(trackingNumber), trackingNumber, texts, products, r.vulnerability().cwe(),
        r.vulnerability().type(), c.cvssVector(), c.cvssScore() == null ? null : c.cvssScore().toPlainString(),
        credit, c.startDateAt() == null ? null : c.startDateAt().atZoneSameInstant(zone).toLocalDate(),
        publishedAt != null ? publishedAt.atZoneSameInstant(zone).toLocalDate()
            : publications.plannedDate(trackingNumber).orElse(null), publishedAt);
  }

  private JsonNode csaf(Advisory a, OffsetDateTime now) {
    String time = now.withOffsetSameInstant(ZoneOffset.UTC).format(ISO);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_security_advisory");
    doc.put("csaf_version", "2.0");
    doc.putObject("distribution").putObject("tlp").put("label", "WHITE");
    doc.put("lang", "ja");
    ObjectNode publisher = doc.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", "JPCERT/CC and IPA (JVN)");
    publisher.put("namespace", "https://jvn.jp");
    doc.put("title", a.texts().titleJa() + " / " + a.texts().titleEn());
    ArrayNode notes = doc.putArray("notes");
    CsafNoticeBuilder.note(notes, "summary", "概要 / Overview", a.texts().overviewJa() + "\n\n" + a.texts().overviewEn());
    ObjectNode ref = doc.putArray("references").addObject();
    ref.put("category", "self");
    ref.put("summary", a.id());
    ref.put("url", publicUrl(a));
    if (a.credit() != null) {
      doc.putArray("acknowledgments").addObject().putArray("names").add(a.credit());
    }
    selfReportedBy(a.trackingNumber()).ifPresent(developer -> {
      // a developer's own report (自社製品届出): the developer reported it, there is no discoverer to credit
      ArrayNode acks = doc.has("acknowledgments") ? (ArrayNode) doc.get("acknowledgments") : doc.putArray("acknowledgments");
      ObjectNode ack = acks.addObject();
      ack.put("organization", developer);
      ack.put("summary", SELF_REPORT_JA + " / " + SELF_REPORT_EN);
      CsafNoticeBuilder.note(notes, "general", "届出 / Report", SELF_REPORT_JA + "（" + developer + "）\n\n"
          + SELF_REPORT_EN + " (" + developer + ").");
    });
    CsafNoticeBuilder.tracking(doc, a.id(), "final", time, "初版 / initial release");

    ArrayNode vendors = root.putObject("product_tree").putArray("branches");
    Map<String, ArrayNode> vendorBranches = new LinkedHashMap<>();
    for (ProductEntry p : a.products()) {
      ArrayNode productBranches = vendorBranches.computeIfAbsent(p.vendor(), v -> {
        ObjectNode vendor = vendors.addObject();
        vendor.put("category", "vendor");
        vendor.put("name", v);
        return vendor.putArray("branches");
      });
      ObjectNode productBranch = productBranches.addObject();
      productBranch.put("category", "product_name");
      productBranch.put("name", p.product());
      ArrayNode versions = productBranch.putArray("branches");
      product(versions, "product_version_range", p.versions(), p.productId(), p.vendor() + " " + p.product() + " "
          + p.versions(), p.purl(), p.cpe());
      if (p.fixedProductId() != null) {
        product(versions, "product_version", p.fixedVersions(), p.fixedProductId(), p.vendor() + " " + p.product()
            + " " + p.fixedVersions(), null, null);
      }
    }

    ObjectNode vuln = root.putArray("vulnerabilities").addObject();
    if (a.cwe() != null && !a.cwe().isBlank()) {
      ObjectNode cwe = vuln.putObject("cwe");
      cwe.put("id", a.cwe());
      cwe.put("name", a.vulnType());
    }
    ArrayNode vnotes = vuln.putArray("notes");
    CsafNoticeBuilder.note(vnotes, "description", "概要 / Overview", a.texts().overviewJa() + "\n\n" + a.texts().overviewEn());
    CsafNoticeBuilder.note(vnotes, "general", "想定される影響 / Impact", a.texts().impactJa() + "\n\n" + a.texts().impactEn());
    ObjectNode status = vuln.putObject("product_status");
    List<String> affected = ids(a, "AFFECTED", false);
    affected.addAll(ids(a, "UNREACHABLE", false));
    putIds(status, "known_affected", affected);
    putIds(status, "known_not_affected", ids(a, "NOT_AFFECTED", false));
    putIds(status, "fixed", ids(a, "AFFECTED", true));
    ArrayNode remediations = vuln.putArray("remediations");
    for (ProductEntry p : a.products()) {
      if ("NOT_AFFECTED".equals(p.status())) {
        continue;
      }
      ObjectNode rem = remediations.addObject();
      if (p.fixedProductId() != null) {
        rem.put("category", "vendor_fix");
        rem.put("details", text(p.countermeasure(), "修正版 / fixed in " + p.fixedVersions()));
      } else if ("UNREACHABLE".equals(p.status())) {
        rem.put("category", "none_available");
        rem.put("details", "製品開発者と連絡が取れないため、対策情報はありません（公表判定委員会の判断により公表）。"
            + " / The developer could not be reached; no fix is known (published by decision of the publication judgement committee).");
      } else {
        rem.put("category", p.countermeasure() != null ? "mitigation" : "none_available");
        rem.put("details", text(p.countermeasure(), text(a.texts().solutionJa(), "対策は未定です / no fix yet")));
      }
      rem.putArray("product_ids").add(p.productId());
    }
    if (remediations.isEmpty()) {
      vuln.remove("remediations");
    }
    if (a.cvssVector() != null && a.cvssVector().startsWith("CVSS:3.") && !affected.isEmpty()) {
      csafBuilder.score(vuln, a.cvssVector(), affected);
    }
    return root;
  }

  private static void product(ArrayNode branches, String category, String name, String id, String fullName,
      String purl, String cpe) {
    ObjectNode branch = branches.addObject();
    branch.put("category", category);
    branch.put("name", name == null || name.isBlank() ? "-" : name);
    ObjectNode product = branch.putObject("product");
    product.put("name", fullName);
    product.put("product_id", id);
    ObjectNode helper = product.putObject("product_identification_helper");
    if (cpe != null && cpe.startsWith("cpe:2.3:")) {
      helper.put("cpe", cpe);
    }
    if (purl != null && purl.startsWith("pkg:")) {
      helper.put("purl", purl);
    }
    if (helper.isEmpty()) {
      product.remove("product_identification_helper");
    }
  }

  private static List<String> ids(Advisory a, String status, boolean fixed) {
    List<String> out = new ArrayList<>();
    for (ProductEntry p : a.products()) {
      if (status.equals(p.status())) {
        if (!fixed) {
          out.add(p.productId());
        } else if (p.fixedProductId() != null) {
          out.add(p.fixedProductId());
        }
      }
    }
    return out;
  }

  private static void putIds(ObjectNode status, String field, List<String> ids) {
    if (!ids.isEmpty()) {
      ArrayNode arr = status.putArray(field);
      ids.forEach(arr::add);
    }
  }

  private static String text(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static void requireTexts(Texts t) {
    if (t == null || blank(t.titleJa()) || blank(t.titleEn()) || blank(t.overviewJa()) || blank(t.overviewEn())
        || blank(t.impactJa()) || blank(t.impactEn()) || blank(t.solutionJa()) || blank(t.solutionEn())) {
      throw new IllegalArgumentException("公表文は日本語と英語のすべての欄が必要です（タイトル・概要・影響・対策） / "
          + "every field of the advisory is needed in Japanese and English (title, overview, impact, solution)");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
