package jp.vulnreport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention and erasure (DESIGN.md §4): when a closed case's retention period is over, or earlier
 * on a manager's request, the discoverer's name, mail address, phone and credit name occur nowhere
 * in the database — not in our tables, not in the engine's runtime or history — and the
 * attachments are gone; the case facts and the record of mails sent stay.
 */
class PersonalDataErasureTest extends IntegrationTest {

  // unique per test: the search covers the whole database, other tests' cases included
  private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger(
      (int) (System.nanoTime() % 9000));
  final int run = RUN.incrementAndGet() % 10000;
  final String NAME = "削除 花子" + run;
  final String EMAIL = "erase.me." + run + "@example.jp";
  final String PHONE = String.format("03-9%03d-%04d", run % 1000, run);
  final String CREDIT = "Erase Hanako " + run;

  @Autowired Cases cases;
  @Autowired IntakeService intake;
  @Autowired ReportParser parser;
  @Autowired AttachmentStore attachments;
  @Autowired AttachmentProperties attachmentProperties;
  @Autowired CaseRegister register;
  @Autowired CaseCommands commands;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired jp.vulnreport.coordination.Coordinations coordinations;
  @Autowired jp.vulnreport.coordination.DeveloperRegistry registry;

  @Test
  void whenTheRetentionPeriodIsOverThePersonalDataIsErasedEverywhere() throws Exception {
    String tn = notAcceptedCaseWithPersonalDataEverywhere();
    // the search finds the data before erasure (so that "nothing found" afterwards means something)
    assertThat(hits(NAME)).isNotEmpty();
    assertThat(hits(EMAIL)).isNotEmpty();

    ProcessInstance retention = runtime.createProcessInstanceQuery().processDefinitionKey("PersonalDataRetention")
        .processInstanceBusinessKey(tn).singleResult();
    assertThat(retention).isWaitingAt("Timer_RetentionPeriod");
    Job timer = management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult();
    OffsetDateTime closed = register.get(tn).closedAt();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(closed.plusDays(1095).toInstant());
    Path file = storedFile(tn);
    assertThat(file).exists();

    clock.advance(java.time.Duration.ofDays(1096));
    management.executeJob(timer.getId());
    cases.runJobs(retention.getId());
    assertThat(retention).isEnded().hasPassed("Task_ErasePersonalData");

    for (String needle : List.of(NAME, EMAIL, PHONE, CREDIT)) {
      assertThat(hits(needle)).as(needle).isEmpty();
    }
    assertThat(file).doesNotExist();
    assertThat(jdbc.queryForObject("SELECT file_name FROM vr_attachment WHERE tracking_number = ?", String.class, tn))
        .isEqualTo(AttachmentStore.ERASED_NAME);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_private_link WHERE tracking_number = ? "
        + "AND revoked_at IS NULL", Integer.class, tn)).isZero();
    // the case facts and the record of the mails sent stay
    assertThat(register.get(tn).state()).isEqualTo(CaseState.NOT_ACCEPTED);
    assertThat(jdbc.queryForList("SELECT template FROM vr_mail_record WHERE tracking_number = ?", String.class, tn))
        .contains("acknowledgement", "clarification-request", "non-acceptance");
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("PERSONAL_DATA_ERASED")
        && e.actor().equals(CaseRegister.SYSTEM));
  }

  @Test
  void managersEraseEarlierOnRequestWithAReason() throws Exception {
    String tn = notAcceptedCaseWithPersonalDataEverywhere();
    String url = "/api/cases/" + tn + "/personal-data/erasure";
    mvc.perform(post(url).header("Authorization", Http.basic("receipt1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"本人の求め\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(post(url).header("Authorization", Http.basic("manager1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
        .andExpect(status().isBadRequest());
    assertThat(hits(EMAIL)).isNotEmpty();

    mvc.perform(post(url).header("Authorization", Http.basic("manager1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"発見者本人からの削除の求め（2026-11-26 受付）\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reporterErased").value(true))
        .andExpect(jsonPath("$.attachmentsErased").value(1))
        .andExpect(jsonPath("$.linksRevoked").value(1));
    for (String needle : List.of(NAME, EMAIL, PHONE, CREDIT)) {
      assertThat(hits(needle)).as(needle).isEmpty();
    }
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("PERSONAL_DATA_ERASED")
        && e.actor().equals("manager1") && e.detail().startsWith("発見者本人からの削除の求め"));
    // nothing is left for the retention timer to do
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("PersonalDataRetention")
        .processInstanceBusinessKey(tn).count()).isZero();
    // a second request changes nothing
    mvc.perform(post(url).header("Authorization", Http.basic("manager1", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再度\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.reporterErased").value(false));
  }

  /**
   * A developer's self-report makes its reporter the case's coordination contact point (name and
   * mail address copied from the report). When the retention period is over that copy goes with
   * the rest: the contact point is cleared, not left with a placeholder. The developer registered
   * from the report keeps its registry entry (the organisation's contact: its name is the
   * organisation's, its address the one the report gave) — the only place the address stays.
   */
  @Test
  void aSelfReportsContactPointCopiedFromTheReporterIsErasedToo() throws Exception {
    String developer = "消去検証ソフト" + run + " 株式会社";
    String tn = cases.submit("report-self", n -> {
      n.with("reporter").put("name", NAME).put("email", EMAIL).put("phone", PHONE).put("organization", developer);
      n.with("product").put("developer", developer).put("name", "EraseCMS" + run)
          .put("purl", "pkg:maven/jp.example.erase" + run + "/erasecms@1.0")
          .put("cpe", "cpe:2.3:a:erase" + run + ":erasecms:1.0:*:*:*:*:*:*:*");
    }).trackingNumber();
    ProcessInstance receipt = cases.instance(tn);
    cases.runJobs(receipt.getId());
    cases.throughVerification(receipt, "NONE");
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(tn).singleResult();
    assertThat(coordination).isNotNull();
    cases.runJobs(coordination.getId());
    // a coordinator confirms the reporting developer: a new one, its contact verified by another channel
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ConfirmSelfReporter",
        Map.of("selfReportDecision", "REGISTER_NEW", "selfReportContactVerified", true));
    cases.runJobs(coordination.getId());
    // adopted: the reporter is the contact point, and the developer was registered from the report
    List<jp.vulnreport.coordination.Coordinations.Coordination> devs = coordinations.forCase(tn);
    assertThat(devs).hasSize(1);
    assertThat(devs.get(0).contactPointName()).isEqualTo(NAME);
    assertThat(devs.get(0).contactPointEmail()).isEqualTo(EMAIL);
    String developerId = devs.get(0).developerId();
    assertThat(registry.get(developerId).contactEmails()).containsExactly(EMAIL);

    commands.discontinue(tn, "届出者の求めにより取りやめ", "manager1");
    cases.runJobs(receipt.getId());
    cases.runJobs(coordination.getId());
    ProcessInstance retention = runtime.createProcessInstanceQuery().processDefinitionKey("PersonalDataRetention")
        .processInstanceBusinessKey(tn).singleResult();
    assertThat(retention).isWaitingAt("Timer_RetentionPeriod");
    clock.advance(java.time.Duration.ofDays(1096));
    management.executeJob(management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult().getId());
    cases.runJobs(retention.getId());
    assertThat(retention).isEnded().hasPassed("Task_ErasePersonalData");

    // no copy of the reporter's personal data is left with the case: the contact point is empty
    assertThat(jdbc.queryForMap("SELECT contact_point_name, contact_point_email FROM vr_coordination "
        + "WHERE tracking_number = ?", tn)).hasSize(2).allSatisfy((k, v) -> assertThat(v).as(k).isNull());
    assertThat(hits(NAME)).isEmpty();
    assertThat(hits(PHONE)).isEmpty();
    // the mail address stays only as the registry's contact of the developer (not deleted)
    assertThat(hits(EMAIL)).allSatisfy(where -> assertThat(where.toLowerCase()).contains("vr_developer"));
    assertThat(registry.get(developerId).name()).isEqualTo(developer);
    assertThat(register.timeline(tn)).anyMatch(e -> e.type().equals("PERSONAL_DATA_ERASED")
        && e.detail().contains("contact points 1"));
  }

  /**
   * A report whose discoverer's data also went into free text (an answer, a file name), asked a
   * question, answered, then not accepted: closed, with its retention process waiting.
   */
  private String notAcceptedCaseWithPersonalDataEverywhere() {
    var json = cases.example("report-product", n -> {
      var reporter = n.with("reporter");
      reporter.put("name", NAME).put("email", EMAIL).put("phone", PHONE);
      reporter.with("credit").put("wanted", true).put("displayName", CREDIT);
    });
    ReportSubmission report = parser.parse(json, ReportSubmission.class);
    AttachmentStore.Staged poc = attachments.stage(EMAIL + "_poc.txt",
        new ByteArrayInputStream("print('poc')\n".getBytes(StandardCharsets.UTF_8)), List.of());
    String tn = intake.submit(report, List.of(poc), IntakeService.Channel.PAGE).trackingNumber();
    ProcessInstance pi = cases.instance(tn);
    cases.runJobs(pi.getId());
    cases.complete(pi, Map.of("formalCheckOutcome", "CLARIFICATION", "clarificationQuestions", "連絡先の確認です"));
    commands.answerClarification(register.get(tn), NAME + "です。連絡は " + EMAIL + " または " + PHONE + " へ。");
    cases.runJobs(pi.getId());
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", false, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    assertThat(register.get(tn).state()).isEqualTo(CaseState.NOT_ACCEPTED);
    return tn;
  }

  private Path storedFile(String tn) {
    String key = jdbc.queryForObject("SELECT storage_key FROM vr_attachment WHERE tracking_number = ?", String.class, tn);
    return attachmentProperties.dir().resolve(key);
  }

  /** Every table.column of the database (ours and the engine's) whose text or bytes contain {@code needle}. */
  private List<String> hits(String needle) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM "
        + "INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA) = 'public'");
    assertThat(columns).hasSizeGreaterThan(100);
    for (Map<String, Object> c : columns) {
      String table = "\"" + c.get("TABLE_NAME") + "\"";
      String column = "\"" + c.get("COLUMN_NAME") + "\"";
      String type = ((String) c.get("DATA_TYPE")).toLowerCase();
      if (type.contains("char") || type.equals("text")) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ?",
            Integer.class, "%" + needle + "%");
        if (n > 0) {
          found.add(table + "." + column);
        }
      } else if (type.contains("binary") || type.equals("bytea") || type.contains("blob")) {
        for (byte[] bytes : jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE " + column
            + " IS NOT NULL", byte[].class)) {
          if (new String(bytes, StandardCharsets.UTF_8).contains(needle)) {
            found.add(table + "." + column);
            break;
          }
        }
      }
    }
    return found;
  }
}
