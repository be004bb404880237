package jp.vulnreport.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static jp.vulnreport.support.GateProbes.FLOWS_IN_OUT;
import static jp.vulnreport.support.GateProbes.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.vulnreport.Sha256;
import jp.vulnreport.deadline.DeadlinePolicy;
import jp.vulnreport.security.Groups;
import jp.vulnreport.support.GateProbes;
import jp.vulnreport.support.Http;
import jp.vulnreport.web.WebServerTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: a process owner deployed a diagram whose expression made them an administrator. Every
 * deployment now passes the gate (jp.vulnreport.deployment) and is recorded. Driven as Camunda
 * Modeler does: owner1 over HTTP Basic, multipart POST to /engine-rest/deployment/create.
 */
class DeploymentGateTest extends WebServerTest {

  static final String ESCALATION = "${identityService.createMembership('owner1', 'camunda-admin')}";

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeadlinePolicy deadlinePolicy;
  @Autowired ObjectMapper mapper;

  // --- the escalation of issue 13

  @Test
  void theEscalationDiagramIsRefusedAndOwnerStaysOwner() throws Exception {
    String name = "escalation-" + UUID.randomUUID();
    String bpmn = process("Process_Escalation", "<bpmn:serviceTask id=\"Activity_Work\" name=\"昇格\""
        + " camunda:expression=\"" + xml(ESCALATION) + "\">" + FLOWS_IN_OUT + "</bpmn:serviceTask>", "");

    HttpResponse<String> r = deploy("owner1", name, Map.of("escalation.bpmn", bpmn));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = mapper.readTree(r.body());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    List<String> errors = errors(body, "escalation.bpmn");
    assertThat(errors).anySatisfy(e -> assertThat(e).contains(ESCALATION).contains("identityService"));
    assertThat(identityService.createUserQuery().userId("owner1").memberOfGroup(Groups.ADMIN).count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_Escalation").count())
        .isZero();
  }

  /** The same diagram through the Java API: the gate sits in the engine, not in front of the REST API. */
  @Test
  void theJavaApiMeetsTheSameGate() {
    String bpmn = process("Process_EscalationJava", "<bpmn:serviceTask id=\"Activity_Work\" camunda:expression=\""
        + xml(ESCALATION) + "\">" + FLOWS_IN_OUT + "</bpmn:serviceTask>", "");
    String name = "escalation-java-" + UUID.randomUUID();
    assertThatThrownBy(() -> repositoryService.createDeployment().name(name).addString("e.bpmn", bpmn).deploy())
        .isInstanceOf(DeploymentRefusedException.class).hasMessageContaining("identityService");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap("SELECT user_id, outcome FROM vr_deployment_record"
        + " WHERE deployment_name = ?", name);
    assertThat(row).containsEntry("USER_ID", "system").containsEntry("OUTCOME", "REFUSED");
  }

  /** Cockpit's copy of the REST API (session login with the XSRF token, as the webapps do). */
  @Test
  void theWebappsRestApiMeetsTheSameGate() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/welcome/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create(base() + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=owner1&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session: its token comes with the next request, as in the browser
    http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String name = "cockpit-" + UUID.randomUUID();
    HttpResponse<String> r = http.send(multipart(base() + "/camunda/api/engine/engine/default/deployment/create",
            name, Map.of("escalation.bpmn", expressionTask(ESCALATION)), false)
        .header("X-XSRF-TOKEN", xsrf(cookies)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(errors(mapper.readTree(r.body()), "escalation.bpmn"))
        .anySatisfy(e -> assertThat(e).contains("identityService"));
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT user_id FROM vr_deployment_record WHERE deployment_name = ?",
        String.class, name)).isEqualTo("owner1");
    assertThat(identityService.createUserQuery().userId("owner1").memberOfGroup(Groups.ADMIN).count()).isZero();
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  static Stream<Arguments> refusedVariants() {
    return Stream.of(
        Arguments.of("execution.processEngineServices", "escalation.bpmn", expressionTask(
            "${execution.processEngineServices.identityService.createMembership('owner1', 'camunda-admin')}"),
            "processEngineServices"),
        Arguments.of("#{...}", "escalation.bpmn", expressionTask(
            "#{identityService.createMembership('owner1', 'camunda-admin')}"), "identityService"),
        Arguments.of("getProcessEngineServices()", "escalation.bpmn", listenerTask(
            "${execution.getProcessEngineServices().getIdentityService().createMembership('owner1', 'camunda-admin')}"),
            "getProcessEngineServices"),
        Arguments.of("groovy script task", "script.bpmn", process("Process_Groovy",
            "<bpmn:scriptTask id=\"Activity_Work\" scriptFormat=\"groovy\">" + FLOWS_IN_OUT
                + "<bpmn:script>org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine()</bpmn:script>"
                + "</bpmn:scriptTask>", ""), "script"),
        Arguments.of("javascript script task", "script.bpmn", process("Process_Javascript",
            "<bpmn:scriptTask id=\"Activity_Work\" scriptFormat=\"javascript\">" + FLOWS_IN_OUT
                + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>", ""), "script"),
        Arguments.of("execution listener with camunda:class", "class.bpmn", process("Process_Class",
            "<bpmn:task id=\"Activity_Work\"><bpmn:extensionElements><camunda:executionListener"
                + " class=\"org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener\" event=\"start\" />"
                + "</bpmn:extensionElements>" + FLOWS_IN_OUT + "</bpmn:task>", ""), "camunda:class"),
        Arguments.of("condition in javascript", "condition.bpmn", process("Process_Condition",
            "<bpmn:task id=\"Activity_Work\">" + FLOWS_IN_OUT + "</bpmn:task>",
            "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"
                + "java.lang.System.exit(0)</bpmn:conditionExpression>"), "javascript"),
        Arguments.of("a bean from outside the application", "bean.bpmn",
            expressionTask("${runtimeService.startProcessInstanceByKey('Process_Other')}"), "runtimeService"),
        Arguments.of("an application service that is not for diagrams (the case register)", "register.bpmn",
            expressionTask("${caseRegister.eraseReporter('r1')}"), "caseRegister"),
        Arguments.of("a method of a diagram bean that is not marked for diagrams", "unmarked.bpmn",
            expressionTask("${deadlines.forCase('IPA-2026-00001')}"), "@ProcessExpression"),
        Arguments.of("getClass().forName", "reflection.bpmn",
            expressionTask("${x.getClass().forName('java.lang.Runtime')}"), "getClass"),
        Arguments.of("DMN in javascript", "policy.dmn", dmn("expressionLanguage=\"javascript\"", "1 + 1"),
            "javascript"),
        Arguments.of("DMN in JUEL calling a bean", "policy.dmn",
            dmn("expressionLanguage=\"juel\"", "${identityService.createMembership('owner1', 'camunda-admin')}"),
            "juel"),
        Arguments.of("form with an iframe", "evil.form", "{\"id\": \"Form_Evil\", \"executionPlatformVersion\":"
            + " \"7.24.0\", \"components\": [{\"id\": \"Frame_1\", \"type\": \"iframe\", \"url\":"
            + " \"https://attacker.example/\", \"label\": \"x\"}]}", "iframe"),
        Arguments.of("a resource of another kind", "run.groovy", "println 'x'", ".bpmn, .dmn, .form"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedVariants")
  void refused(String label, String resource, String content, String named) throws Exception {
    String name = "variant-" + UUID.randomUUID();
    HttpResponse<String> r = deploy("owner1", name, Map.of(resource, content));
    assertThat(r.statusCode()).as(label + ": " + r.body()).isEqualTo(400);
    assertThat(errors(mapper.readTree(r.body()), resource)).as(label).anySatisfy(e -> assertThat(e).contains(named));
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(identityService.createUserQuery().userId("owner1").memberOfGroup(Groups.ADMIN).count()).isZero();
  }

  @Test
  void houseRulesAreListed() throws Exception {
    String noDi = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="Definitions_Rules" targetNamespace="http://bpmn.io/schema/bpmn"
            modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <bpmn:process id="Process_Rules" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Start"><bpmn:outgoing>Flow_One</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="Activity_Review" name="確認"><bpmn:incoming>Flow_One</bpmn:incoming></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_One" sourceRef="StartEvent_Start" targetRef="Activity_Review" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    HttpResponse<String> r = deploy("owner1", "rules-" + UUID.randomUUID(), Map.of("rules.bpmn", noDi));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    List<String> errors = errors(mapper.readTree(r.body()), "rules.bpmn");
    assertThat(String.join("\n", errors))
        .contains("StartEvent_Start has no shape in the diagram (BPMN DI)")
        .contains("sequence flow Flow_One has no edge")
        .contains("process Process_Rules has no camunda:historyTimeToLive")
        .contains("user task Activity_Review has no camunda:formRef")
        .contains("user task Activity_Review has no candidate groups")
        .contains("has no due date from the deadline policy");
  }

  // --- what passes

  @Test
  void theProjectsOwnProcessesAndFormsPassAndAreRecorded() throws Exception {
    Map<String, String> resources = new LinkedHashMap<>();
    for (Path f : files("processes", ".bpmn", ".dmn")) {
      resources.put(f.getFileName().toString(), Files.readString(f));
    }
    for (Path f : files("forms", ".form")) {
      resources.put(f.getFileName().toString(), Files.readString(f));
    }
    String name = "all-" + UUID.randomUUID();
    HttpResponse<String> r = deploy("owner1", name, resources);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = mapper.readTree(r.body()).path("id").asText();
    try {
      assertThat(repositoryService.getDeploymentResourceNames(id)).hasSize(resources.size());
      Map<String, Object> record = jdbc.queryForMap("SELECT id, user_id, outcome, deployment_id, failures"
          + " FROM vr_deployment_record WHERE deployment_name = ?", name);
      assertThat(record).containsEntry("USER_ID", "owner1").containsEntry("OUTCOME", "ACCEPTED")
          .containsEntry("DEPLOYMENT_ID", id).containsEntry("FAILURES", null);
      Map<String, String> hashes = new LinkedHashMap<>();
      jdbc.query("SELECT resource_name, sha256 FROM vr_deployment_record_resource WHERE record_id = ?",
          rs -> {
            hashes.put(rs.getString(1), rs.getString(2));
          }, record.get("ID"));
      Map<String, String> expected = new LinkedHashMap<>();
      resources.forEach((n, c) -> expected.put(n, Sha256.hex(c)));
      assertThat(hashes).isEqualTo(expected);
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
  }

  @Test
  void aChangedDeadlinePolicyPassesAndTakesEffect() throws Exception {
    String original = Files.readString(Path.of("processes/deadline-policy.dmn"));
    String changed = original.replace("<outputEntry id=\"Rule1_Amount\"><text>24</text>",
        "<outputEntry id=\"Rule1_Amount\"><text>12</text>");
    assertThat(changed).isNotEqualTo(original);
    assertThat(deadlinePolicy.period("GOVERNMENT_NOTICE", "ACTIVE", null).amount()).isEqualTo(24);
    HttpResponse<String> r = deploy("owner1", "policy-" + UUID.randomUUID(), Map.of("deadline-policy.dmn", changed));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = mapper.readTree(r.body()).path("id").asText();
    try {
      assertThat(deadlinePolicy.period("GOVERNMENT_NOTICE", "ACTIVE", null).amount()).isEqualTo(12);
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
    assertThat(deadlinePolicy.period("GOVERNMENT_NOTICE", "ACTIVE", null).amount()).isEqualTo(24);
  }

  /** Modeler deploys the same diagram again: duplicate filtering answers with the existing deployment. */
  @Test
  void aDuplicateFilteredRedeployStillWorks() throws Exception {
    String name = "dup-" + UUID.randomUUID();
    Map<String, String> resources = Map.of("plain.bpmn", GateProbes.passingProcess("Process_Plain" + suffix()));
    HttpResponse<String> first = deploy("owner1", name, resources, true);
    HttpResponse<String> second = deploy("owner1", name, resources, true);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    String id = mapper.readTree(first.body()).path("id").asText();
    try {
      assertThat(mapper.readTree(second.body()).path("id").asText()).isEqualTo(id);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_deployment_record WHERE deployment_name = ?",
          Integer.class, name)).isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
  }

  // --- the record

  @Test
  void refusedDeploymentsAreRecordedWithUserResourcesAndHashes() throws Exception {
    String name = "recorded-" + UUID.randomUUID();
    String bpmn = expressionTask(ESCALATION);
    assertThat(deploy("owner1", name, Map.of("escalation.bpmn", bpmn)).statusCode()).isEqualTo(400);
    Map<String, Object> record = jdbc.queryForMap("SELECT id, user_id, outcome, deployment_source, failures"
        + " FROM vr_deployment_record WHERE deployment_name = ?", name);
    assertThat(record).containsEntry("USER_ID", "owner1").containsEntry("OUTCOME", "REFUSED")
        .containsEntry("DEPLOYMENT_SOURCE", "Camunda Modeler");
    assertThat((String) record.get("FAILURES")).contains("escalation.bpmn: ").contains(ESCALATION);
    assertThat(jdbc.queryForMap("SELECT resource_name, sha256 FROM vr_deployment_record_resource WHERE record_id = ?",
        record.get("ID"))).containsEntry("RESOURCE_NAME", "escalation.bpmn")
        .containsEntry("SHA256", Sha256.hex(bpmn));

    HttpResponse<String> list = get("owner1", "/api/deployments");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode entry = null;
    for (JsonNode e : mapper.readTree(list.body())) {
      if (name.equals(e.path("deploymentName").asText())) {
        entry = e;
      }
    }
    assertThat(entry).as(list.body()).isNotNull();
    assertThat(entry.path("userId").asText()).isEqualTo("owner1");
    assertThat(entry.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(entry.path("resources").get(0).path("sha256").asText()).isEqualTo(Sha256.hex(bpmn));
    assertThat(get("manager1", "/api/deployments").statusCode()).isEqualTo(200);
    assertThat(get("receipt1", "/api/deployments").statusCode()).isEqualTo(403);
    assertThat(get("anonymous", "/api/deployments").statusCode()).isEqualTo(401);
  }

  /** The gate passes it, the engine refuses it (one key twice): recorded as refused, not as accepted. */
  @Test
  void aDeploymentTheEngineRefusesAfterTheGateIsRecordedAsRefused() throws Exception {
    String name = "engine-refused-" + UUID.randomUUID();
    String key = "Process_Twice" + suffix();
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put("one.bpmn", GateProbes.passingProcess(key));
    resources.put("two.bpmn", GateProbes.passingProcess(key));
    HttpResponse<String> r = deploy("owner1", name, resources);
    assertThat(r.statusCode()).as(r.body()).isBetween(400, 599);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT user_id, outcome, failures FROM vr_deployment_record"
        + " WHERE deployment_name = ?", name);
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("USER_ID", "owner1").containsEntry("OUTCOME", "REFUSED");
      assertThat((String) row.get("FAILURES")).contains("the engine rolled the deployment back");
    });
  }

  @Test
  void theApplicationsOwnStartUpDeploymentWasRecordedAsSystem() {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT user_id, outcome FROM vr_deployment_record"
        + " WHERE deployment_name = 'SpringAutoDeployment'");
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("USER_ID", "system")
        .containsEntry("OUTCOME", "ACCEPTED"));
  }

  // --- helpers

  static String expressionTask(String expression) {
    return process("Process_Expression", "<bpmn:serviceTask id=\"Activity_Work\" camunda:expression=\""
        + xml(expression) + "\">" + FLOWS_IN_OUT + "</bpmn:serviceTask>", "");
  }

  static String listenerTask(String expression) {
    return process("Process_Listener", "<bpmn:task id=\"Activity_Work\"><bpmn:extensionElements>"
        + "<camunda:executionListener expression=\"" + xml(expression) + "\" event=\"start\" />"
        + "</bpmn:extensionElements>" + FLOWS_IN_OUT + "</bpmn:task>", "");
  }

  static String dmn(String languageAttribute, String inputExpression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_Probe" name="probe" namespace="http://vulnreport.jp/dmn">
          <decision id="Decision_Probe" name="probe" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_One"><inputExpression id="InputExpression_One" typeRef="string" LANGUAGE>
                <text>EXPRESSION</text></inputExpression></input>
              <output id="Output_One" name="out" typeRef="string" />
              <rule id="Rule_One"><inputEntry id="Entry_One"><text></text></inputEntry>
                <outputEntry id="Out_One"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.replace("LANGUAGE", languageAttribute).replace("EXPRESSION", xml(inputExpression));
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace("'", "&#x27;");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private static List<String> errors(JsonNode body, String resource) {
    List<String> messages = new ArrayList<>();
    body.path("details").path(resource).path("errors").forEach(e -> messages.add(e.path("message").asText()));
    assertThat(messages).as("errors of " + resource + " in " + body).isNotEmpty();
    return messages;
  }

  HttpResponse<String> deploy(String user, String name, Map<String, String> resources) throws Exception {
    return deploy(user, name, resources, false);
  }

  /** A multipart deployment as Camunda Modeler sends it. */
  HttpResponse<String> deploy(String user, String name, Map<String, String> resources, boolean duplicateFiltering)
      throws Exception {
    HttpRequest request = multipart(base() + "/engine-rest/deployment/create", name, resources, duplicateFiltering)
        .header("Authorization", Http.basic(user, "demo")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder multipart(String url, String name, Map<String, String> resources,
      boolean duplicateFiltering) {
    String boundary = "----gate" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, name);
    part(body, boundary, "deployment-source", null, "Camunda Modeler");
    if (duplicateFiltering) {
      part(body, boundary, "enable-duplicate-filtering", null, "true");
    }
    for (Map.Entry<String, String> r : resources.entrySet()) {
      part(body, boundary, r.getKey(), r.getKey(), r.getValue());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String value) {
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (!"anonymous".equals(user)) {
      b.header("Authorization", Http.basic(user, "demo"));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static List<Path> files(String dir, String... suffixes) throws Exception {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(p -> Stream.of(suffixes).anyMatch(x -> p.toString().endsWith(x))).sorted().toList();
    }
  }
}
