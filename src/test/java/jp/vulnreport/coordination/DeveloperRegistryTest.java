package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.vulnreport.security.Groups;
import jp.vulnreport.support.Http;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The developer registry's API: create, replace, read, validation, CSV and JSON imports, access. */
class DeveloperRegistryTest extends IntegrationTest {

  /**
   * A coordination user of these tests' own: the demo user coordinator1 is the one other tests give
   * a wrong password (after which the engine delays its logins for a few seconds).
   */
  static final String COORDINATION_USER = "devreg-coordinator";
  private static final String COORDINATOR = Http.basic(COORDINATION_USER, "demo");
  private static final String MANAGER = Http.basic("manager1", "demo");
  private static final String RECEIPT = Http.basic("receipt1", "demo");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper mapper;

  String t;

  @Autowired IdentityService identity;

  @BeforeEach
  void token() {
    t = DeveloperMatcherTest.randomLetters();
    coordinationUser(identity);
  }

  /** Creates {@link #COORDINATION_USER} (password "demo", group coordination) unless it exists. */
  static void coordinationUser(IdentityService identity) {
    if (identity.createUserQuery().userId(COORDINATION_USER).count() == 0) {
      User u = identity.newUser(COORDINATION_USER);
      u.setFirstName("Developer registry");
      u.setLastName("(test)");
      u.setPassword("demo");
      identity.saveUser(u);
      identity.createMembership(COORDINATION_USER, Groups.COORDINATION);
    }
  }

  @Test
  void putCreatesAndReplacesADeveloperWithItsProductsAndFlattenedSbom() throws Exception {
    String id = "router-" + t;
    String sbom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "metadata": {"component": {"type": "firmware", "name": "RX firmware", "version": "3.4.1",
                                    "purl": "pkg:generic/rx-firmware@3.4.1"}},
         "components": [
           {"type": "operating-system", "name": "rootfs", "version": "3.4.1", "components": [
             {"type": "library", "name": "openssl", "version": "3.0.13", "purl": "pkg:generic/openssl@3.0.13",
              "cpe": "cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*"},
             {"type": "library", "group": "org.example", "name": "parser", "version": "2.1",
              "purl": "pkg:maven/org.example/parser@2.1?type=jar"}]},
           {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:NPM/left-pad@1.3.0"}]}""";
    String body = """
        {"name": "例示ルータ株式会社 %s", "registrationType": "GENERAL",
         "contactEmails": ["psirt@router.example.jp", "support@router.example.jp"],
         "products": [
           {"name": "RX-2000 ファームウェア", "cpe": "cpe:2.3:o:router:rx-2000_firmware:*:*:*:*:*:*:*:*", "sbom": %s},
           {"name": "RX Manager", "purl": "pkg:maven/jp.example.router/rx-manager"}]}""".formatted(t, sbom);

    mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.registrationType").value("GENERAL"))
        .andExpect(jsonPath("$.contactEmails[1]").value("support@router.example.jp"))
        .andExpect(jsonPath("$.products[0].sbom.bomFormat").value("CycloneDX"))
        .andExpect(jsonPath("$.products[0].sbom.components[0].components[0].name").value("openssl"))
        .andExpect(jsonPath("$.products[0].hasSbom").value(true))
        .andExpect(jsonPath("$.products[1].purl").value("pkg:maven/jp.example.router/rx-manager"));

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM vr_developer WHERE id = ?", id);
    assertThat(row.get("name")).isEqualTo("例示ルータ株式会社 " + t);
    assertThat(row.get("contact_emails")).isEqualTo("psirt@router.example.jp\nsupport@router.example.jp");
    assertThat(jdbc.queryForList("SELECT name FROM vr_developer_product WHERE developer_id = ? ORDER BY id",
        String.class, id)).containsExactly("RX-2000 ファームウェア", "RX Manager");
    // nested components flattened; the SBOM's own product (metadata.component) is not a component
    List<Map<String, Object>> components = jdbc.queryForList("SELECT c.name, c.version, c.purl_base, c.cpe "
        + "FROM vr_sbom_component c JOIN vr_developer_product p ON p.id = c.product_id WHERE p.developer_id = ? "
        + "ORDER BY c.name", id);
    assertThat(components).extracting(c -> c.get("name"))
        .containsExactly("left-pad", "openssl", "parser", "rootfs");
    assertThat(components).extracting(c -> c.get("purl_base"))
        .containsExactly("npm/left-pad", "generic/openssl", "maven/org.example/parser", null);
    assertThat(components.get(1).get("cpe")).isEqualTo("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
    assertThat(components.get(1).get("version")).isEqualTo("3.0.13");

    // managers read: the list without SBOMs, one developer with them
    String list = mvc.perform(get("/api/developers").header("Authorization", MANAGER))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode listed = find(mapper.readTree(list), id);
    assertThat(listed.path("products").get(0).path("hasSbom").asBoolean()).isTrue();
    assertThat(listed.path("products").get(0).has("sbom")).isFalse();
    mvc.perform(get("/api/developers/" + id).header("Authorization", MANAGER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.products[0].sbom.metadata.component.name").value("RX firmware"));

    // replaced a day later: products and components replaced, created_at kept
    OffsetDateTime created = jdbc.queryForObject("SELECT created_at FROM vr_developer WHERE id = ?",
        OffsetDateTime.class, id);
    clock.advance(Duration.ofDays(1));
    mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "例示ルータ株式会社 %s", "registrationType": "GENERAL",
                 "contactEmails": ["psirt@router.example.jp"],
                 "products": [{"name": "RX Manager", "purl": "pkg:maven/jp.example.router/rx-manager"}]}"""
                .formatted(t)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.products.length()").value(1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_developer_product WHERE developer_id = ?", Integer.class,
        id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_sbom_component c JOIN vr_developer_product p "
        + "ON p.id = c.product_id WHERE p.developer_id = ?", Integer.class, id)).isZero();
    assertThat(jdbc.queryForObject("SELECT created_at FROM vr_developer WHERE id = ?", OffsetDateTime.class, id)
        .toInstant()).isEqualTo(created.toInstant());
    assertThat(jdbc.queryForObject("SELECT updated_at FROM vr_developer WHERE id = ?", OffsetDateTime.class, id))
        .isAfter(created.plusHours(23));
    assertThat(jdbc.queryForObject("SELECT contact_emails FROM vr_developer WHERE id = ?", String.class, id))
        .isEqualTo("psirt@router.example.jp");
  }

  @Test
  void accessIsForCoordinationAndReadingForManagers() throws Exception {
    String id = "access-" + t;
    String body = "{\"name\": \"Access " + t + "\", \"registrationType\": \"INDIVIDUAL\","
        + " \"contactEmails\": [\"a@example.com\"]}";
    // (not a wrong password of a demo user: the engine then delays that user's next logins)
    mvc.perform(put("/api/developers/" + id).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    mvc.perform(put("/api/developers/" + id).header("Authorization", Http.basic("nobody-" + t, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
    mvc.perform(put("/api/developers/" + id).header("Authorization", RECEIPT)
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    mvc.perform(put("/api/developers/" + id).header("Authorization", MANAGER)
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    mvc.perform(post("/api/developers/import").header("Authorization", MANAGER)
        .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden());
    assertThat(count(id)).isZero();

    mvc.perform(get("/api/developers")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/developers").header("Authorization", RECEIPT)).andExpect(status().isForbidden());
    mvc.perform(get("/api/developers/" + id).header("Authorization", Http.basic("liaison1", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/developers/" + id).header("Authorization", COORDINATOR))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(containsString(id)));

    mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registrationType").value("INDIVIDUAL"))
        .andExpect(jsonPath("$.products.length()").value(0));
    mvc.perform(get("/api/developers/" + id).header("Authorization", MANAGER))
        .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Access " + t));
    // the path names the developer; a different id in the body is refused
    mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"other-" + t + "\"," + body.substring(1)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("id")));
    assertThat(count("other-" + t)).isZero();
  }

  @Test
  void invalidFieldsAreRefusedWithTheFieldNamed() throws Exception {
    String id = "invalid-" + t;
    String valid = "{\"name\": \"Invalid " + t + "\", \"registrationType\": \"GENERAL\", "
        + "\"contactEmails\": [\"psirt@invalid.example.jp\"%s], \"products\": [%s]}";
    String cyclone = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": []}";

    refused(id, valid.formatted("", "{\"name\": \"P\", \"purl\": \"maven/jp.example/p\"}"), "products[0].purl");
    refused(id, valid.formatted("", "{\"name\": \"P\", \"purl\": \"pkg:maven\"}"), "products[0].purl");
    refused(id, valid.formatted("", "{\"name\": \"P\"}, {\"name\": \"Q\", \"cpe\": \"cpe:2.3:x:vendor:q\"}"),
        "products[1].cpe");
    refused(id, valid.formatted("", "{\"name\": \"P\", \"cpe\": \"cpe:/a:vendor:p:1 0\"}"), "products[0].cpe");
    refused(id, valid.formatted("", "{\"name\": \"P\", \"sbom\": {\"spdxVersion\": \"SPDX-2.3\"}}"),
        "products[0].sbom: not a CycloneDX JSON document");
    refused(id, valid.formatted("", "{\"name\": \"P\", \"sbom\": "
        + cyclone.replace("[]", "5") + "}"), "products[0].sbom: not a CycloneDX JSON document");
    refused(id, valid.formatted("", "{\"name\": \"P\", \"sbom\": [1, 2]}"), "products[0].sbom");
    refused(id, valid.formatted(", \"not-an-address\"", ""), "contactEmails[1]");
    refused(id, valid.formatted(", \"Someone <x@example.jp>\"", ""), "contactEmails[1]");
    refused(id, "{\"name\": \"N\", \"registrationType\": \"GENERAL\", \"contactEmails\": []}", "contactEmails");
    refused(id, "{\"name\": \"N\", \"registrationType\": \"COMPANY\", \"contactEmails\": [\"a@example.jp\"]}",
        "registrationType");
    refused(id, valid.formatted("", "{\"purl\": \"pkg:npm/p\"}"), "products[0].name");
    refused(id, "{\"name\": \" \", \"registrationType\": \"GENERAL\", \"contactEmails\": [\"a@example.jp\"]}",
        "name must not be empty");
    refused("Bad_Id", valid.formatted("", ""), "id: lower-case");
    assertThat(count(id)).isZero();

    // and the same document with a valid SBOM is accepted
    mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(valid.formatted("", "{\"name\": \"P\", \"purl\": "
                + "\"pkg:maven/jp.example/p\", \"cpe\": \"cpe:/a:vendor:p\", \"sbom\": " + cyclone + "}")))
        .andExpect(status().isOk());
    assertThat(count(id)).isOne();
  }

  @Test
  void csvImportGroupsRowsHandlesQuotedCommasAndKeepsRegisteredSboms() throws Exception {
    String a = "csv-a-" + t;
    String b = "csv-b-" + t;
    // a registered SBOM of a product the CSV lists again
    mvc.perform(put("/api/developers/" + a).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Old", "registrationType": "GENERAL", "contactEmails": ["old@example.jp"],
                 "products": [{"name": "Widget, Pro", "sbom": {"bomFormat": "CycloneDX", "specVersion": "1.5",
                   "components": [{"type": "library", "name": "zlib", "version": "1.3.1"}]}},
                  {"name": "Dropped"}]}"""))
        .andExpect(status().isOk());

    String csv = "id,name,registration_type,contact_emails,product_name,purl,cpe\r\n"
        + a + ",\"Foo, Bar Co., Ltd.\",GENERAL,psirt@foo.example.jp; info@foo.example.jp,\"Widget, Pro\","
        + "pkg:maven/jp.example.foo/widget,\r\n"
        + a + ",,,,\"Gadget \"\"Mini\"\"\",,cpe:/a:foo:gadget\r\n"
        + b + ",山田 太郎,INDIVIDUAL,taro.yamada@example.com,,,\r\n";
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(2));

    assertThat(jdbc.queryForObject("SELECT name FROM vr_developer WHERE id = ?", String.class, a))
        .isEqualTo("Foo, Bar Co., Ltd.");
    assertThat(jdbc.queryForObject("SELECT contact_emails FROM vr_developer WHERE id = ?", String.class, a))
        .isEqualTo("psirt@foo.example.jp\ninfo@foo.example.jp");
    List<Map<String, Object>> products = jdbc.queryForList("SELECT name, purl, cpe, sbom FROM vr_developer_product "
        + "WHERE developer_id = ? ORDER BY id", a);
    assertThat(products).extracting(p -> p.get("name")).containsExactly("Widget, Pro", "Gadget \"Mini\"");
    assertThat(products.get(0).get("purl")).isEqualTo("pkg:maven/jp.example.foo/widget");
    assertThat((String) products.get(0).get("sbom")).contains("zlib");
    assertThat(products.get(1).get("cpe")).isEqualTo("cpe:/a:foo:gadget");
    assertThat(products.get(1).get("sbom")).isNull();
    assertThat(jdbc.queryForList("SELECT c.name FROM vr_sbom_component c JOIN vr_developer_product p "
        + "ON p.id = c.product_id WHERE p.developer_id = ?", String.class, a)).containsExactly("zlib");
    assertThat(jdbc.queryForMap("SELECT name, registration_type FROM vr_developer WHERE id = ?", b))
        .containsValues("山田 太郎", "INDIVIDUAL");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_developer_product WHERE developer_id = ?",
        Integer.class, b)).isZero();

    // an error names its line; nothing of the import is stored
    String c = "csv-c-" + t;
    String bad = "id,name,registration_type,contact_emails,product_name,purl,cpe\n"
        + c + ",\"New, Name\",GENERAL,x@example.jp,\"A\nmulti-line name\",,\n"
        + a + ",Changed,GENERAL,psirt@foo.example.jp,Thing,not-a-purl,\n";
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType("text/csv;charset=UTF-8").content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("line 4")))
        .andExpect(jsonPath("$.detail").value(containsString("purl")));
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR).contentType("text/csv")
            .content("id,name,registration_type,contact_emails,product_name,purl,cpe\n"
                + c + ",C,GENERAL,c@example.jp,,,\n" + c + ",C,GENERAL,not-mail,,,\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("line 3")));
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR).contentType("text/csv")
            .content("id,name,registration_type,contact_emails,product_name,purl,cpe\n"
                + c + ",C,GENERAL,c@example.jp,,,\n" + c + "-2,C2,GENERAL,not-mail,,,\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("line 3")))
        .andExpect(jsonPath("$.detail").value(containsString("contactEmails")));
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR).contentType("text/csv")
            .content("id,name,type\n" + c + ",C,GENERAL\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("line 1")));
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR).contentType("text/csv")
            .content("id,name,registration_type,contact_emails,product_name,purl,cpe\n" + c + ",C,GENERAL\n"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("line 2")));
    assertThat(count(c)).isZero();
    assertThat(count(c + "-2")).isZero();
    assertThat(jdbc.queryForObject("SELECT name FROM vr_developer WHERE id = ?", String.class, a))
        .isEqualTo("Foo, Bar Co., Ltd.");
  }

  @Test
  void jsonImportIsAllOrNothing() throws Exception {
    String kept = "json-kept-" + t;
    mvc.perform(put("/api/developers/" + kept).header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Kept\", \"registrationType\": \"GENERAL\", \"contactEmails\": [\"k@example.jp\"]}"))
        .andExpect(status().isOk());
    String one = "json-one-" + t;
    String two = "json-two-" + t;
    String array = """
        [{"id": "%s", "name": "Replaced", "registrationType": "GENERAL", "contactEmails": ["k@example.jp"]},
         {"id": "%s", "name": "One", "registrationType": "GENERAL", "contactEmails": ["one@example.jp"],
          "products": [{"name": "One App", "purl": "pkg:npm/one-app-%s",
            "sbom": {"bomFormat": "CycloneDX", "specVersion": "1.5",
                     "components": [{"type": "library", "name": "lodash", "version": "4.17.21",
                                     "purl": "pkg:npm/lodash@4.17.21"}]}}]},
         {"id": "%s", "name": "Two", "registrationType": "INDIVIDUAL", "contactEmails": ["%s"]}]""";

    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(array.formatted(kept, one, t, two, "two at example.jp")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("[2]")))
        .andExpect(jsonPath("$.detail").value(containsString("contactEmails[0]")));
    assertThat(count(one)).isZero();
    assertThat(count(two)).isZero();
    assertThat(jdbc.queryForObject("SELECT name FROM vr_developer WHERE id = ?", String.class, kept)).isEqualTo("Kept");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_sbom_component WHERE purl_base = ? AND product_id IN "
        + "(SELECT id FROM vr_developer_product WHERE developer_id = ?)", Integer.class, "npm/lodash", one)).isZero();

    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"x\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(array.formatted(kept, one, t, one, "two@example.jp")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("more than once")));

    mvc.perform(post("/api/developers/import").header("Authorization", COORDINATOR)
            .contentType(MediaType.APPLICATION_JSON).content(array.formatted(kept, one, t, two, "two@example.jp")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.imported").value(3));
    assertThat(jdbc.queryForObject("SELECT name FROM vr_developer WHERE id = ?", String.class, kept))
        .isEqualTo("Replaced");
    assertThat(jdbc.queryForObject("SELECT registration_type FROM vr_developer WHERE id = ?", String.class, two))
        .isEqualTo("INDIVIDUAL");
    assertThat(jdbc.queryForList("SELECT c.name || ' ' || c.version FROM vr_sbom_component c "
        + "JOIN vr_developer_product p ON p.id = c.product_id WHERE p.developer_id = ?", String.class, one))
        .containsExactly("lodash 4.17.21");
  }

  @Test
  void theSampleRegistryIsLoaded() throws Exception {
    mvc.perform(get("/api/developers/sample-soft").header("Authorization", COORDINATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("サンプルソフト株式会社"))
        .andExpect(jsonPath("$.products[0].purl").value("pkg:maven/jp.example/samplecms"));
    assertThat(jdbc.queryForObject("SELECT registration_type FROM vr_developer WHERE id = 'tanaka-ichiro'",
        String.class)).isEqualTo("INDIVIDUAL");
    // the router firmware's SBOM: nested components of the root file system
    assertThat(jdbc.queryForList("SELECT c.purl_base FROM vr_sbom_component c JOIN vr_developer_product p "
        + "ON p.id = c.product_id WHERE p.developer_id = 'rei-network'", String.class))
        .contains("generic/openssl", "github/madler/zlib");
  }

  private void refused(String id, String body, String field) throws Exception {
    ResultActions r = mvc.perform(put("/api/developers/" + id).header("Authorization", COORDINATOR)
        .contentType(MediaType.APPLICATION_JSON).content(body));
    r.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString(field)));
  }

  private int count(String id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM vr_developer WHERE id = ?", Integer.class, id);
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError(id + " not listed");
  }
}
