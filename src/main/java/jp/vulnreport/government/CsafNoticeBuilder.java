package jp.vulnreport.government;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.verification.CvssService;
import org.springframework.stereotype.Component;

/**
 * The structured attachment of a Cabinet Office notice: a CSAF 2.0 document (csaf_base, TLP AMBER
 * or RED, tracking status interim) with the product tree, the vulnerability, its CVSS v3 score and
 * its exploitation status; granted zero-day handling requests as a note (category other).
 */
@Component
public class CsafNoticeBuilder {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final String PRODUCT_ID = "CSAFPID-0001";
  /** The title of the note that carries granted zero-day handling requests. */
  public static final String ZERO_DAY_NOTE_TITLE = "ゼロデイ取扱い要望 / Zero-day handling request";

  private final ObjectMapper mapper;
  private final CvssService cvss;
  private final CweCatalogue cwes;
  private final CsafProperties properties;

  public CsafNoticeBuilder(ObjectMapper mapper, CvssService cvss, CweCatalogue cwes, CsafProperties properties) {
    this.mapper = mapper;
    this.cvss = cvss;
    this.cwes = cwes;
    this.properties = properties;
  }

  public JsonNode build(CaseRecord c, ReportSubmission report, GovernmentNotification n, String tlp,
      OffsetDateTime now) {
    String time = now.withOffsetSameInstant(ZoneOffset.UTC).format(ISO);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode doc = root.putObject("document");
    doc.put("category", "csaf_base");
    doc.put("csaf_version", "2.0");
    doc.putObject("distribution").putObject("tlp").put("label", tlp);
    doc.put("lang", "ja");
    ObjectNode publisher = doc.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", "Information-technology Promotion Agency, Japan (IPA)");
    publisher.put("namespace", properties.noticeNamespace());
    doc.put("title", "[" + c.trackingNumber() + "] " + c.summary());
    ArrayNode notes = doc.putArray("notes");
    note(notes, "summary", "内閣府への通知の根拠 / Grounds", n.grounds() == null ? "-" : n.grounds());
    note(notes, "general", "認知 / Recognition", "認知日時 " + n.recognisedAt() + " / 認知者 " + n.recognisedBy());
    if (n.zeroDayRequest() != null) {
      // a granted zero-day handling request travels with the notice (the document is TLP:RED then)
      note(notes, "other", ZERO_DAY_NOTE_TITLE, n.zeroDayRequest());
    }
    // the document's canonical URL under the publisher's namespace (CSAF 2.0 §3.2.1.12: reference "self")
    ObjectNode self = doc.putArray("references").addObject();
    self.put("category", "self");
    self.put("summary", c.trackingNumber() + " (CSAF)");
    self.put("url", properties.noticeUrl(c.trackingNumber().toLowerCase().replaceAll("[^+\\-a-z0-9]+", "_") + ".json"));
    tracking(doc, c.trackingNumber(), "interim", time, "内閣府への初回通知 / initial notice to the Cabinet Office");

    ObjectNode tree = root.putObject("product_tree");
    ReportSubmission.Product p = report.product();
    String vendor = p != null ? p.developer() : report.website() != null ? report.website().siteName() : "unknown";
    String productName = p != null ? p.name() : report.website() != null ? report.website().url() : "unknown";
    String versions = p != null ? p.versions() : "current";
    ObjectNode vendorBranch = tree.putArray("branches").addObject();
    vendorBranch.put("category", "vendor");
    vendorBranch.put("name", vendor == null ? "unknown" : vendor);
    ObjectNode productBranch = vendorBranch.putArray("branches").addObject();
    productBranch.put("category", "product_name");
    productBranch.put("name", productName);
    ObjectNode versionBranch = productBranch.putArray("branches").addObject();
    // one version as product_version, a range in vers syntax where we can read it (CSAF 2.0 §3.1.2.3.2)
    String versionText = versions == null || versions.isBlank() ? "-" : versions.strip();
    boolean single = Vers.isSingleVersion(versionText);
    versionBranch.put("category", single ? "product_version" : "product_version_range");
    versionBranch.put("name", single ? versionText : Vers.of(versionText).orElse(versionText));
    ObjectNode product = versionBranch.putObject("product");
    product.put("name", vendor + " " + productName + " " + versions);
    product.put("product_id", PRODUCT_ID);
    if (p != null && (p.purl() != null || p.cpe() != null)) {
      ObjectNode helper = product.putObject("product_identification_helper");
      if (p.cpe() != null && p.cpe().startsWith("cpe:2.3:")) {
        helper.put("cpe", p.cpe());
      }
      if (p.purl() != null) {
        helper.put("purl", p.purl());
      }
      if (helper.isEmpty()) {
        product.remove("product_identification_helper");
      }
    }

    ObjectNode vuln = root.putArray("vulnerabilities").addObject();
    String cweName = cwes.name(report.vulnerability().cwe()).orElse(null);
    if (cweName != null) {
      // the CWE catalogue's official name (CSAF 2.0 §6.1.11), not our Japanese type
      ObjectNode cwe = vuln.putObject("cwe");
      cwe.put("id", report.vulnerability().cwe());
      cwe.put("name", cweName);
    }
    ArrayNode vnotes = vuln.putArray("notes");
    note(vnotes, "summary", "概要 / Summary", report.vulnerability().summary());
    note(vnotes, "details", "詳細 / Details", report.vulnerability().details());
    if (report.vulnerability().impact() != null) {
      note(vnotes, "other", "想定される影響 / Impact", report.vulnerability().impact());
    }
    vuln.putObject("product_status").putArray("known_affected").add(PRODUCT_ID);
    if (c.cvssVector() != null && c.cvssVector().startsWith("CVSS:3.")) {
      score(vuln, c.cvssVector(), List.of(PRODUCT_ID));
    }
    ObjectNode threat = vuln.putArray("threats").addObject();
    threat.put("category", "exploit_status");
    threat.put("details", exploitation(c.exploitationStatus()));
    if (report.vulnerability().workaround() != null) {
      ObjectNode remediation = vuln.putArray("remediations").addObject();
      remediation.put("category", "workaround");
      remediation.put("details", report.vulnerability().workaround());
      remediation.putArray("product_ids").add(PRODUCT_ID);
    }
    return sorted(root);
  }

  /** The document with the keys of every object in alphabetical order (CSAF 2.0 §6.2.13). */
  public static ObjectNode sorted(ObjectNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    java.util.Collections.sort(names);
    java.util.Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    for (String name : names) {
      fields.put(name, sortedValue(node.get(name)));
    }
    node.removeAll();
    node.setAll(fields);
    return node;
  }

  private static JsonNode sortedValue(JsonNode value) {
    if (value instanceof ObjectNode o) {
      return sorted(o);
    }
    if (value instanceof ArrayNode a) {
      a.forEach(CsafNoticeBuilder::sortedValue);
    }
    return value;
  }

  /** A CVSS v3 score of {@code vector} for the products, on a CSAF vulnerability. */
  public void score(ObjectNode vuln, String vector, List<String> productIds) {
    var r = cvss.evaluate(vector);
    ObjectNode score = vuln.putArray("scores").addObject();
    ArrayNode products = score.putArray("products");
    productIds.forEach(products::add);
    ObjectNode v3 = score.putObject("cvss_v3");
    v3.put("version", vector.substring(5, 8));
    v3.put("vectorString", r.vector());
    v3.put("baseScore", r.baseScore());
    v3.put("baseSeverity", r.severity());
  }

  /** The document's tracking: version 1, released at {@code time}, one revision. */
  public static void tracking(ObjectNode doc, String id, String status, String time, String summary) {
    ObjectNode tracking = doc.putObject("tracking");
    tracking.put("current_release_date", time);
    tracking.put("id", id);
    tracking.put("initial_release_date", time);
    ObjectNode revision = tracking.putArray("revision_history").addObject();
    revision.put("date", time);
    revision.put("number", "1");
    revision.put("summary", summary);
    tracking.put("status", status);
    tracking.put("version", "1");
  }

  /** A CSAF note. */
  public static void note(ArrayNode notes, String category, String title, String text) {
    ObjectNode note = notes.addObject();
    note.put("category", category);
    note.put("text", text == null || text.isBlank() ? "-" : text);
    note.put("title", title);
  }

  static String exploitation(String status) {
    return switch (status == null ? "UNKNOWN" : status) {
      case "ACTIVE" -> "悪用が確認されている / Exploitation observed (ACTIVE)";
      case "SUSPECTED" -> "悪用の疑い / Exploitation suspected (SUSPECTED)";
      case "PUBLIC_POC" -> "PoC が公開されている / Public proof of concept (PUBLIC_POC)";
      case "NONE" -> "悪用は確認されていない / No known exploitation (NONE)";
      default -> "未評価 / Not yet assessed";
    };
  }
}
