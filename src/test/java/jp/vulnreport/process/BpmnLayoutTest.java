package jp.vulnreport.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The diagrams a coordinator reads in Modeler are laid out readably: no two shapes overlap (a
 * boundary event on its host and the elements inside an expanded subprocess excepted), every
 * sequence flow starts on its source's outline and ends on its target's (within a few pixels), and
 * no flow runs through a shape other than its own ends. Checked for every diagram in processes/.
 */
class BpmnLayoutTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  /** How far (px) a waypoint may be from the outline it should touch. */
  static final double TOLERANCE = 3;

  record Box(double x, double y, double w, double h) {
    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }

    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    /** Strictly inside, a tolerance away from the border. */
    boolean interior(double px, double py) {
      return px > x + TOLERANCE && px < x + w - TOLERANCE && py > y + TOLERANCE && py < y + h - TOLERANCE;
    }
  }

  record Point(double x, double y) {}

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @Test
  void everyDiagramIsChecked() throws IOException {
    assertThat(diagrams().map(p -> p.getFileName().toString())).contains("developer-coordination.bpmn",
        "coordination.bpmn", "software-vulnerability-report.bpmn");
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void noOverlappingShapesAndFlowsEndOnTheirShapes(Path diagram) throws Exception {
    assertThat(problems(diagram)).as(diagram.toString()).isEmpty();
  }

  @Test
  void theCheckFindsWhatWasWrongWithTheOldDeveloperCoordinationLayout() throws Exception {
    // the layout before issue 16: an end event drawn inside a task, a flow through three shapes
    Path old = Files.createTempFile("old-layout", ".bpmn");
    Files.writeString(old, """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="t">
          <bpmn:process id="P">
            <bpmn:serviceTask id="Task_ForwardResponse" /><bpmn:endEvent id="EndEvent_LowImpactNotified" />
            <bpmn:serviceTask id="Task_A" /><bpmn:serviceTask id="Task_B" /><bpmn:serviceTask id="Task_C" />
            <bpmn:sequenceFlow id="Flow_AB" sourceRef="Task_A" targetRef="Task_B" />
            <bpmn:sequenceFlow id="Flow_AC" sourceRef="Task_A" targetRef="Task_C" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">
            <bpmndi:BPMNShape id="S1" bpmnElement="Task_ForwardResponse"><dc:Bounds x="1000" y="100" width="120" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S2" bpmnElement="EndEvent_LowImpactNotified"><dc:Bounds x="1002" y="122" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S3" bpmnElement="Task_A"><dc:Bounds x="0" y="0" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S4" bpmnElement="Task_B"><dc:Bounds x="400" y="0" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="S5" bpmnElement="Task_C"><dc:Bounds x="200" y="0" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_AB"><di:waypoint x="100" y="40" /><di:waypoint x="400" y="40" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="E2" bpmnElement="Flow_AC"><di:waypoint x="100" y="40" /><di:waypoint x="230" y="60" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """);
    try {
      assertThat(problems(old)).containsExactlyInAnyOrder(
          "shapes overlap: Task_ForwardResponse and EndEvent_LowImpactNotified",
          "Flow_AB runs through Task_C",
          "Flow_AC does not end on Task_C (230, 60)");
    } finally {
      Files.delete(old);
    }
  }

  static List<String> problems(Path diagram) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(diagram.toFile());
    Map<String, Element> elements = new HashMap<>();
    collect(doc.getDocumentElement(), elements);
    Map<String, Box> shapes = new LinkedHashMap<>();
    NodeList shapeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
    for (int i = 0; i < shapeNodes.getLength(); i++) {
      Element s = (Element) shapeNodes.item(i);
      String ref = s.getAttribute("bpmnElement");
      Element kind = elements.get(ref);
      if (kind == null || kind.getLocalName().equals("participant") || kind.getLocalName().equals("lane")) {
        continue;
      }
      shapes.put(ref, box((Element) s.getElementsByTagNameNS(DC, "Bounds").item(0)));
    }
    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>(shapes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (attachedTo(elements, a, b) || attachedTo(elements, b, a) || ancestors(elements.get(a)).contains(b)
            || ancestors(elements.get(b)).contains(a)) {
          continue;
        }
        if (shapes.get(a).overlaps(shapes.get(b))) {
          problems.add("shapes overlap: " + a + " and " + b);
        }
      }
    }
    NodeList edges = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      String flowId = e.getAttribute("bpmnElement");
      Element flow = elements.get(flowId);
      if (flow == null || !flow.getLocalName().equals("sequenceFlow")) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      NodeList wps = e.getElementsByTagNameNS(DI, "waypoint");
      for (int k = 0; k < wps.getLength(); k++) {
        Element w = (Element) wps.item(k);
        points.add(new Point(Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))));
      }
      String source = flow.getAttribute("sourceRef");
      String target = flow.getAttribute("targetRef");
      if (points.size() < 2) {
        problems.add(flowId + " has fewer than two waypoints");
        continue;
      }
      if (!onOutline(points.get(0), shapes.get(source), elements.get(source).getLocalName())) {
        problems.add(flowId + " does not start on " + source + " " + show(points.get(0)));
      }
      Point last = points.get(points.size() - 1);
      if (!onOutline(last, shapes.get(target), elements.get(target).getLocalName())) {
        problems.add(flowId + " does not end on " + target + " " + show(last));
      }
      Set<String> ends = new HashSet<>(List.of(source, target));
      ends.addAll(ancestors(elements.get(source)));
      ends.addAll(ancestors(elements.get(target)));
      for (Map.Entry<String, Box> s : shapes.entrySet()) {
        String id = s.getKey();
        if (ends.contains(id) || attachedTo(elements, source, id) || elements.get(id).getLocalName().equals("subProcess")) {
          continue;
        }
        if (crosses(points, s.getValue())) {
          problems.add(flowId + " runs through " + id);
        }
      }
    }
    return problems;
  }

  /** On the border of the shape's bounds, or on its drawn outline (a gateway's diamond, an event's circle). */
  static boolean onOutline(Point p, Box b, String kind) {
    if (b == null) {
      return false;
    }
    if (kind.endsWith("Gateway")
        && Math.abs(Math.abs(p.x() - b.cx()) / (b.w() / 2) + Math.abs(p.y() - b.cy()) / (b.h() / 2) - 1) * b.w() / 2
        <= TOLERANCE) {
      return true;
    }
    if (kind.endsWith("Event") && Math.abs(Math.hypot(p.x() - b.cx(), p.y() - b.cy()) - b.w() / 2) <= TOLERANCE) {
      return true;
    }
    boolean within = p.x() >= b.x() - TOLERANCE && p.x() <= b.x() + b.w() + TOLERANCE && p.y() >= b.y() - TOLERANCE
        && p.y() <= b.y() + b.h() + TOLERANCE;
    boolean nearBorder = Math.min(Math.abs(p.x() - b.x()), Math.abs(p.x() - b.x() - b.w())) <= TOLERANCE
        || Math.min(Math.abs(p.y() - b.y()), Math.abs(p.y() - b.y() - b.h())) <= TOLERANCE;
    return within && nearBorder;
  }

  static boolean crosses(List<Point> points, Box b) {
    for (int i = 0; i + 1 < points.size(); i++) {
      Point p = points.get(i);
      Point q = points.get(i + 1);
      for (int k = 1; k < 100; k++) {
        if (b.interior(p.x() + (q.x() - p.x()) * k / 100, p.y() + (q.y() - p.y()) * k / 100)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean attachedTo(Map<String, Element> elements, String boundary, String host) {
    Element e = elements.get(boundary);
    return e != null && host.equals(e.getAttribute("attachedToRef"));
  }

  /** The ids of the subprocesses (and process) an element lies in. */
  private static Set<String> ancestors(Element e) {
    Set<String> out = new HashSet<>();
    for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
      if (BPMN.equals(p.getNamespaceURI()) && !p.getAttribute("id").isEmpty()) {
        out.add(p.getAttribute("id"));
      }
    }
    return out;
  }

  private static void collect(Element e, Map<String, Element> out) {
    if (BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()) {
      out.put(e.getAttribute("id"), e);
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        collect(c, out);
      }
    }
  }

  private static Box box(Element bounds) {
    return new Box(Double.parseDouble(bounds.getAttribute("x")), Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")), Double.parseDouble(bounds.getAttribute("height")));
  }

  private static String show(Point p) {
    return "(" + Math.round(p.x()) + ", " + Math.round(p.y()) + ")";
  }
}
