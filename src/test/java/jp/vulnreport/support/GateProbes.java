package jp.vulnreport.support;

/**
 * Diagrams that keep every house rule of the deployment gate (jp.vulnreport.deployment), for tests
 * that deploy through the engine REST API as Camunda Modeler does.
 */
public final class GateProbes {

  private GateProbes() {}

  public static final String FLOWS_IN_OUT = "<bpmn:incoming>Flow_One</bpmn:incoming><bpmn:outgoing>Flow_Two"
      + "</bpmn:outgoing>";

  /** A process that keeps every house rule: start → {@code task} (id Activity_Work) → end, with DI. */
  public static String process(String key, String task, String secondFlowCondition) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn"
            modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
          <bpmn:process id="KEY" name="試験 / probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Start"><bpmn:outgoing>Flow_One</bpmn:outgoing></bpmn:startEvent>
            TASK
            <bpmn:endEvent id="EndEvent_End"><bpmn:incoming>Flow_Two</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_One" sourceRef="StartEvent_Start" targetRef="Activity_Work" />
            <bpmn:sequenceFlow id="Flow_Two" sourceRef="Activity_Work" targetRef="EndEvent_End">CONDITION</bpmn:sequenceFlow>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_Probe">
            <bpmndi:BPMNPlane id="BPMNPlane_Probe" bpmnElement="KEY">
              <bpmndi:BPMNShape id="Shape_Start" bpmnElement="StartEvent_Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Shape_Work" bpmnElement="Activity_Work"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Shape_End" bpmnElement="EndEvent_End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Edge_One" bpmnElement="Flow_One"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Edge_Two" bpmnElement="Flow_Two"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.replace("KEY", key).replace("TASK", task).replace("CONDITION", secondFlowCondition);
  }

  /** A process the gate accepts: start, a plain task, end. */
  public static String passingProcess(String key) {
    return process(key, "<bpmn:task id=\"Activity_Work\" name=\"作業\">" + FLOWS_IN_OUT + "</bpmn:task>", "");
  }
}
