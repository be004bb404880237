package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The official CVE Record Format schema (5.1) accepts a CNA's record and refuses broken ones. */
class CveRecordValidatorTest {

  final CveRecordValidator validator = new CveRecordValidator();
  final ObjectMapper mapper = new ObjectMapper();

  ObjectNode record() throws Exception {
    return (ObjectNode) mapper.readTree("""
        {"dataType":"CVE_RECORD","dataVersion":"5.1",
         "cveMetadata":{"cveId":"CVE-2026-10001","assignerOrgId":"00000000-0000-4000-8000-000000000000",
           "assignerShortName":"JPCERT","state":"PUBLISHED","datePublished":"2026-11-29T00:00:00Z"},
         "containers":{"cna":{
           "providerMetadata":{"orgId":"00000000-0000-4000-8000-000000000000","shortName":"JPCERT"},
           "descriptions":[{"lang":"en","value":"Stored XSS in SampleCMS"},{"lang":"ja","value":"格納型 XSS"}],
           "affected":[{"vendor":"Sample Soft","product":"SampleCMS","versions":[
             {"version":"0","lessThanOrEqual":"4.2.7","versionType":"custom","status":"affected"},
             {"version":"4.2.8","status":"unaffected"}],"defaultStatus":"unknown"}],
           "problemTypes":[{"descriptions":[{"lang":"en","cweId":"CWE-79","description":"CWE-79 XSS","type":"CWE"}]}],
           "references":[{"url":"https://jvn.jp/jp/JVN12345678/","name":"JVN#12345678","tags":["third-party-advisory"]}],
           "metrics":[{"format":"CVSS","scenarios":[{"lang":"en","value":"GENERAL"}],"cvssV3_1":{"version":"3.1",
             "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8,"baseSeverity":"CRITICAL"}}],
           "credits":[{"lang":"ja","value":"Hanako Yamada","type":"finder"}]}}}
        """);
  }

  @Test
  void aCompleteCnaRecordIsValid() throws Exception {
    assertThat(validator.problems(record())).isEmpty();
  }

  @Test
  void brokenRecordsAreRefused() throws Exception {
    ObjectNode badId = record();
    ((ObjectNode) badId.get("cveMetadata")).put("cveId", "CVE-26-1");
    assertThat(validator.problems(badId)).isNotEmpty();

    ObjectNode noEnglish = record();
    ArrayNode descriptions = (ArrayNode) noEnglish.at("/containers/cna/descriptions");
    descriptions.remove(0);
    assertThat(validator.problems(noEnglish)).isNotEmpty();

    ObjectNode badOrg = record();
    ((ObjectNode) badOrg.at("/containers/cna/providerMetadata")).put("orgId", "JPCERT");
    assertThat(validator.problems(badOrg)).isNotEmpty();

    ObjectNode rangeWithoutType = record();
    ((ObjectNode) rangeWithoutType.at("/containers/cna/affected/0/versions/0")).remove("versionType");
    assertThat(validator.problems(rangeWithoutType)).isNotEmpty();

    ObjectNode wrongScore = record();
    ((ObjectNode) wrongScore.at("/containers/cna/metrics/0/cvssV3_1")).put("baseSeverity", "LOW");
    assertThat(validator.problems(wrongScore)).isNotEmpty();

    ObjectNode noReferences = record();
    ((ObjectNode) noReferences.at("/containers/cna")).remove("references");
    assertThatThrownBy(() -> validator.check(noReferences))
        .isInstanceOf(CveRecordValidator.InvalidCveRecordException.class);
  }
}
