package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.vulnreport.government.CweCatalogue;
import jp.vulnreport.government.Vers;
import jp.vulnreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * JVN numbers by origin (JVN# partnership, JVNVU# overseas coordinator), unique also when taken at the same
 * time; CVE IDs as coordinators enter them; version ranges as vers; the CWE catalogue's official names.
 */
class AdvisoryIdentifiersTest extends IntegrationTest {

  @Autowired AdvisoryNumbers numbers;
  @Autowired CweCatalogue cwes;

  @Test
  void numbersFollowTheOriginAndAreNeverHandedOutTwiceEvenConcurrently() throws Exception {
    String jvn = numbers.next(AdvisoryNumbers.Origin.PARTNERSHIP);
    String vu = numbers.next(AdvisoryNumbers.Origin.OVERSEAS);
    assertThat(jvn).matches("JVN#[0-9]{8}");
    assertThat(vu).matches("JVNVU#[0-9]{8}");
    assertThat(AdvisoryNumbers.Origin.of(null)).isEqualTo(AdvisoryNumbers.Origin.PARTNERSHIP);
    assertThat(AdvisoryNumbers.Origin.of(" ")).isEqualTo(AdvisoryNumbers.Origin.PARTNERSHIP);
    assertThat(AdvisoryNumbers.Origin.of("CERT/CC")).isEqualTo(AdvisoryNumbers.Origin.OVERSEAS);
    assertThat(AdvisoryNumbers.isOf(jvn, AdvisoryNumbers.Origin.PARTNERSHIP)).isTrue();
    assertThat(AdvisoryNumbers.isOf(jvn, AdvisoryNumbers.Origin.OVERSEAS)).isFalse();
    // advisories numbered before (JVNVU# + the tracking number's 9 digits) are of neither scheme
    assertThat(AdvisoryNumbers.isOf("JVNVU#202600012", AdvisoryNumbers.Origin.OVERSEAS)).isFalse();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> work = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        AdvisoryNumbers.Origin origin = i % 2 == 0 ? AdvisoryNumbers.Origin.PARTNERSHIP : AdvisoryNumbers.Origin.OVERSEAS;
        work.add(() -> numbers.next(origin));
      }
      Set<String> taken = new HashSet<>(List.of(jvn, vu));
      for (Future<String> f : pool.invokeAll(work)) {
        assertThat(taken.add(f.get())).as("a number handed out twice: %s", f.get()).isTrue();
      }
      assertThat(taken).hasSize(42);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cveIdsAreValidatedOnePerDistinctVulnerability() {
    assertThat(CveIds.parse(" cve-2026-1234, CVE-2026-1234567\nCVE-2025-99999 ")).containsExactly("CVE-2026-1234",
        "CVE-2026-1234567", "CVE-2025-99999");
    assertThat(CveIds.parse("")).isEmpty();
    assertThat(CveIds.parse(null)).isEmpty();
    for (String bad : List.of("CVE-2026-123", "CVE-26-1234", "2026-1234", "CVE-2026-12a4", "CVE-1998-1234",
        "JVN#12345678")) {
      assertThatThrownBy(() -> CveIds.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CVE-2026-12345");
    }
    assertThatThrownBy(() -> CveIds.parse("CVE-2026-1234 cve-2026-1234"))
        .hasMessageContaining("one CVE ID per distinct vulnerability");
  }

  @Test
  void versionRangesBecomeVersAndSingleVersionsStaySingle() {
    assertThat(Vers.isSingleVersion("4.2.7")).isTrue();
    assertThat(Vers.isSingleVersion("v2.0")).isTrue();
    assertThat(Vers.isSingleVersion("4.2.7 以前")).isFalse();
    assertThat(Vers.of("4.2.7 以前")).contains("vers:generic/<=4.2.7");
    assertThat(Vers.of("<= 4.2.7")).contains("vers:generic/<=4.2.7");
    assertThat(Vers.of("4.2.7 and earlier")).contains("vers:generic/<=4.2.7");
    assertThat(Vers.of("before 3.0")).contains("vers:generic/<3.0");
    assertThat(Vers.of("3.0 未満")).contains("vers:generic/<3.0");
    assertThat(Vers.of("2.4 以降")).contains("vers:generic/>=2.4");
    assertThat(Vers.of("1.0 - 2.3")).contains("vers:generic/>=1.0|<=2.3");
    assertThat(Vers.of("1.0〜2.3")).contains("vers:generic/>=1.0|<=2.3");
    assertThat(Vers.of("vers:npm/>=1.0.0|<1.2.0")).contains("vers:npm/>=1.0.0|<1.2.0");
    assertThat(Vers.of("Windows 版の全バージョン")).isEmpty();
  }

  @Test
  void theCweCatalogueHasMitresOfficialNames() {
    assertThat(CweCatalogue.VERSION).isEqualTo("4.17");
    assertThat(cwes.size()).isGreaterThan(900);
    assertThat(cwes.name("CWE-79")).contains(
        "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
    assertThat(cwes.name("CWE-89")).contains(
        "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')");
    assertThat(cwes.name("CWE-352")).contains("Cross-Site Request Forgery (CSRF)");
    assertThat(cwes.name("cwe-22 ")).contains(
        "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')");
    // a category is not a weakness; an unknown id has no name (the CSAF then carries no cwe)
    assertThat(cwes.name("CWE-16")).isEmpty();
    assertThat(cwes.name("CWE-999999")).isEmpty();
  }
}
