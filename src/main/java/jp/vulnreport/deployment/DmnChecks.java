package jp.vulnreport.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A DMN file: every decision has a history TTL, and every expression is FEEL (the engine's default
 * since 7.13). Any other expression language (JUEL, which reaches Spring beans; JavaScript, Groovy,
 * Python) is refused, and so are FEEL functions that call Java ({@code external}, {@code java:}
 * class references) or function definitions of another kind.
 */
final class DmnChecks {

  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "https://www.omg.org/spec/dmn/20180521/feel/", "http://www.omg.org/spec/feel/20140401");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern JAVA_CALL = Pattern.compile("\\bexternal\\b|\\bjava\\s*:|\\bclass\\s*:");

  private DmnChecks() {}

  static void check(Element root, List<String> problems) {
    boolean anyDecision = false;
    for (Element decision : BpmnCodeChecksSupport.elements(root, "decision")) {
      anyDecision = true;
      if (!decision.hasAttributeNS(CAMUNDA_DMN, "historyTimeToLive")) {
        problems.add("decision " + decision.getAttribute("id") + " に camunda:historyTimeToLive がありません / decision "
            + decision.getAttribute("id") + " has no camunda:historyTimeToLive");
      }
    }
    if (!anyDecision) {
      problems.add("決定（decision）がありません / the file has no decision");
    }
    visit(root, problems);
  }

  private static void visit(Element e, List<String> problems) {
    String where = BpmnCodeChecks.where(e);
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
      if ("expressionLanguage".equals(name) && !FEEL.contains(a.getValue().trim().toLowerCase(Locale.ROOT))) {
        problems.add(where + ": 式の言語 expressionLanguage=\"" + a.getValue() + "\" は使えません（FEEL のみ）"
            + " / expressionLanguage=\"" + a.getValue() + "\" is not allowed (FEEL only)");
      }
    }
    if ("functionDefinition".equals(e.getLocalName())) {
      String kind = e.getAttribute("kind");
      if (!kind.isEmpty() && !"FEEL".equalsIgnoreCase(kind)) {
        problems.add(where + ": 関数定義 kind=\"" + kind + "\" は使えません / function definitions of kind \"" + kind
            + "\" are not allowed");
      }
    }
    if ("text".equals(e.getLocalName())) {
      String code = STRING_LITERAL.matcher(e.getTextContent()).replaceAll("\"\"");
      if (JAVA_CALL.matcher(code).find()) {
        problems.add(where + ": FEEL から Java を呼ぶ関数（external / java:）は使えません: " + e.getTextContent().trim()
            + " / FEEL functions that call Java (external / java:) are not allowed");
      }
    }
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element el) {
        visit(el, problems);
      }
    }
  }
}
