package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.Http;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 製品開発者の特定 over HTTP as Tasklist does it: the developers to choose from are a Json variable
 * (the taglist's valuesKey), the choice comes back as a Json array of strings through
 * {@code /engine-rest/task/{id}/submit-form}; an id not in the registry is a message, not a crash.
 */
class DeveloperSelectionHttpTest extends WebServerTest {

  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  @Test
  void theEngineHasSpinJsonAndNoJavaSerialisation() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    // the starter registers its Spin plugin (in its composite) because Spin is on the classpath
    assertThat(config.getProcessEnginePlugins().toString()).contains("SpringBootSpinProcessEnginePlugin");
    assertThat(config.getVariableSerializers().getSerializerByName("json")).isNotNull();
  }

  @Test
  void aCoordinatorChoosesRegisteredDevelopersFromTheListAsTasklistSendsIt() throws Exception {
    ProcessInstance coordination = cases.atDeveloperIdentification();
    Task identify = cases.task(coordination);
    assertThat(identify.getTaskDefinitionKey()).isEqualTo("Task_IdentifyDevelopers");

    // what the form reads: the choices, the suggestions first with their reason in Japanese
    HttpResponse<String> vars = send("coordinator1", "GET", "/engine-rest/task/" + identify.getId()
        + "/form-variables?deserializeValues=false", null);
    assertThat(vars.statusCode()).isEqualTo(200);
    JsonNode choicesVar = json.readTree(vars.body()).get("developerChoices");
    assertThat(choicesVar).as("developerChoices in " + vars.body()).isNotNull();
    assertThat(choicesVar.get("type").asText()).isEqualTo("Json");
    JsonNode choices = json.readTree(choicesVar.get("value").asText());
    assertThat(choices.get(0).get("value").asText()).isEqualTo("sample-soft");
    assertThat(choices.get(0).get("label").asText())
        .isEqualTo("サンプルソフト株式会社 — pkg:maven/jp.example/samplecms（purl が一致）");
    List<String> values = choices.findValuesAsText("value");
    assertThat(values).contains("kakuu-joho", "rei-network", "example-devices", "tanaka-ichiro").doesNotHaveDuplicates();
    assertThat(choices.findValuesAsText("label")).anyMatch(l -> l.startsWith("架空情報システム株式会社") && l.contains("下流"));

    assertThat(send("coordinator1", "POST", "/engine-rest/task/" + identify.getId() + "/claim",
        "{\"userId\":\"coordinator1\"}").statusCode()).isEqualTo(204);

    // an id that is not in the registry: 400 with a message staff can act on; the task stays open
    HttpResponse<String> unknown = send("coordinator1", "POST", "/engine-rest/task/" + identify.getId() + "/submit-form",
        "{\"variables\":{\"developerIdsChosen\":{\"type\":\"Json\",\"value\":\"[\\\"dev-nosuch\\\"]\"},"
            + "\"lowImpact\":{\"type\":\"Boolean\",\"value\":false}}}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("message").asText()).contains("登録簿にない開発者", "dev-nosuch");
    assertThat(tasks.createTaskQuery().taskId(identify.getId()).count()).isEqualTo(1);

    // a Java-serialised object is not a list of choices
    HttpResponse<String> serialised = send("coordinator1", "POST", "/engine-rest/task/" + identify.getId()
        + "/submit-form", "{\"variables\":{\"developerIdsChosen\":{\"type\":\"Object\",\"value\":\"rO0ABXQAA2Fi\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
        + "\"application/x-java-serialized-object\"}}}}");
    assertThat(serialised.statusCode()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(identify.getId()).count()).isEqualTo(1);

    // exactly as Tasklist sends a taglist: a Json variable whose value is the array's text
    HttpResponse<String> done = send("coordinator1", "POST", "/engine-rest/task/" + identify.getId() + "/submit-form",
        "{\"variables\":{\"developerIdsChosen\":{\"type\":\"Json\",\"value\":\"[\\\"sample-soft\\\",\\\"kakuu-joho\\\"]\"},"
            + "\"lowImpact\":{\"type\":\"Boolean\",\"value\":false}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    cases.runJobs(coordination.getId());
    assertThat(tasks.createTaskQuery().taskId(identify.getId()).count()).isZero();
    assertThat(runtime.getVariable(coordination.getId(), "developerIds")).isEqualTo(List.of("sample-soft", "kakuu-joho"));
    String tn = coordination.getBusinessKey();
    for (String developer : List.of("sample-soft", "kakuu-joho")) {
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DeveloperCoordination")
          .processInstanceBusinessKey(tn).variableValueEquals("developerId", developer).count())
          .as("coordination with " + developer).isEqualTo(1);
    }
  }

  HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", Http.basic(user, "demo"));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
