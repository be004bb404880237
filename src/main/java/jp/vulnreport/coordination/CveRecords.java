package jp.vulnreport.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.government.CsafProperties;
import jp.vulnreport.government.Vers;
import jp.vulnreport.links.LinkProperties;
import jp.vulnreport.verification.CvssService;
import org.springframework.stereotype.Service;

/**
 * The CVE record of each CVE ID of an advisory, as JPCERT/CC (a CNA) submits it: a CVE JSON 5 record
 * whose {@code containers.cna} is the CNA container (providerMetadata, English and Japanese descriptions,
 * affected vendors/products/versions with their status, the CWE as problem type, references with the
 * JVN page, the CVSS v3.1 metrics where known, credits), checked against the official CVE Record
 * Format schema ({@link CveRecordValidator}).
 */
@Service
public class CveRecords {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private final ObjectMapper mapper;
  private final CveProperties properties;
  private final CveRecordValidator validator;
  private final CvssService cvss;
  private final LinkProperties links;
  private final CsafProperties csaf;
  private final CaseRegister register;

  public CveRecords(ObjectMapper mapper, CveProperties properties, CveRecordValidator validator, CvssService cvss,
      LinkProperties links, CsafProperties csaf, CaseRegister register) {
    this.mapper = mapper;
    this.properties = properties;
    this.validator = validator;
    this.cvss = cvss;
    this.links = links;
    this.csaf = csaf;
    this.register = register;
  }

  /** The record of {@code cveId} of the advisory, validated; an ID the advisory does not carry is refused. */
  public JsonNode record(Advisories.Advisory a, String cveId) {
    if (!a.cves().contains(cveId)) {
      throw new IllegalArgumentException(cveId + " は " + a.id() + " の CVE ID ではありません / " + cveId
          + " is not a CVE ID of " + a.id());
    }
    JsonNode record = build(a, cveId, a.publishedAt() == null ? register.now() : a.publishedAt());
    validator.check(record);
    return record;
  }

  /** Every record of the advisory, validated (at drafting: a problem is the coordinator's to fix). */
  public List<JsonNode> records(Advisories.Advisory a) {
    return a.cves().stream().map(id -> record(a, id)).toList();
  }

  ObjectNode build(Advisories.Advisory a, String cveId, OffsetDateTime published) {
    String time = published.withOffsetSameInstant(ZoneOffset.UTC).format(ISO);
    ObjectNode root = mapper.createObjectNode();
    root.put("dataType", "CVE_RECORD");
    root.put("dataVersion", CveRecordValidator.DATA_VERSION);
    ObjectNode meta = root.putObject("cveMetadata");
    meta.put("cveId", cveId);
    meta.put("assignerOrgId", properties.orgId());
    meta.put("assignerShortName", properties.shortName());
    meta.put("state", "PUBLISHED");
    meta.put("datePublished", time);
    ObjectNode cna = root.putObject("containers").putObject("cna");
    ObjectNode provider = cna.putObject("providerMetadata");
    provider.put("orgId", properties.orgId());
    provider.put("shortName", properties.shortName());
    provider.put("dateUpdated", time);
    cna.put("title", cut(a.texts().titleEn(), 256));
    cna.put("datePublic", time);
    ArrayNode descriptions = cna.putArray("descriptions");
    description(descriptions, "en", a.texts().overviewEn());
    description(descriptions, "ja", a.texts().overviewJa());

    ArrayNode affected = cna.putArray("affected");
    for (Advisories.ProductEntry p : a.products()) {
      ObjectNode product = affected.addObject();
      product.put("vendor", cut(p.vendor(), 512));
      product.put("product", cut(p.product(), 2048));
      if (p.cpe() != null && p.cpe().startsWith("cpe:2.3:")) {
        product.putArray("cpes").add(p.cpe());
      }
      ArrayNode versions = product.putArray("versions");
      String status = "NOT_AFFECTED".equals(p.status()) ? "unaffected" : "affected";
      version(versions, p.versions(), status);
      if (p.fixedVersions() != null && !p.fixedVersions().isBlank()) {
        version(versions, p.fixedVersions(), "unaffected");
      }
      product.put("defaultStatus", "unknown");
    }

    if (a.cwe() != null && a.cweName() != null) {
      ObjectNode type = cna.putArray("problemTypes").addObject().putArray("descriptions").addObject();
      type.put("lang", "en");
      type.put("cweId", a.cwe());
      type.put("description", a.cwe() + " " + a.cweName());
      type.put("type", "CWE");
    }

    ArrayNode references = cna.putArray("references");
    ObjectNode jvn = references.addObject();
    jvn.put("url", links.publicUrl("/advisories/" + a.slug()));
    jvn.put("name", a.id());
    jvn.putArray("tags").add("third-party-advisory");
    ObjectNode csafRef = references.addObject();
    csafRef.put("url", csaf.advisoryUrl(Advisories.csafFileName(a.id())));
    csafRef.put("name", a.id() + " (CSAF)");
    csafRef.putArray("tags").add("third-party-advisory");

    if (a.cvssVector() != null && a.cvssVector().startsWith("CVSS:3.1/")) {
      var r = cvss.evaluate(a.cvssVector());
      ObjectNode metric = cna.putArray("metrics").addObject();
      metric.put("format", "CVSS");
      ObjectNode scenario = metric.putArray("scenarios").addObject();
      scenario.put("lang", "en");
      scenario.put("value", "GENERAL");
      ObjectNode v31 = metric.putObject("cvssV3_1");
      v31.put("version", "3.1");
      v31.put("vectorString", r.vector());
      v31.put("baseScore", r.baseScore());
      v31.put("baseSeverity", r.severity());
    }
    if (a.credit() != null && !a.credit().isBlank()) {
      ObjectNode credit = cna.putArray("credits").addObject();
      credit.put("lang", "ja");
      credit.put("value", cut(a.credit(), 4096));
      credit.put("type", "finder");
    }
    return root;
  }

  private static void description(ArrayNode descriptions, String lang, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    ObjectNode d = descriptions.addObject();
    d.put("lang", lang);
    d.put("value", cut(text.strip(), 4096));
  }

  /** A version entry of the CVE record from our version text (a vers range where we can read one). */
  private static void version(ArrayNode versions, String text, String status) {
    String t = text == null || text.isBlank() ? "unspecified" : text.strip();
    ObjectNode v = versions.addObject();
    String range = Vers.isSingleVersion(t) ? null : Vers.of(t).map(x -> x.substring("vers:generic/".length()))
        .orElse(null);
    if (range != null && range.startsWith("<=")) {
      v.put("version", "0");
      v.put("lessThanOrEqual", range.substring(2));
      v.put("versionType", "custom");
    } else if (range != null && range.startsWith("<")) {
      v.put("version", "0");
      v.put("lessThan", range.substring(1));
      v.put("versionType", "custom");
    } else if (range != null && range.startsWith(">=") && range.contains("|<=")) {
      v.put("version", range.substring(2, range.indexOf('|')));
      v.put("lessThanOrEqual", range.substring(range.indexOf("|<=") + 3));
      v.put("versionType", "custom");
    } else if (range != null && range.startsWith(">=")) {
      v.put("version", range.substring(2));
      v.put("lessThan", "*");
      v.put("versionType", "custom");
    } else {
      v.put("version", cut(t, 1024));
    }
    v.put("status", status);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
