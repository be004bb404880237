package jp.vulnreport.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.vulnreport.security.Groups;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Deploys every file in processes/ and forms/ into the engine and checks the house rules of
 * DESIGN.md §7: DI for every element, TTL, forms that exist, candidate groups, due dates from the
 * deadline policy, beans that exist, and mail tasks that are async with retries and a template.
 */
class ModelHouseRulesTest extends IntegrationTest {

  /** A bean method call in an expression ({@code ${deadlines.due(...)}}) or a delegate expression. */
  private static final Pattern BEAN = Pattern.compile(
      "\\$\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\.|delegateExpression=\"\\$\\{([a-zA-Z][a-zA-Z0-9]*)}\"");
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;
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

  @Test
  void bpmnHouseRules() throws IOException {
    Set<String> formIds = formIds();
    List<String> problems = new ArrayList<>();
    for (Path f : files("processes", ".bpmn")) {
      String file = f.getFileName().toString();
      String xml = Files.readString(f);
      if (!xml.contains("modeler:executionPlatformVersion=\"7.24.0\"")
          || !xml.contains("modeler:executionPlatform=\"Camunda Platform\"")) {
        problems.add(file + ": execution platform is not Camunda Platform 7.24.0");
      }
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
      Set<String> edges = new HashSet<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
      for (Process p : model.getModelElementsByType(Process.class)) {
        if (p.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + p.getId() + " has no historyTimeToLive");
        }
      }
      for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(n.getId())) {
          problems.add(file + ": " + n.getId() + " has no shape");
        }
        if (!n.getId().matches("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*")) {
          problems.add(file + ": id " + n.getId() + " is not Prefix_PascalCase");
        }
      }
      for (SequenceFlow s : model.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(s.getId())) {
          problems.add(file + ": flow " + s.getId() + " has no edge");
        }
      }
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        if (t.getCamundaFormRef() == null || !formIds.contains(t.getCamundaFormRef())) {
          problems.add(file + ": user task " + t.getId() + " has no existing form (" + t.getCamundaFormRef() + ")");
        }
        if (t.getCamundaCandidateGroups() == null || t.getCamundaCandidateGroupsList().isEmpty()) {
          problems.add(file + ": user task " + t.getId() + " has no candidate groups");
        } else if (!Groups.STAFF.containsAll(t.getCamundaCandidateGroupsList())) {
          problems.add(file + ": user task " + t.getId() + " names an unknown group " + t.getCamundaCandidateGroups());
        }
        if (t.getCamundaDueDate() == null || !t.getCamundaDueDate().contains("deadlines.")) {
          problems.add(file + ": user task " + t.getId() + " has no due date from the deadline policy");
        }
        if (!xml.contains("id=\"" + t.getId() + "\"") || !taskListeners(xml, t.getId()).contains("taskCompletionListener")) {
          problems.add(file + ": user task " + t.getId() + " does not record its completion (taskCompletionListener)");
        }
      }
      for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
        if (s.getCamundaFormRef() != null && !formIds.contains(s.getCamundaFormRef())) {
          problems.add(file + ": start event " + s.getId() + " refers to a missing form " + s.getCamundaFormRef());
        }
      }
      for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
        if (t.getCamundaDelegateExpression() == null) {
          problems.add(file + ": service task " + t.getId() + " is not a delegate expression");
        } else if ("${sendMailDelegate}".equals(t.getCamundaDelegateExpression())) {
          checkMailTask(file, t, problems);
        }
      }
      Matcher m = BEAN.matcher(xml);
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (!ENGINE_NAMES.contains(name) && !context.containsBean(name)) {
          problems.add(file + ": expression names '" + name + "', which is no bean");
        }
      }
      for (Matcher t = Pattern.compile("<bpmn:(timeDuration|timeDate|timeCycle)\\b[^>]*>([^<]*)<").matcher(xml); t.find(); ) {
        // deadlines.* is the policy; publications.* the publication target (from the policy) and the agreed date
        if (!t.group(2).contains("deadlines.") && !t.group(2).contains("publications.")) {
          problems.add(file + ": timer with a literal period " + t.group(2) + " (use the deadline policy)");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void dmnHouseRules() throws IOException {
    for (Path f : files("processes", ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(f.toFile());
      for (Decision d : model.getModelElementsByType(Decision.class)) {
        assertThat(d.getCamundaHistoryTimeToLiveString()).as(f + " " + d.getId()).isNotNull();
      }
    }
  }

  @Test
  void formsHaveIdsLabelsAndThe724Platform() throws IOException {
    for (Path f : files("forms", ".form")) {
      JsonNode form = mapper.readTree(f.toFile());
      assertThat(form.path("id").asText()).as(f.toString()).matches("Form_[A-Z][A-Za-z]+");
      assertThat(form.path("executionPlatformVersion").asText()).as(f.toString()).isEqualTo("7.24.0");
      Set<String> keys = new HashSet<>();
      for (JsonNode c : form.path("components")) {
        if (c.has("key")) {
          // form-js refuses to render a form that binds one key twice ("binding path ... is already claimed")
          assertThat(keys.add(c.path("key").asText())).as(f + " binds " + c.path("key").asText() + " twice").isTrue();
          boolean labelled = c.hasNonNull("label") || c.hasNonNull("dateLabel");
          assertThat(labelled).as(f + " field " + c.path("key").asText() + " has a label").isTrue();
        }
      }
    }
  }

  // --- helpers

  private void checkMailTask(String file, ServiceTask t, List<String> problems) {
    if (!t.isCamundaAsyncBefore() || !t.isCamundaAsyncAfter()) {
      problems.add(file + ": mail task " + t.getId() + " is not asyncBefore and asyncAfter");
    }
    List<CamundaFailedJobRetryTimeCycle> cycles = t.getExtensionElements() == null ? List.of()
        : t.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list();
    if (cycles.isEmpty() || !cycles.get(0).getTextContent().contains("mailPolicy.retryCycle()")) {
      problems.add(file + ": mail task " + t.getId() + " has no retry cycle from the mail policy");
    }
    Map<String, String> inputs = new HashMap<>();
    model(t).forEach(p -> inputs.put(p.getCamundaName(), p.getTextContent()));
    String template = inputs.get("mailTemplate");
    if (template == null || !new ClassPathResource("mail/" + template + ".txt").exists()) {
      problems.add(file + ": mail task " + t.getId() + " has no existing mailTemplate (" + template + ")");
    }
  }

  private static List<CamundaInputParameter> model(BaseElement e) {
    return new ArrayList<>(e.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> p.getParentElement().getParentElement().getParentElement() == e).toList());
  }

  private static String taskListeners(String xml, String id) {
    int start = xml.indexOf("id=\"" + id + "\"");
    int end = xml.indexOf("</bpmn:userTask>", start);
    return xml.substring(start, end);
  }

  private Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path f : files("forms", ".form")) {
      try (InputStream in = Files.newInputStream(f)) {
        ids.add(mapper.readTree(in).path("id").asText());
      }
    }
    return ids;
  }

  static List<Path> files(String dir, String... suffixes) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return new ArrayList<>(s.filter(p -> Stream.of(suffixes).anyMatch(x -> p.toString().endsWith(x))).sorted().toList());
    }
  }
}
