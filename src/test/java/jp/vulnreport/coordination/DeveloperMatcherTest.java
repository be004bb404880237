package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import jp.vulnreport.coordination.DeveloperMatcher.Basis;
import jp.vulnreport.coordination.DeveloperMatcher.Role;
import jp.vulnreport.coordination.DeveloperMatcher.Suggestion;
import jp.vulnreport.coordination.DeveloperRegistry.Developer;
import jp.vulnreport.coordination.DeveloperRegistry.Product;
import jp.vulnreport.coordination.DeveloperRegistry.RegistrationType;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Suggestions of developers for a reported product. Each test registers its own developers under
 * a random token, so the sample registry (loaded in the test context) and other tests do not
 * interfere; one test checks the sample registry against the shared example report.
 */
class DeveloperMatcherTest extends IntegrationTest {

  @Autowired DeveloperRegistry registry;
  @Autowired DeveloperMatcher matcher;
  @Autowired Cases cases;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper mapper;

  String token;

  @Autowired IdentityService identity;

  @BeforeEach
  void token() {
    token = randomLetters();
    DeveloperRegistryTest.coordinationUser(identity);
  }

  @Test
  void packageUrlMatchesIgnoringTheVersion() {
    save("acme-" + token, "Acme " + token, product("Widget", "pkg:maven/jp.t" + token + "/widget", null, null),
        product("Widget Extras", "pkg:maven/jp.t" + token + "/widget-extras", null, null));

    List<Suggestion> s = matcher.suggest(null, null, "pkg:maven/jp.t" + token + "/widget@1.2.3?type=jar", null);

    assertThat(s).singleElement().satisfies(x -> {
      assertThat(x.developerId()).isEqualTo("acme-" + token);
      assertThat(x.productName()).isEqualTo("Widget");
      assertThat(x.basis()).isEqualTo(Basis.PURL);
      assertThat(x.role()).isEqualTo(Role.DIRECT);
      assertThat(x.evidence()).contains("pkg:maven/jp.t" + token + "/widget");
    });
  }

  @Test
  void cpeMatchesBetween23And22Forms() {
    save("v23-" + token, "V23 " + token, product("Router UI", null, "cpe:2.3:a:v" + token + ":router_ui:*:*:*:*:*:*:*:*", null));
    save("v22-" + token, "V22 " + token, product("Camera", null, "cpe:/h:c" + token + ":camera", null));

    assertThat(matcher.suggest(null, null, null, "cpe:/a:V" + token + ":Router_UI:2.0"))
        .extracting(Suggestion::developerId, Suggestion::basis, Suggestion::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v23-" + token, Basis.CPE, Role.DIRECT));
    assertThat(matcher.suggest(null, null, null, "cpe:2.3:h:c" + token + ":camera:1.0:*:*:*:*:*:*:*"))
        .extracting(Suggestion::developerId, Suggestion::productName, Suggestion::basis)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v22-" + token, "Camera", Basis.CPE));
    // another part (o instead of a) is another product
    assertThat(matcher.suggest(null, null, null, "cpe:2.3:o:v" + token + ":router_ui:2.0")).isEmpty();
  }

  @Test
  void namesMatchDespiteCompanyFormsWidthAndPunctuation() {
    String kana = "テスト" + token.toUpperCase(Locale.ROOT);
    save("jp-" + token, "株式会社" + kana + "技研");
    save("en-" + token, "Zq" + token + " Systems, Inc.");
    save("prod-" + token, "Other " + token, product("Widget " + token + " Pro", null, null, null));

    // (株) in full width, ＡＢＣ in full width letters
    String fullWidth = kana.chars().mapToObj(c -> c >= 'A' && c <= 'Z' ? String.valueOf((char) (c - 'A' + 'Ａ'))
        : String.valueOf((char) c)).reduce("", String::concat);
    assertThat(matcher.suggest(fullWidth + "技研（株）", null, null, null))
        .extracting(Suggestion::developerId, Suggestion::basis, Suggestion::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("jp-" + token, Basis.NAME, Role.DIRECT));
    assertThat(matcher.suggest("ZQ" + token.toUpperCase(Locale.ROOT) + " SYSTEMS CO., LTD.", null, null, null))
        .extracting(Suggestion::developerId).containsExactly("en-" + token);
    assertThat(matcher.suggest(null, "widget-" + token + "-PRO", null, null)).singleElement()
        .satisfies(x -> {
          assertThat(x.developerId()).isEqualTo("prod-" + token);
          assertThat(x.productName()).isEqualTo("Widget " + token + " Pro");
          assertThat(x.basis()).isEqualTo(Basis.NAME);
        });
    // a company form alone names nobody
    assertThat(matcher.suggest("株式会社", null, null, null)).isEmpty();
  }

  @Test
  void sbomComponentMakesADownstreamSuggestionWithTheComponentAsEvidence() {
    String lib = "lib" + token;
    save("libdev-" + token, "Lib Dev " + token, product("lib" + token, "pkg:npm/" + lib, null,
        sbom("bundle", component(lib, "0.9.0", "pkg:npm/" + lib + "@0.9.0", null))));
    save("oem-" + token, "OEM " + token, product("Gateway " + token, null, null,
        sbom("gateway", """
            {"type": "operating-system", "name": "rootfs", "version": "1", "components": [%s]}"""
            .formatted(component(lib, "1.4.2", "pkg:npm/" + lib + "@1.4.2", null)))));
    save("cam-" + token, "Cam " + token, product("Cam " + token, null, null,
        sbom("cam", component("vendored-" + token, "7", null, "cpe:2.3:a:libdev" + token + ":" + lib + ":7:*:*:*:*:*:*:*"))));
    save("named-" + token, "Named " + token, product("Named " + token, null, null,
        sbom("named", component(lib.toUpperCase(Locale.ROOT), "2.0", null, null))));

    List<Suggestion> s = matcher.suggest("Lib Dev " + token, lib, "pkg:npm/" + lib + "@2.0.0",
        "cpe:2.3:a:libdev" + token + ":" + lib + ":2.0.0:*:*:*:*:*:*:*");

    assertThat(s).extracting(Suggestion::developerId, Suggestion::role, Suggestion::basis).containsExactly(
        org.assertj.core.groups.Tuple.tuple("libdev-" + token, Role.DIRECT, Basis.PURL),
        org.assertj.core.groups.Tuple.tuple("cam-" + token, Role.DOWNSTREAM, Basis.SBOM),
        org.assertj.core.groups.Tuple.tuple("named-" + token, Role.DOWNSTREAM, Basis.SBOM),
        org.assertj.core.groups.Tuple.tuple("oem-" + token, Role.DOWNSTREAM, Basis.SBOM));
    Suggestion oem = s.stream().filter(x -> x.developerId().equals("oem-" + token)).findFirst().orElseThrow();
    assertThat(oem.productName()).isEqualTo("Gateway " + token);
    assertThat(oem.evidence()).contains(lib + " 1.4.2", "pkg:npm/" + lib + "@1.4.2");
    assertThat(s.get(1).evidence()).contains("vendored-" + token + " 7", "CPE");
    assertThat(s.get(2).evidence()).contains(lib.toUpperCase(Locale.ROOT) + " 2.0", "製品名");
    // the library's own developer embeds it too, but is contacted as its developer only
    assertThat(s).filteredOn(x -> x.developerId().equals("libdev-" + token)).hasSize(1);
  }

  @Test
  void unrelatedProductsGetNoSuggestion() {
    save("near-" + token, "Near " + token, product("Thing", "pkg:pypi/thing-" + token, "cpe:2.3:a:near" + token + ":thing:*",
        sbom("thing", component("thing-" + token + "-core", "1", "pkg:pypi/thing-" + token + "-core@1", null))));

    assertThat(matcher.suggest("Nobody " + token + " Inc.", "Nothing " + token, "pkg:pypi/nothing-" + token + "@1.0",
        "cpe:2.3:a:nobody" + token + ":nothing:1.0:*:*:*:*:*:*:*")).isEmpty();
    assertThat(matcher.suggest(null, null, "pkg:pypi/thing-" + token + "-cor@1", "cpe:2.3:a:*:thing:1")).isEmpty();
    assertThat(matcher.suggest(null, null, "not a purl", "not a cpe")).isEmpty();
  }

  @Test
  void theExampleReportFindsSampleCmsDirectlyAndItsEmbedderDownstream() throws Exception {
    String tn = cases.submit("report-product").trackingNumber();
    String url = "/api/cases/" + tn + "/developer-suggestions";

    String body = mvc.perform(get(url).header("Authorization", Http.basic(DeveloperRegistryTest.COORDINATION_USER, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    // (only the sample registry's developers: other tests may register more in the shared context)
    List<JsonNode> s = new java.util.ArrayList<>();
    mapper.readTree(body).forEach(n -> {
      if (List.of("sample-soft", "rei-network", "kakuu-joho", "example-devices", "tanaka-ichiro")
          .contains(n.path("developerId").asText())) {
        s.add(n);
      }
    });
    assertThat(s).hasSize(2);
    assertThat(s.get(0).path("developerId").asText()).isEqualTo("sample-soft");
    assertThat(s.get(0).path("developerName").asText()).isEqualTo("サンプルソフト株式会社");
    assertThat(s.get(0).path("productName").asText()).isEqualTo("SampleCMS");
    assertThat(s.get(0).path("basis").asText()).isEqualTo("PURL");
    assertThat(s.get(0).path("role").asText()).isEqualTo("DIRECT");
    assertThat(s.get(0).path("evidence").asText()).contains("pkg:maven/jp.example/samplecms");
    assertThat(s.get(1).path("developerId").asText()).isEqualTo("kakuu-joho");
    assertThat(s.get(1).path("productName").asText()).isEqualTo("まちナビ自治体ポータル");
    assertThat(s.get(1).path("basis").asText()).isEqualTo("SBOM");
    assertThat(s.get(1).path("role").asText()).isEqualTo("DOWNSTREAM");
    assertThat(s.get(1).path("evidence").asText()).contains("samplecms 4.2.5");

    mvc.perform(get(url).header("Authorization", Http.basic("manager1", "demo"))).andExpect(status().isOk());
    mvc.perform(get(url).header("Authorization", Http.basic("receipt1", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get(url)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/cases/IPA-NOSUCH/developer-suggestions")
        .header("Authorization", Http.basic(DeveloperRegistryTest.COORDINATION_USER, "demo"))).andExpect(status().isNotFound());
  }

  /** Eight random lower-case letters. */
  static String randomLetters() {
    StringBuilder b = new StringBuilder();
    ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> b.append((char) c));
    return b.toString();
  }

  private void save(String id, String name, Product... products) {
    registry.save(new Developer(id, name, RegistrationType.GENERAL, List.of("psirt@" + id + ".example.jp"), null,
        List.of(products)));
  }

  private static Product product(String name, String purl, String cpe, String sbom) {
    return new Product(null, name, purl, cpe, sbom);
  }

  private static String sbom(String product, String... components) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "metadata": {"component": {"type": "application", "name": "%s", "version": "1.0"}},
         "components": [%s]}""".formatted(product, String.join(",", components));
  }

  private static String component(String name, String version, String purl, String cpe) {
    return "{\"type\": \"library\", \"name\": \"" + name + "\", \"version\": \"" + version + "\""
        + (purl == null ? "" : ", \"purl\": \"" + purl + "\"") + (cpe == null ? "" : ", \"cpe\": \"" + cpe + "\"") + "}";
  }
}
