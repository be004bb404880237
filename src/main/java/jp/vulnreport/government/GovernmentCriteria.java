package jp.vulnreport.government;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.DecisionTables;
import org.springframework.stereotype.Component;

/** Evaluates processes/government-notification-criteria.dmn (key GovernmentNotificationCriteria). */
@Component
public class GovernmentCriteria {

  public static final String DECISION_KEY = "GovernmentNotificationCriteria";

  /**
   * What the case looks like to the criteria. Unknown values may be null. {@code fixAvailable}: a fix
   * or workaround exists (null: unknown, which meets no rule); a zero-day attack is exploitation
   * (confirmed or suspected) while it is false. {@code personalDataExposed} and
   * {@code criticalServiceExposed} are website facts recorded at substantive check.
   */
  public record Facts(String exploitation, String severity, Boolean criticalInfrastructure,
      Boolean specificationFlaw, Integer breadth, Boolean fixAvailable, Boolean personalDataExposed,
      Boolean criticalServiceExposed) {

    /** A software product's facts (no website facts). */
    public Facts(String exploitation, String severity, Boolean criticalInfrastructure, Boolean specificationFlaw,
        Integer breadth, Boolean fixAvailable) {
      this(exploitation, severity, criticalInfrastructure, specificationFlaw, breadth, fixAvailable, null, null);
    }
  }

  /** The criteria's answer: notifiable when any ground holds; URGENT when any urgent ground holds. */
  public record Result(boolean notifiable, List<String> grounds, List<String> groundTexts, String urgency) {

    public String groundsText() {
      return groundTexts.isEmpty() ? "基準に該当しません / no criterion met" : String.join("\n", groundTexts);
    }
  }

  private final DecisionTables tables;

  public GovernmentCriteria(DecisionTables tables) {
    this.tables = tables;
  }

  public Result evaluate(Facts f) {
    Map<String, Object> v = new HashMap<>();
    v.put("exploitation", f.exploitation() == null ? "NONE" : f.exploitation());
    v.put("severity", f.severity() == null ? "UNKNOWN" : f.severity());
    v.put("criticalInfrastructure", Boolean.TRUE.equals(f.criticalInfrastructure()));
    v.put("specificationFlaw", Boolean.TRUE.equals(f.specificationFlaw()));
    v.put("breadth", f.breadth() == null ? 1 : f.breadth());
    v.put("fixAvailable", f.fixAvailable());
    v.put("personalDataExposed", Boolean.TRUE.equals(f.personalDataExposed()));
    v.put("criticalServiceExposed", Boolean.TRUE.equals(f.criticalServiceExposed()));
    var result = tables.evaluate(DECISION_KEY, v).rows();
    List<String> grounds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    boolean urgent = false;
    for (var row : result) {
      grounds.add((String) row.get("ground"));
      texts.add((String) row.get("groundText"));
      urgent |= "URGENT".equals(row.get("urgency"));
    }
    return new Result(!grounds.isEmpty(), List.copyOf(grounds), List.copyOf(texts),
        grounds.isEmpty() ? "NONE" : urgent ? "URGENT" : "NORMAL");
  }
}
