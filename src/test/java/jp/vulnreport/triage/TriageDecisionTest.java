package jp.vulnreport.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** processes/triage.dmn against every row of CISA's published SSVC coordinator table, and its effects on a case. */
class TriageDecisionTest extends IntegrationTest {

  @Autowired Triage triage;
  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRegister register;

  @Test
  void everyRowOfThePublishedTable() throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/ssvc/cisa_coordinator_2_0_3.csv"), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      assertThat(header).contains("Exploitation").contains("CISA Levels");
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
    }
    assertThat(rows).hasSize(36);
    for (String[] r : rows) {
      assertThat(triage.decide(new Triage.Inputs(r[1], r[2], r[3], r[4]))).as("row " + r[0]).isEqualTo(r[5]);
    }
  }

  @Test
  void unknownValuesAreRefused() {
    assertThatThrownBy(() -> new Triage.Inputs("sometimes", "no", "partial", "low")).hasMessageContaining("exploitation");
  }

  @Test
  void anActCaseIsStoredAndItsTasksComeFirst() {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    cases.complete(pi, Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "exploitationStatus", "ACTIVE", "affectedVersions", "all", "ssvcAutomatable", "yes",
        "ssvcTechnicalImpact", "total", "ssvcMissionImpact", "high"));
    assertThat(pi).hasPassed("Task_Triage").variables().containsEntry("ssvcPriority", "act")
        .containsEntry("priority", "ACT");
    assertThat(jdbc.queryForObject("SELECT ssvc_priority FROM vr_case WHERE tracking_number = ?", String.class,
        pi.getBusinessKey())).isEqualTo("act");
    assertThat(register.timeline(pi.getBusinessKey())).anyMatch(e -> e.type().equals("TRIAGED")
        && e.detail().contains("active/yes/total/high -> act"));
    ProcessInstance gov = cases.government(pi.getBusinessKey());
    assertThat(tasks.createTaskQuery().processInstanceId(gov.getId()).singleResult().getPriority()).isEqualTo(90);
    assertThat(Triage.taskPriority("track")).isLessThan(Triage.taskPriority("track*"));
    assertThat(Triage.taskPriority("attend")).isLessThan(Triage.taskPriority("act"));
  }
}
