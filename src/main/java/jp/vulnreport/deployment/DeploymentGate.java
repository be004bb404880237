package jp.vulnreport.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Element;

/**
 * The deployment gate (DESIGN.md §5: "a deployment is code"). Checks every resource of a deployment
 * before the engine accepts it: BPMN house rules and what the BPMN may run ({@link BpmnHouseRules},
 * {@link BpmnCodeChecks}, {@link ExpressionChecker}), DMN ({@link DmnChecks}), Camunda Forms
 * ({@link FormChecks}); any other kind of resource is refused. Plain service: the engine glue is
 * {@link DeploymentGatePlugin}.
 */
public class DeploymentGate {

  /** The findings for one resource. */
  public record ResourceFindings(String resourceName, List<String> findings) {}

  /** What the gate looks up outside the deployment. */
  public record Lookups(ExpressionChecker.BeanCatalog beans, Predicate<String> formDeployed,
      Predicate<String> mailTemplateExists) {}

  private final ObjectMapper mapper;

  public DeploymentGate(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The resources with findings, in the deployment's order; empty when the deployment may pass. */
  public List<ResourceFindings> check(Map<String, byte[]> resources, Lookups lookups) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    resources.keySet().forEach(name -> problems.put(name, new ArrayList<>()));
    // forms first: a user task may use a form of the same deployment
    Set<String> formIds = new HashSet<>();
    for (Map.Entry<String, byte[]> r : resources.entrySet()) {
      if (r.getKey().endsWith(".form")) {
        String id = FormChecks.check(r.getValue(), mapper, problems.get(r.getKey()));
        if (id != null) {
          formIds.add(id);
        }
      }
    }
    Predicate<String> formExists = id -> formIds.contains(id) || lookups.formDeployed().test(id);
    ExpressionChecker expressions = new ExpressionChecker(lookups.beans());
    for (Map.Entry<String, byte[]> r : resources.entrySet()) {
      String name = r.getKey();
      List<String> found = problems.get(name);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        bpmn(r.getValue(), expressions, new BpmnHouseRules.Lookups(formExists, lookups.mailTemplateExists()), found);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        Element root = xml(r.getValue(), found);
        if (root != null) {
          DmnChecks.check(root, found);
        }
      } else if (!name.endsWith(".form")) {
        found.add("この種類のリソースはデプロイできません（.bpmn, .dmn, .form のみ）/ this kind of resource cannot be"
            + " deployed (only .bpmn, .dmn and .form)");
      }
    }
    List<ResourceFindings> result = new ArrayList<>();
    problems.forEach((name, list) -> {
      if (!list.isEmpty()) {
        result.add(new ResourceFindings(name, List.copyOf(list)));
      }
    });
    return result;
  }

  private static void bpmn(byte[] bytes, ExpressionChecker expressions, BpmnHouseRules.Lookups lookups,
      List<String> found) {
    Element root = xml(bytes, found);
    if (root == null) {
      return;
    }
    new BpmnCodeChecks(expressions).check(root, found);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      found.add("BPMN として読めません / not a valid BPMN model: " + e.getMessage());
      return;
    }
    found.addAll(BpmnHouseRules.check(model, lookups));
  }

  /** The document element, parsed without DTDs or external entities; null (with a finding) when unreadable. */
  static Element xml(byte[] bytes, List<String> found) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      found.add("XML として読めません / not well-formed XML (DTDs are not allowed): " + e.getMessage());
      return null;
    }
  }
}
