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
import jp.vulnreport.government.CsafProperties;
import jp.vulnreport.government.CsafValidator;
import jp.vulnreport.government.CweCatalogue;
import jp.vulnreport.government.Vers;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.intake.StoredReports;
import jp.vulnreport.links.LinkProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisory of a coordinated case, JVN style, in Japanese and English: title, overview,
 * affected products and versions, impact, countermeasures, vendor statements, the CVE IDs reserved for
 * the case and the credit the discoverer asked for; with a CSAF 2.0 security advisory (product tree with
 * purl and vers ranges, product status, remediations, CVSS, the official CWE name, the JVN number as
 * tracking id and the CVE IDs as aliases) validated against the CSAF 2.0 schema before it is stored.
 * The CSAF document is a draft (version 0) until the publication day, version 1 then; each update after
 * publication is a new version with its own revision entry, earlier versions kept. Public once
 * published, on /advisories/{id}.
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
      LocalDate publicationDate, OffsetDateTime publishedAt, List<String> cveIds, String cweName,
      String overseasCoordinator) {

    public String slug() {
      return slugOf(id);
    }

    /** The CVE IDs (none for advisories stored before they were recorded). */
    public List<String> cves() {
      return cveIds == null ? List.of() : cveIds;
    }
  }

  /** One released version of the CSAF document. */
  public record Revision(int version, OffsetDateTime releasedAt, String summary) {}

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
  private final AdvisoryNumbers numbers;
  private final CweCatalogue cweCatalogue;
  private final CsafProperties csafProperties;
  private final CveRecords cveRecords;

  public Advisories(JdbcTemplate jdbc, CaseRegister register, Coordinations coordinations,
      CaseDevelopers developersOfCase, StoredReports reports, Publications publications, CsafValidator validator,
      ObjectMapper mapper, LinkProperties links, CsafNoticeBuilder csafBuilder, AppProperties properties,
      AdvisoryNumbers numbers, CweCatalogue cweCatalogue, CsafProperties csafProperties, CveRecords cveRecords) {
    this.cveRecords = cveRecords;
    this.csafBuilder = csafBuilder;
    this.numbers = numbers;
    this.cweCatalogue = cweCatalogue;
    this.csafProperties = csafProperties;
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
   * Builds the advisory and its CSAF document (a draft, version 0) from the texts, the case and the
   * coordination, checks the CSAF against the schema and stores both (again on a second draft). The JVN
   * number is taken on the first draft, by the case's origin (an overseas coordinator named: JVNVU#,
   * else JVN#), and kept on later drafts unless the origin changes before publication.
   */
  @Transactional
  public Advisory draft(String trackingNumber, Texts texts, String actor) {
    return draft(trackingNumber, texts, null, null, actor);
  }

  /** Refuses a CVE ID already recorded on another case's advisory ({@link CveIds.InUse}). */
  private void requireUnused(String trackingNumber, List<String> cves) {
    if (cves.isEmpty()) {
      return;
    }
    for (Map<String, Object> row : jdbc.queryForList("SELECT tracking_number, cve_ids FROM vr_publication "
        + "WHERE tracking_number <> ? AND cve_ids IS NOT NULL AND cve_ids <> ''", trackingNumber)) {
      List<String> recorded = List.of(((String) row.get("cve_ids")).strip().split("\\s+"));
      for (String id : cves) {
        if (recorded.contains(id)) {
          throw new CveIds.InUse(id, (String) row.get("tracking_number"));
        }
      }
    }
  }

  /** A draft with the CVE IDs reserved for the case and the overseas coordinator, if any. */
  @Transactional
  public Advisory draft(String trackingNumber, Texts texts, String cveIdsText, String overseasCoordinator,
      String actor) {
    requireTexts(texts);
    List<String> cves = CveIds.parse(cveIdsText);
    requireUnused(trackingNumber, cves);
    String overseas = overseasCoordinator == null || overseasCoordinator.isBlank() ? null : overseasCoordinator.strip();
    if (overseas != null && overseas.length() > 200) {
      throw new IllegalArgumentException("海外調整機関の名前は 200 文字までです / the overseas coordinator's name is "
          + "at most 200 characters");
    }
    if (publishedAt(trackingNumber).isPresent()) {
      throw new IllegalStateException("the advisory of " + trackingNumber + " is published; update it as a new revision");
    }
    AdvisoryNumbers.Origin origin = AdvisoryNumbers.Origin.of(overseas);
    String id = jdbc.queryForList("SELECT advisory_id FROM vr_publication WHERE tracking_number = ?", String.class,
        trackingNumber).stream().filter(java.util.Objects::nonNull).findFirst()
        .filter(existing -> AdvisoryNumbers.isOf(existing, origin)).orElse(null);
    if (id == null) {
      id = numbers.next(origin);
    }
    Advisory a = build(id, trackingNumber, texts, cves, overseas, null);
    OffsetDateTime now = register.now();
    JsonNode csaf = csaf(a, "draft", List.of(new Revision(0, now, "公表前の草稿 / draft before publication")));
    validator.check(csaf);
    cveRecords.records(a);   // each CVE record must be valid before it is needed
    try {
      if (jdbc.update("UPDATE vr_publication SET advisory_id = ?, advisory_json = ?, csaf_json = ?, cve_ids = ?, "
          + "overseas_coordinator = ?, csaf_version = 0 WHERE tracking_number = ?", a.id(), mapper.writeValueAsString(a),
          pretty(csaf), CveIds.join(cves), overseas, trackingNumber) == 0) {
        jdbc.update("INSERT INTO vr_publication (tracking_number, advisory_id, advisory_json, csaf_json, cve_ids, "
            + "overseas_coordinator, csaf_version) VALUES (?, ?, ?, ?, ?, ?, 0)", trackingNumber, a.id(),
            mapper.writeValueAsString(a), pretty(csaf), CveIds.join(cves), overseas);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    register.event(trackingNumber, actor, "ADVISORY_DRAFTED", a.id() + (cves.isEmpty() ? "" : " " + CveIds.join(cves)));
    return a;
  }

  /**
   * Publication day: the advisory and its CSAF (version 1, final, tracking dates of the day) become
   * public; the case closes.
   */
  @Transactional
  public Advisory publish(String trackingNumber) {
    Advisory drafted = stored(trackingNumber).orElseThrow(() -> new IllegalStateException(
        "no advisory was drafted for " + trackingNumber));
    OffsetDateTime now = register.now();
    Advisory a = build(drafted.id(), trackingNumber, drafted.texts(), drafted.cves(), drafted.overseasCoordinator(), now);
    Revision first = new Revision(1, now, "初版 / initial release");
    JsonNode csaf = csaf(a, "final", List.of(first));
    validator.check(csaf);
    cveRecords.records(a);
    try {
      jdbc.update("UPDATE vr_publication SET advisory_json = ?, csaf_json = ?, published_at = ?, csaf_version = 1 "
          + "WHERE tracking_number = ?", mapper.writeValueAsString(a), pretty(csaf), now, trackingNumber);
      jdbc.update("INSERT INTO vr_csaf_revision (tracking_number, version, released_at, summary, released_by, csaf_json) "
          + "VALUES (?, ?, ?, ?, ?, ?)", trackingNumber, 1, now, first.summary(), CaseRegister.SYSTEM, pretty(csaf));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    register.recordPublished(trackingNumber, now, CaseRegister.SYSTEM);
    register.close(trackingNumber, CaseState.PUBLISHED, CaseRegister.SYSTEM);
    return a;
  }

  /**
   * An update of a published advisory: a new version of its CSAF document with a new revision entry
   * (the earlier versions stay as they were released), with new texts and CVE IDs where given (null:
   * unchanged) and the coordination's current state (products, fixes).
   */
  @Transactional
  public Advisory revise(String trackingNumber, Texts texts, String cveIdsText, String summary, String actor) {
    Advisory published = stored(trackingNumber).filter(x -> x.publishedAt() != null).orElseThrow(
        () -> new IllegalArgumentException("公表済みの公表文がありません / the case has no published advisory"));
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("更新の内容（改訂履歴に載ります）を入力してください / the summary of the update "
          + "(it goes into the revision history) is required");
    }
    if (summary.length() > 1000) {
      throw new IllegalArgumentException("更新の内容は 1000 文字までです / the summary is at most 1000 characters");
    }
    Texts t = texts == null ? published.texts() : texts;
    requireTexts(t);
    List<String> cves = cveIdsText == null ? published.cves() : CveIds.parse(cveIdsText);
    requireUnused(trackingNumber, cves);
    List<Revision> history = new ArrayList<>(revisions(trackingNumber));
    OffsetDateTime now = register.now();
    Revision next = new Revision(history.get(history.size() - 1).version() + 1, now, summary.strip());
    history.add(next);
    Advisory a = build(published.id(), trackingNumber, t, cves, published.overseasCoordinator(), published.publishedAt());
    JsonNode csaf = csaf(a, "final", history);
    validator.check(csaf);
    cveRecords.records(a);
    try {
      jdbc.update("UPDATE vr_publication SET advisory_json = ?, csaf_json = ?, cve_ids = ?, csaf_version = ? "
          + "WHERE tracking_number = ?", mapper.writeValueAsString(a), pretty(csaf), CveIds.join(cves), next.version(),
          trackingNumber);
      jdbc.update("INSERT INTO vr_csaf_revision (tracking_number, version, released_at, summary, released_by, csaf_json) "
          + "VALUES (?, ?, ?, ?, ?, ?)", trackingNumber, next.version(), now, next.summary(), actor, pretty(csaf));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    register.event(trackingNumber, actor, "ADVISORY_REVISED", a.id() + " version " + next.version() + ": " + next.summary());
    return a;
  }

  /** The released versions of the case's CSAF document, oldest first (none before publication). */
  public List<Revision> revisions(String trackingNumber) {
    return jdbc.query("SELECT version, released_at, summary FROM vr_csaf_revision WHERE tracking_number = ? "
        + "ORDER BY version", (rs, i) -> new Revision(rs.getInt("version"),
        rs.getObject("released_at", OffsetDateTime.class), rs.getString("summary")), trackingNumber);
  }

  /** One released version of the case's CSAF document. */
  public Optional<String> csafVersion(String trackingNumber, int version) {
    return jdbc.queryForList("SELECT csaf_json FROM vr_csaf_revision WHERE tracking_number = ? AND version = ?",
        String.class, trackingNumber, version).stream().findFirst();
  }

  private Optional<OffsetDateTime> publishedAt(String trackingNumber) {
    return jdbc.queryForList("SELECT published_at FROM vr_publication WHERE tracking_number = ?", OffsetDateTime.class,
        trackingNumber).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  private String pretty(JsonNode json) throws JsonProcessingException {
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json);
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
   * The developer that reported its own product (自社製品届出), by its registered name, once a
   * coordinator confirmed it; empty for a discoverer's report.
   */
  public Optional<String> selfReportedBy(String trackingNumber) {
    if (!"DEVELOPER_SELF_REPORT".equals(register.get(trackingNumber).category())
        || register.timeline(trackingNumber).stream().noneMatch(e -> "SELF_REPORT_CONFIRMED".equals(e.type()))) {
      return Optional.empty(); // a discoverer's report, or a self-report a coordinator did not confirm
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

  private Advisory build(String id, String trackingNumber, Texts texts, List<String> cves, String overseas,
      OffsetDateTime publishedAt) {
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
        String pid = "CSAFPID-" + String.format("%04d", n);
        String fixedId = null;
        if ("AFFECTED".equals(status) && k.fixAvailability() == Coordinations.FixAvailability.AVAILABLE
            && k.fixedVersions() != null) {
          n++;
          fixedId = "CSAFPID-" + String.format("%04d", n);
        }
        products.add(new ProductEntry(pid, k.developerName(), p.name(), p.versions(), p.purl(), p.cpe(), status,
            fixedId == null ? null : k.fixedVersions(), fixedId, k.statement(), k.countermeasure()));
      }
    }
    if (products.isEmpty()) {
      throw new IllegalArgumentException("公表する製品がありません / no product to publish");
    }
    boolean creditWanted = register.reporter(c.reporterId()).map(x -> x.creditWanted()).orElse(false);
    String credit = creditWanted ? register.reporter(c.reporterId()).map(x -> x.creditDisplayName()).orElse(null) : null;
    String cwe = r.vulnerability().cwe();
    return new Advisory(id, trackingNumber, texts, products, cwe, r.vulnerability().type(), c.cvssVector(),
        c.cvssScore() == null ? null : c.cvssScore().toPlainString(), credit,
        c.startDateAt() == null ? null : c.startDateAt().atZoneSameInstant(zone).toLocalDate(),
        publishedAt != null ? publishedAt.atZoneSameInstant(zone).toLocalDate()
            : publications.plannedDate(trackingNumber).orElse(null), publishedAt, List.copyOf(cves),
        cweCatalogue.name(cwe).orElse(null), overseas);
  }

  /** The file name of the advisory's CSAF document (CSAF 2.0 §5.1: the tracking id, lower case, _ for #). */
  public static String csafFileName(String advisoryId) {
    return advisoryId.toLowerCase().replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
  }

  private JsonNode csaf(Advisory a, String status, List<Revision> history) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_security_advisory");
    doc.put("csaf_version", "2.0");
    doc.putObject("distribution").putObject("tlp").put("label", "WHITE");
    doc.put("lang", "ja");
    ObjectNode publisher = doc.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", "JPCERT/CC and IPA (JVN)");
    publisher.put("namespace", csafProperties.advisoryNamespace());
    doc.put("title", a.texts().titleJa() + " / " + a.texts().titleEn());
    ArrayNode notes = doc.putArray("notes");
    CsafNoticeBuilder.note(notes, "summary", "概要 / Overview", a.texts().overviewJa() + "\n\n" + a.texts().overviewEn());
    if (a.overseasCoordinator() != null) {
      CsafNoticeBuilder.note(notes, "general", "調整 / Coordination", "海外の調整機関 " + a.overseasCoordinator()
          + " と調整した案件です。 / Coordinated with the overseas coordinator " + a.overseasCoordinator() + ".");
    }
    ArrayNode refs = doc.putArray("references");
    ObjectNode self = refs.addObject();
    self.put("category", "self");
    self.put("summary", a.id() + " (CSAF)");
    self.put("url", csafProperties.advisoryUrl(csafFileName(a.id())));
    ObjectNode page = refs.addObject();
    page.put("category", "external");
    page.put("summary", a.id() + " (JVN)");
    page.put("url", publicUrl(a));
    for (String cve : a.cves()) {
      ObjectNode ref = refs.addObject();
      ref.put("category", "external");
      ref.put("summary", cve);
      ref.put("url", "https://www.cve.org/CVERecord?id=" + cve);
    }
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
    tracking(doc, a, status, history);

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
      version(versions, p.versions(), p.productId(), p.vendor() + " " + p.product() + " " + p.versions(), p.purl(),
          p.cpe());
      if (p.fixedProductId() != null) {
        version(versions, p.fixedVersions(), p.fixedProductId(), p.vendor() + " " + p.product() + " "
            + p.fixedVersions(), purlAt(p.purl(), p.fixedVersions()), null);
      }
    }

    ArrayNode vulnerabilities = root.putArray("vulnerabilities");
    List<String> cves = a.cves().isEmpty() ? java.util.Collections.singletonList(null) : a.cves();
    for (String cve : cves) {
      vulnerability(vulnerabilities.addObject(), a, cve);
    }
    return CsafNoticeBuilder.sorted(root);
  }

  private void tracking(ObjectNode doc, Advisory a, String status, List<Revision> history) {
    ObjectNode tracking = doc.putObject("tracking");
    if (!a.cves().isEmpty()) {
      ArrayNode aliases = tracking.putArray("aliases");
      a.cves().forEach(aliases::add);
    }
    Revision last = history.get(history.size() - 1);
    tracking.put("current_release_date", utc(last.releasedAt()));
    ObjectNode generator = tracking.putObject("generator");
    generator.putObject("engine").put("name", "vulnreport");
    tracking.put("id", a.id());
    tracking.put("initial_release_date", utc(history.get(0).releasedAt()));
    ArrayNode revisions = tracking.putArray("revision_history");
    for (Revision r : history) {
      ObjectNode revision = revisions.addObject();
      revision.put("date", utc(r.releasedAt()));
      revision.put("number", Integer.toString(r.version()));
      revision.put("summary", r.summary());
    }
    tracking.put("status", status);
    tracking.put("version", Integer.toString(last.version()));
  }

  private void vulnerability(ObjectNode vuln, Advisory a, String cve) {
    if (cve != null) {
      vuln.put("cve", cve);
    }
    if (a.cwe() != null && a.cweName() != null) {
      // the CWE catalogue's official name (CSAF 2.0 §6.1.11); the Japanese type is on our pages
      ObjectNode cwe = vuln.putObject("cwe");
      cwe.put("id", a.cwe());
      cwe.put("name", a.cweName());
    }
    ArrayNode ids = vuln.putArray("ids");
    ObjectNode jvn = ids.addObject();
    jvn.put("system_name", "JVN");
    jvn.put("text", a.id());
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
  }

  /** The package URL of another version of the same package (the fixed one), when it names one version. */
  static String purlAt(String purl, String version) {
    if (purl == null || !purl.startsWith("pkg:") || version == null || !Vers.isSingleVersion(version.strip())) {
      return null;
    }
    int end = purl.length();
    for (char c : new char[] {'?', '#'}) {
      int i = purl.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String base = purl.substring(0, end);
    int at = base.lastIndexOf('@');
    if (at > base.lastIndexOf('/')) {
      base = base.substring(0, at);
    }
    return base + "@" + version.strip() + purl.substring(end);
  }

  private static String utc(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC).format(ISO);
  }

  /**
   * A version branch: a single version as product_version, a range as product_version_range in vers
   * syntax where the text says a range we can read ("2.3 以前", "<= 2.3", "1.0 - 2.3"), else as written.
   */
  private static void version(ArrayNode branches, String text, String id, String fullName, String purl, String cpe) {
    String name = text == null || text.isBlank() ? "-" : text.strip();
    boolean single = Vers.isSingleVersion(name);
    String category = single ? "product_version" : "product_version_range";
    String value = single ? name : Vers.of(name).orElse(name);
    ObjectNode branch = branches.addObject();
    branch.put("category", category);
    branch.put("name", value);
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
