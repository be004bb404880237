package jp.vulnreport.deployment;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers shared by the BPMN and DMN checks. */
final class BpmnCodeChecksSupport {

  private BpmnCodeChecksSupport() {}

  /** Every element below (and including) {@code root} with the local name, in document order. */
  static List<Element> elements(Element root, String localName) {
    List<Element> found = new ArrayList<>();
    collect(root, localName, found);
    return found;
  }

  private static void collect(Element e, String localName, List<Element> found) {
    if (localName.equals(e.getLocalName())) {
      found.add(e);
    }
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element el) {
        collect(el, localName, found);
      }
    }
  }
}
