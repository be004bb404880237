package jp.vulnreport.deployment;

import static jp.vulnreport.support.GateProbes.FLOWS_IN_OUT;
import static jp.vulnreport.support.GateProbes.process;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.deployment.ExpressionChecker.BeanKind;
import jp.vulnreport.support.GateProbes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate's checks without the engine: BPMN constructs, DMN languages, forms, other resources. */
class DeploymentGateRulesTest {

  private static final Set<String> APPLICATION = Set.of("registerCaseDelegate", "deadlines");

  private final DeploymentGate gate = new DeploymentGate(new ObjectMapper());
  private final DeploymentGate.Lookups lookups = new DeploymentGate.Lookups(
      name -> APPLICATION.contains(name) ? BeanKind.APPLICATION
          : "identityService".equals(name) ? BeanKind.OTHER : BeanKind.NONE,
      form -> "Form_Known".equals(form), template -> "known".equals(template));

  private List<String> findings(String resource, String content) {
    List<DeploymentGate.ResourceFindings> found =
        gate.check(Map.of(resource, content.getBytes(StandardCharsets.UTF_8)), lookups);
    return found.isEmpty() ? List.of() : found.get(0).findings();
  }

  @Test
  void aPlainProcessPasses() {
    assertThat(findings("p.bpmn", GateProbes.passingProcess("Process_Plain"))).isEmpty();
    assertThat(findings("p.bpmn", process("Process_Delegate", "<bpmn:serviceTask id=\"Activity_Work\""
        + " camunda:delegateExpression=\"${registerCaseDelegate}\">" + FLOWS_IN_OUT + "</bpmn:serviceTask>", "")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<bpmn:serviceTask id='Activity_Work' xmlns:activiti='http://activiti.org/bpmn' activiti:class='x.Evil'>"
          + "FLOWS</bpmn:serviceTask>|camunda:class",
      "<bpmn:serviceTask id='Activity_Work' camunda:delegateExpression='${identityService}'>FLOWS</bpmn:serviceTask>"
          + "|identityService",
      "<bpmn:serviceTask id='Activity_Work' camunda:delegateExpression='${noSuchBean}'>FLOWS</bpmn:serviceTask>"
          + "|noSuchBean",
      "<bpmn:serviceTask id='Activity_Work' camunda:type='external' camunda:topic='t'>FLOWS</bpmn:serviceTask>"
          + "|external",
      "<bpmn:serviceTask id='Activity_Work'><bpmn:extensionElements><camunda:connector><camunda:connectorId>"
          + "http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>FLOWS"
          + "</bpmn:serviceTask>|camunda:connector",
      "<bpmn:task id='Activity_Work'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='a'>"
          + "<camunda:script scriptFormat='groovy'>1</camunda:script></camunda:inputParameter></camunda:inputOutput>"
          + "</bpmn:extensionElements>FLOWS</bpmn:task>|camunda:script",
      "<bpmn:task id='Activity_Work'><bpmn:extensionElements><camunda:taskListener class='x.Evil' event='create'/>"
          + "</bpmn:extensionElements>FLOWS</bpmn:task>|camunda:class",
      "<bpmn:task id='Activity_Work'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='a'>"
          + "${identityService.userQuery.list()}</camunda:inputParameter></camunda:inputOutput>"
          + "</bpmn:extensionElements>FLOWS</bpmn:task>|identityService",
      "<bpmn:callActivity id='Activity_Work' calledElement='Process_Other'><bpmn:extensionElements>"
          + "<camunda:in sourceExpression='${execution.processEngineServices}' target='x'/>"
          + "</bpmn:extensionElements>FLOWS</bpmn:callActivity>|processEngineServices",
      "<bpmn:userTask id='Activity_Work' camunda:formKey='embedded:deployment:evil.html' camunda:candidateGroups="
          + "'receipt' camunda:dueDate='${deadlines.due(execution, &apos;X&apos;)}'>FLOWS</bpmn:userTask>|formKey"})
  void bpmnConstructsAreRefused(String task, String named) {
    String bpmn = process("Process_Probe", task.replace('\'', '"').replace("FLOWS", FLOWS_IN_OUT), "");
    assertThat(findings("p.bpmn", bpmn)).anySatisfy(f -> assertThat(f).contains(named));
  }

  @Test
  void aDoctypeIsRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</bpmn:definitions>";
    assertThat(findings("p.bpmn", xxe)).singleElement().asString().contains("DTD");
  }

  @Test
  void dmnMustBeFeelWithoutJava() {
    assertThat(findings("d.dmn", dmn("", "\"a\""))).isEmpty();
    assertThat(findings("d.dmn", dmn("expressionLanguage=\"groovy\"", "1"))).isNotEmpty();
    assertThat(findings("d.dmn", dmn("expressionLanguage=\"python\"", "1"))).isNotEmpty();
    assertThat(findings("d.dmn", dmn("expressionLanguage=\"feel\"", "1"))).isEmpty();
    assertThat(findings("d.dmn", dmn("", "(function(x) external {java: {class: \"java.lang.System\","
        + " method signature: \"exit(int)\"}})(1)"))).singleElement().asString().contains("external");
    assertThat(findings("d.dmn", dmn("", "\"mentions external only in a string\""))).isEmpty();
    assertThat(findings("d.dmn", dmn("", "1").replace(" camunda:historyTimeToLive=\"P1D\"", "")))
        .singleElement().asString().contains("historyTimeToLive");
  }

  @Test
  void formsMayNotLoadOrShowForeignContent() {
    String ok = "{\"id\": \"Form_Ok\", \"executionPlatformVersion\": \"7.24.0\", \"components\": ["
        + "{\"id\": \"F1\", \"type\": \"textfield\", \"key\": \"name\", \"label\": \"名前\"},"
        + "{\"id\": \"F2\", \"type\": \"text\", \"text\": \"## 見出し\"}]}";
    assertThat(findings("f.form", ok)).isEmpty();
    assertThat(findings("f.form", ok.replace("\"textfield\"", "\"html\""))).isNotEmpty();
    assertThat(findings("f.form", ok.replace("\"textfield\"", "\"image\", \"source\": \"https://x/\"")))
        .anySatisfy(f -> assertThat(f).contains("image")).anySatisfy(f -> assertThat(f).contains("source"));
    assertThat(findings("f.form", ok.replace("## 見出し", "<script>alert(1)</script>"))).isNotEmpty();
    assertThat(findings("f.form", ok.replace("## 見出し", "![x](https://attacker.example/p.png)"))).isNotEmpty();
    assertThat(findings("f.form", ok.replace("\"key\": \"name\"", "\"key\": \"a.b\""))).isNotEmpty();
    assertThat(findings("f.form", ok.replace("\"label\": \"名前\"", "\"label\": \"javascript:alert(1)\"")))
        .isNotEmpty();
    assertThat(findings("f.form", "not json")).isNotEmpty();
    assertThat(findings("f.form", "{\"components\": []}")).anySatisfy(f -> assertThat(f).contains("id"));
  }

  @Test
  void userTasksNeedAFormThatExists() {
    String task = "<bpmn:userTask id=\"Activity_Work\" camunda:formRef=\"FORM\" camunda:formRefBinding=\"latest\""
        + " camunda:candidateGroups=\"receipt\" camunda:dueDate=\"${deadlines.due(execution, 'FORMAL_CHECK')}\">"
        + "<bpmn:extensionElements><camunda:taskListener delegateExpression=\"${registerCaseDelegate}\""
        + " event=\"complete\" /></bpmn:extensionElements>" + FLOWS_IN_OUT + "</bpmn:userTask>";
    assertThat(findings("p.bpmn", process("Process_Form", task.replace("FORM", "Form_Missing"), "")))
        .anySatisfy(f -> assertThat(f).contains("Form_Missing"));
    assertThat(findings("p.bpmn", process("Process_Form", task.replace("FORM", "Form_Known"), "")))
        .noneSatisfy(f -> assertThat(f).contains("form"));
  }

  @Test
  void otherResourcesAreRefusedByName() {
    assertThat(gate.check(Map.of("page.html", new byte[0], "ok.bpmn",
        GateProbes.passingProcess("Process_Ok").getBytes(StandardCharsets.UTF_8)), lookups))
        .singleElement().extracting(DeploymentGate.ResourceFindings::resourceName).isEqualTo("page.html");
  }

  private static String dmn(String language, String text) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_Probe" name="probe" namespace="http://vulnreport.jp/dmn">
          <decision id="Decision_Probe" name="probe" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_Probe">
              <input id="Input_One"><inputExpression id="InputExpression_One" typeRef="string" LANGUAGE>
                <text>a</text></inputExpression></input>
              <output id="Output_One" name="out" typeRef="string" />
              <rule id="Rule_One"><inputEntry id="Entry_One"><text></text></inputEntry>
                <outputEntry id="Out_One"><text>TEXT</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.replace("LANGUAGE", language).replace("TEXT", text.replace("&", "&amp;").replace("<", "&lt;"));
  }
}
