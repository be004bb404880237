package jp.vulnreport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check is the engine's, written as EXISTS (the shadowed
 * org/camunda/bpm/engine/impl/mapping/entity/Task.xml): the same tasks are visible to the same
 * people, and the file is the engine's own but for the two marked changes (so an engine upgrade
 * that changes Task.xml fails here until the shadow is made again from the new file).
 */
class TaskQueryAuthorizationTest extends IntegrationTest {

  static final String MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";

  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;

  @Test
  void eachGroupSeesItsCandidateTasksAndManagersSeeAll() {
    ProcessInstance atFormalCheck = cases.atFormalCheck("report-product", n -> { });
    ProcessInstance atVerification = cases.atFormalCheck("report-product", n -> { });
    cases.complete(atVerification, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(atVerification, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT", "productKind", "WEB_APPLICATION"));
    String formalCheck = cases.task(atFormalCheck).getId();
    String verification = cases.task(atVerification).getId();
    assertThat(cases.task(atVerification).getTaskDefinitionKey()).isEqualTo("Task_Verification");
    String[] mine = {atFormalCheck.getId(), atVerification.getId()};

    assertThat(visible("receipt1", List.of(Groups.RECEIPT), mine)).containsExactly(formalCheck);
    assertThat(visible("analyst1", List.of(Groups.ANALYST), mine)).containsExactly(verification);
    assertThat(visible("liaison1", List.of(Groups.LIAISON), mine)).isEmpty();
    assertThat(visible("manager1", List.of(Groups.MANAGER), mine)).containsExactlyInAnyOrder(formalCheck, verification);
    assertThat(visible("stranger", List.of(), mine)).isEmpty();

    // Tasklist's group filter, as receipt1: the formal check, never the analyst's verification
    String groupFilter = filters.createFilterQuery().filterName("グループのタスク / My groups' tasks").singleResult().getId();
    identity.setAuthentication("receipt1", List.of(Groups.RECEIPT));
    try {
      List<String> listed = filters.<Task>list(groupFilter).stream().map(Task::getId).toList();
      assertThat(listed).contains(formalCheck).doesNotContain(verification);
      assertThat(filters.count(groupFilter)).isEqualTo(listed.size());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The tasks of these instances the user sees through the task query (authorization checks on). */
  private List<String> visible(String user, List<String> groups, String... processInstances) {
    identity.setAuthentication(user, groups);
    try {
      var query = tasks.createTaskQuery().processInstanceIdIn(processInstances);
      List<String> ids = query.list().stream().map(Task::getId).toList();
      assertThat(query.count()).isEqualTo(ids.size());
      return ids;
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void theShadowedMappingIsTheEnginesButForTheTwoMarkedChanges() throws Exception {
    String ours;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(MAPPING)) {
      ours = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(ours).as("the application's Task.xml comes first on the class path").contains("vulnreport:");
    String engine;
    try (JarFile jar = new JarFile(ProcessEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath())) {
      try (InputStream in = jar.getInputStream(jar.getEntry(MAPPING))) {
        engine = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String join = ours.substring(ours.indexOf("      <!-- vulnreport: the AUTH join"),
        ours.indexOf("        <include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
            + ".authCheckJoinWithoutOnClause\" />"));
    String check = ours.substring(ours.indexOf("      <!-- vulnreport: the task is readable"),
        ours.indexOf("      </choose>", ours.indexOf("      <!-- vulnreport: the task is readable")) + "      </choose>".length());
    String restored = ours
        .replace(join, "      <if test=\"!authCheck.revokeAuthorizationCheckEnabled\">    \n")
        .replace(check, "      <include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
            + ".contextualAuthorizationCheck\" /> ");
    assertThat(restored).isEqualTo(engine);
    assertThat(check).contains("EXISTS", "A.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )",
        "atomicChecksOnResourceTypeAndPerms");
  }
}
