package jp.vulnreport.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.vulnreport.deployment.ApplicationBeans;
import jp.vulnreport.deployment.DeploymentGate;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Deploys every file in processes/ and forms/ into the engine and checks the house rules of
 * DESIGN.md §7 (DI for every element, TTL, forms that exist, candidate groups, due dates from the
 * deadline policy, beans that exist, mail tasks that are async with retries and a template) with
 * the deployment gate that enforces them (jp.vulnreport.deployment).
 */
class ModelHouseRulesTest extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ConfigurableListableBeanFactory beanFactory;
  @Autowired ObjectMapper mapper;

  @Test
  void everyModelAndFormDeploysTogether() throws IOException {
    DeploymentBuilder builder = repositoryService.createDeployment().name("house-rules-check");
    List<Path> files = files("processes", ".bpmn", ".dmn");
    files.addAll(files("forms", ".form"));
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (Path f : files) {
      builder.addString(f.getFileName().toString(), Files.readString(f));
    }
    Deployment d = builder.deploy();
    try {
      assertThat(repositoryService.getDeploymentResourceNames(d.getId())).hasSize(files.size());
      assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(d.getId()).count())
          .isEqualTo(files("processes", ".bpmn").size());
      assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(d.getId()).count())
          .isEqualTo(files("processes", ".dmn").size());
    } finally {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  @Test
  void theApplicationDeployedTheSameFiles() throws IOException {
    for (Path f : files("processes", ".bpmn", ".dmn")) {
      assertThat(new ClassPathResource("processes/" + f.getFileName()).exists()).as(f.toString()).isTrue();
    }
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("SoftwareVulnerabilityReport")
        .count()).isPositive();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("AcceptanceDecision").count())
        .isPositive();
  }

  /**
   * The house rules and the code rules live once, in the deployment gate (jp.vulnreport.deployment):
   * every file of processes/ and forms/ passes it, with the application's real beans and mail
   * templates (the gate also checks them at every deployment, the application's own at start-up).
   */
  @Test
  void everyModelAndFormPassesTheDeploymentGate() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    List<Path> files = files("processes", ".bpmn", ".dmn");
    files.addAll(files("forms", ".form"));
    for (Path f : files) {
      resources.put(f.getFileName().toString(), Files.readAllBytes(f));
    }
    DeploymentGate gate = new DeploymentGate(mapper);
    List<DeploymentGate.ResourceFindings> findings = gate.check(resources, new DeploymentGate.Lookups(
        new ApplicationBeans(beanFactory), formId -> false,
        template -> new ClassPathResource("mail/" + template + ".txt").exists()));
    assertThat(findings).isEmpty();
  }

  static List<Path> files(String dir, String... suffixes) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return new ArrayList<>(s.filter(p -> Stream.of(suffixes).anyMatch(x -> p.toString().endsWith(x))).sorted().toList());
    }
  }
}
