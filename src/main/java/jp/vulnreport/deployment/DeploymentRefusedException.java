package jp.vulnreport.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * The gate's refusal. A {@link ParseException}, so the engine REST API (and the webapps' copy of it)
 * answers 400 with the findings per resource in {@code details}: {@code {"<resource>": {"errors":
 * [{"message": ...}], "warnings": []}}}.
 */
public class DeploymentRefusedException extends ParseException {

  private final transient List<DeploymentGate.ResourceFindings> findings;

  public DeploymentRefusedException(List<DeploymentGate.ResourceFindings> findings) {
    super(message(findings), findings.get(0).resourceName(), problems(findings.get(0)), List.of());
    this.findings = List.copyOf(findings);
    List<ResourceReport> reports = new ArrayList<>();
    for (DeploymentGate.ResourceFindings f : findings) {
      reports.add(new Report(f.resourceName(), problems(f)));
    }
    this.resorceReports = reports;
  }

  public List<DeploymentGate.ResourceFindings> findings() {
    return findings;
  }

  private static String message(List<DeploymentGate.ResourceFindings> findings) {
    StringBuilder s = new StringBuilder("デプロイのゲートが拒否しました / the deployment gate refused the deployment:");
    for (DeploymentGate.ResourceFindings f : findings) {
      for (String finding : f.findings()) {
        s.append("\n").append(f.resourceName()).append(": ").append(finding);
      }
    }
    return s.toString();
  }

  private static List<Problem> problems(DeploymentGate.ResourceFindings f) {
    return f.findings().stream().<Problem>map(GateProblem::new).toList();
  }

  private record GateProblem(String message) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
