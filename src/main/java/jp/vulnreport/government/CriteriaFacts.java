package jp.vulnreport.government;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.cases.CaseRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The government-notification criteria's facts that live in process variables while a case is
 * handled (critical infrastructure, fix availability, breadth, a website's estimated severity,
 * personal data and critical service exposure), recorded in the register (VR_CASE_CRITERIA_FACTS)
 * whenever they are set. An evaluation made without the case's process variables (re-evaluation
 * of a closed case, a case closed after its processes ended) reads them from here, so every
 * evaluation sees the same facts. Exploitation status, CVSS and category are on the case itself.
 */
@Service
public class CriteriaFacts {

  /** Variable name and column, in the order the columns are declared. */
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("criticalInfrastructure", "critical_infrastructure");
    COLUMNS.put("fixAvailable", "fix_available");
    COLUMNS.put("affectedDeveloperCount", "affected_developer_count");
    COLUMNS.put("websiteSeverity", "website_severity");
    COLUMNS.put("personalDataExposed", "personal_data_exposed");
    COLUMNS.put("criticalServiceExposed", "critical_service_exposed");
  }

  /** The process variables this register holds. */
  public static final List<String> VARIABLES = List.copyOf(COLUMNS.keySet());

  private final JdbcTemplate jdbc;
  private final CaseRegister register;

  public CriteriaFacts(JdbcTemplate jdbc, CaseRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /**
   * Records the given facts (variable name to value; null values and other names are ignored, so
   * a fact once recorded stays until it is set again). Booleans may come as text, counts as any number.
   */
  @Transactional
  public void record(String trackingNumber, Map<String, ?> facts) {
    Map<String, Object> values = new LinkedHashMap<>();
    facts.forEach((k, v) -> {
      if (v != null && COLUMNS.containsKey(k)) {
        values.put(COLUMNS.get(k), normalise(k, v));
      }
    });
    values.values().removeIf(java.util.Objects::isNull);
    if (values.isEmpty()) {
      return;
    }
    StringBuilder set = new StringBuilder("updated_at = ?");
    List<Object> args = new java.util.ArrayList<>();
    args.add(register.now());
    values.forEach((column, value) -> {
      set.append(", ").append(column).append(" = ?");
      args.add(value);
    });
    args.add(trackingNumber);
    if (jdbc.update("UPDATE vr_case_criteria_facts SET " + set + " WHERE tracking_number = ?", args.toArray()) == 0) {
      List<Object> insert = new java.util.ArrayList<>(List.of(trackingNumber, register.now()));
      insert.addAll(values.values());
      jdbc.update("INSERT INTO vr_case_criteria_facts (tracking_number, updated_at, " + String.join(", ", values.keySet())
          + ") VALUES (?, ?" + ", ?".repeat(values.size()) + ")", insert.toArray());
    }
  }

  /** The recorded facts as process variables (only those recorded). */
  public Map<String, Object> variables(String trackingNumber) {
    Map<String, Object> out = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM vr_case_criteria_facts WHERE tracking_number = ?", rs -> {
      for (var e : COLUMNS.entrySet()) {
        Object v = rs.getObject(e.getValue());
        if (v != null) {
          out.put(e.getKey(), v instanceof Number n && !(v instanceof Integer) ? Integer.valueOf(n.intValue()) : v);
        }
      }
    }, trackingNumber);
    return out;
  }

  private static Object normalise(String name, Object v) {
    String text = v.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    return switch (name) {
      case "affectedDeveloperCount" -> v instanceof Number n ? Integer.valueOf(n.intValue()) : parseCount(text);
      case "websiteSeverity" -> text;
      default -> v instanceof Boolean b ? b : Boolean.valueOf(Boolean.parseBoolean(text));
    };
  }

  private static Integer parseCount(String text) {
    try {
      return (int) Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
