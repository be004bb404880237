package jp.vulnreport.process;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A report received by mail, typed into the Tasklist start form by receipt staff. */
class StaffRegistrationTest extends IntegrationTest {

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired CaseRegister register;
  @Autowired Cases cases;
  @Autowired JdbcTemplate jdbc;

  @Test
  void startFormRegistersTheCaseAndKeepsPersonalDataOutOfTheEngine() {
    String email = "mail-reporter-" + System.nanoTime() + "@example.org";
    ProcessInstance pi = submitAs("receipt1", form(email));

    String tn = pi.getBusinessKey();
    assertThat(tn).matches("IPA-\\d{4}-\\d{5}");
    CaseRecord c = register.get(tn);
    assertThat(c.channel()).isEqualTo("STAFF");
    assertThat(c.productName()).isEqualTo("MailGateway");
    assertThat(register.reporter(c.reporterId()).orElseThrow().email()).isEqualTo(email);
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("REGISTERED_BY_STAFF") && e.actor().equals("receipt1"));

    cases.runJobs(pi.getId());
    assertThat(pi).isWaitingAt("Task_FormalCheck").variables()
        .containsEntry("productName", "MailGateway").containsKey("reporterId")
        .doesNotContainKeys("reporterEmail", "reporterName", "reporterPhone");
    assertThat(body(mailsTo(GREEN_MAIL.getReceivedMessages(), email).get(0))).contains("鈴木 一郎 様").contains(tn);

    // no copy of the personal data in any engine table, runtime or history
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY")) {
      List<String> textColumns = jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
          + "WHERE LOWER(TABLE_NAME) = LOWER(?) "
          + "AND LOWER(DATA_TYPE) IN ('character varying', 'character large object', 'text')", String.class, table);
      assertThat(textColumns).as(table).isNotEmpty();
      for (String column : textColumns) {
        Integer hits = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE CAST(" + column
            + " AS VARCHAR) LIKE ? OR CAST(" + column + " AS VARCHAR) LIKE ?", Integer.class, "%" + email + "%", "%鈴木 一郎%");
        assertThat(hits).as(table + "." + column).isZero();
      }
    }
  }

  @Test
  void invalidStartFormIsRefusedAndNothingIsStored() {
    long cases = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Long.class);
    Map<String, Object> v = form("not-a-mail-address");
    v.put("summary", "");
    assertThatThrownBy(() -> submitAs("receipt1", v))
        .hasMessageContaining("reporter.email").hasMessageContaining("vulnerability.summary");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Long.class)).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("SoftwareVulnerabilityReport")
        .variableValueEquals("productName", "MailGateway").list())
        .allMatch(p -> p.getBusinessKey() != null);
  }

  @Test
  void startFormWithControlCharactersOrImplausibleDatesIsRefusedAndNothingIsStored() {
    long cases = jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Long.class);
    long reporters = jdbc.queryForObject("SELECT COUNT(*) FROM vr_reporter", Long.class);
    Map<String, Object> v = form("ansi-" + System.nanoTime() + "@example.org");
    v.put("summary", "概要\u001b[31m赤字");
    v.put("details", "詳細\u0000");
    v.put("discoveredOn", "0000-01-01");
    assertThatThrownBy(() -> submitAs("receipt1", v)).hasMessageContaining("vulnerability.summary")
        .hasMessageContaining("vulnerability.details").hasMessageContaining("discoveredOn");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case", Long.class)).isEqualTo(cases);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_reporter", Long.class)).isEqualTo(reporters);
  }

  @Test
  void aLongReportTypedIntoTheStartFormIsKeptWholeInTheRegisterAndBoundedInTheEngine() throws Exception {
    String details = "脆弱性の詳細な説明です。".repeat(1_700).substring(0, 20_000);
    String requests = "公表前に連絡がほしい。".repeat(400).substring(0, 4_000);
    Map<String, Object> v = form("long-" + System.nanoTime() + "@example.org");
    v.put("details", details);
    v.put("requests", requests);
    ProcessInstance pi = submitAs("receipt1", v);
    String json = jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?", String.class,
        pi.getBusinessKey());
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(report.at("/vulnerability/details").asText()).isEqualTo(details);
    assertThat(report.at("/requests").asText()).isEqualTo(requests);
    assertThat((String) runtimeService.getVariable(pi.getId(), "details"))
        .startsWith(details.substring(0, jp.vulnreport.cases.ProcessText.PREVIEW_CHARS))
        .hasSizeLessThanOrEqualTo(jp.vulnreport.cases.ProcessText.MAX_VARIABLE_CHARS);
    // no engine table holds more than the preview (the form's values in history are bounded too)
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      Integer longest = jdbc.queryForObject("SELECT MAX(LENGTH(TEXT_)) FROM " + table + " WHERE PROC_INST_ID_ = ?",
          Integer.class, pi.getId());
      assertThat(longest).as(table).isLessThanOrEqualTo(jp.vulnreport.cases.ProcessText.MAX_VARIABLE_CHARS);
    }
  }

  private ProcessInstance submitAs(String user, Map<String, Object> variables) {
    identityService.setAuthentication(user, List.of("receipt"));
    try {
      String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey("SoftwareVulnerabilityReport")
          .latestVersion().singleResult().getId();
      return formService.submitStartForm(id, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static Map<String, Object> form(String email) {
    Map<String, Object> v = new HashMap<>();
    v.put("consent", true);
    v.put("category", "SOFTWARE_PRODUCT");
    v.put("reporterName", "鈴木 一郎");
    v.put("reporterOrganization", "例示大学");
    v.put("reporterEmail", email);
    v.put("reporterPhone", "03-0000-0000");
    v.put("shareContactWithDeveloper", false);
    v.put("creditWanted", false);
    v.put("productDeveloper", "例示ネットワークス株式会社");
    v.put("productName", "MailGateway");
    v.put("productVersions", "2.x");
    v.put("vulnType", "OS コマンドインジェクション");
    v.put("summary", "管理画面で OS コマンドインジェクション");
    v.put("details", "診断機能の ping 宛先にコマンドを連結できる。");
    v.put("discoveredOn", "2026-11-10");
    return v;
  }
}
