package jp.vulnreport.deployment;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a BPMN file may run (DESIGN.md §5, "a deployment is code"): no scripts of any kind, no
 * {@code camunda:class}, connectors, form handler or variable mapping classes, external tasks or
 * embedded HTML forms; every expression anywhere in the file (attributes and element text: delegate
 * expressions, conditions, timers, due dates, assignees, candidate groups, input/output mappings,
 * fields, listeners, call activity mappings, collections...) passes the {@link ExpressionChecker}.
 * Delegate expressions must name exactly one application bean.
 */
final class BpmnCodeChecks {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** The engine still reads Activiti's namespace as its own (activiti:class works like camunda:class). */
  static final String ACTIVITI = "http://activiti.org/bpmn";
  /** Diagram interchange: drawing only, never evaluated. */
  private static final Set<String> DRAWING = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
  /** BPMN elements whose text is prose for people. */
  private static final Set<String> PROSE = Set.of("documentation", "text");
  /** Attributes that name a Java class or leave the engine. */
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass",
      "resource", "formKey", "topic");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
      "variableMappingDelegateExpression");

  private final ExpressionChecker expressions;

  BpmnCodeChecks(ExpressionChecker expressions) {
    this.expressions = expressions;
  }

  void check(Element root, List<String> problems) {
    visit(root, problems);
  }

  private void visit(Element e, List<String> problems) {
    String ns = e.getNamespaceURI();
    if (ns != null && DRAWING.contains(ns)) {
      return;
    }
    String local = e.getLocalName();
    String where = where(e);
    if (ACTIVITI.equals(ns)) {
      ns = CAMUNDA;
    }
    if (BPMN.equals(ns) && "scriptTask".equals(local)) {
      problems.add(where + ": スクリプトタスクは使えません / script tasks are not allowed");
    }
    if (CAMUNDA.equals(ns) && "script".equals(local)) {
      problems.add(where + ": スクリプト（camunda:script）は使えません / scripts (camunda:script) are not allowed");
    }
    if (CAMUNDA.equals(ns) && "connector".equals(local)) {
      problems.add(where + ": コネクタ（camunda:connector）は使えません / connectors (camunda:connector) are not allowed");
    }
    if (CAMUNDA.equals(ns) && ("formData".equals(local) || "formField".equals(local))) {
      problems.add(where + ": 生成フォーム（camunda:formData）は使えません。Camunda Form（camunda:formRef）を使ってください"
          + " / generated forms (camunda:formData) are not allowed; use a Camunda Form (camunda:formRef)");
    }
    if (BPMN.equals(ns) && PROSE.contains(local)) {
      return;
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(e, (Attr) attributes.item(i), where, problems);
    }
    StringBuilder text = new StringBuilder();
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      } else if (child.getNodeType() == Node.ELEMENT_NODE) {
        visit((Element) child, problems);
      }
    }
    String content = text.toString().trim();
    if (ExpressionChecker.hasExpression(content)) {
      for (String p : expressions.check(content)) {
        problems.add(where + " " + content + ": " + p);
      }
    }
  }

  private void attribute(Element e, Attr a, String where, List<String> problems) {
    String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
    String value = a.getValue();
    // camunda:* attributes, and the plain attributes of camunda:* elements (<camunda:executionListener class="...">)
    boolean camunda = isCamunda(a.getNamespaceURI()) || (a.getNamespaceURI() == null && isCamunda(e.getNamespaceURI()));
    if (camunda && CLASS_ATTRIBUTES.contains(name)) {
      problems.add(where + ": camunda:" + name + "=\"" + value + "\" は使えません（Java クラス・スクリプト・外部タスク・"
          + "埋め込みフォームは不可。アプリケーションの Bean を camunda:delegateExpression で）/ camunda:" + name
          + " is not allowed (no Java classes, scripts, external tasks or embedded forms: use an application bean via"
          + " camunda:delegateExpression)");
      return;
    }
    if (camunda && "type".equals(name) && "external".equals(value)) {
      problems.add(where + ": 外部タスク（camunda:type=\"external\"）は使えません / external tasks"
          + " (camunda:type=\"external\") are not allowed");
      return;
    }
    if (a.getNamespaceURI() == null && ("language".equals(name) || "scriptFormat".equals(name))) {
      problems.add(where + ": " + name + "=\"" + value + "\" のスクリプトは使えません / scripts (" + name + "=\"" + value
          + "\") are not allowed");
      return;
    }
    if (camunda && "scriptFormat".equals(name)) {
      problems.add(where + ": スクリプトは使えません / scripts are not allowed");
      return;
    }
    if (camunda && DELEGATE_ATTRIBUTES.contains(name)) {
      for (String p : expressions.checkDelegate(value)) {
        problems.add(where + " camunda:" + name + "=\"" + value + "\": " + p);
      }
      return;
    }
    if (ExpressionChecker.hasExpression(value)) {
      for (String p : expressions.check(value)) {
        problems.add(where + " " + a.getName() + "=\"" + value + "\": " + p);
      }
    }
  }

  private static boolean isCamunda(String namespace) {
    return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
  }

  /** The nearest element with an id, for the message: "serviceTask Task_X" . */
  static String where(Element e) {
    Node n = e;
    String path = e.getTagName();
    while (n instanceof Element el) {
      if (el.hasAttribute("id")) {
        return el == e ? el.getLocalName() + " " + el.getAttribute("id")
            : el.getLocalName() + " " + el.getAttribute("id") + " / " + path;
      }
      n = n.getParentNode();
    }
    return path;
  }
}
