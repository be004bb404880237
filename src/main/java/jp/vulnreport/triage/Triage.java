package jp.vulnreport.triage;

import java.util.Map;
import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SSVC triage with CISA's coordinator table (processes/triage.dmn, key Triage): the decision
 * points, the outcome stored on the case, and what the outcome means for Tasklist (task priority)
 * and for the deadline policy (its priority input).
 */
@Service
public class Triage {

  public static final String DECISION_KEY = "Triage";

  /** The SSVC decision points with their published values. */
  public record Inputs(String exploitation, String automatable, String technicalImpact, String missionImpact) {

    static final Set<String> EXPLOITATION = Set.of("none", "public poc", "active");
    static final Set<String> AUTOMATABLE = Set.of("no", "yes");
    static final Set<String> TECHNICAL_IMPACT = Set.of("partial", "total");
    static final Set<String> MISSION_IMPACT = Set.of("low", "medium", "high");

    public Inputs {
      check("exploitation", exploitation, EXPLOITATION);
      check("automatable", automatable, AUTOMATABLE);
      check("technical impact", technicalImpact, TECHNICAL_IMPACT);
      check("mission and well-being impact", missionImpact, MISSION_IMPACT);
    }

    private static void check(String name, String value, Set<String> allowed) {
      if (value == null || !allowed.contains(value)) {
        throw new IllegalArgumentException("SSVC " + name + " must be one of " + allowed + ", not " + value);
      }
    }

    @Override
    public String toString() {
      return exploitation + "/" + automatable + "/" + technicalImpact + "/" + missionImpact;
    }
  }

  private final DecisionService decisions;
  private final JdbcTemplate jdbc;
  private final CaseRegister register;

  public Triage(DecisionService decisions, JdbcTemplate jdbc, CaseRegister register) {
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.register = register;
  }

  /** SSVC "Exploitation" from the case's exploitation status (suspected is not yet reliable evidence: public PoC). */
  public static String exploitation(String exploitationStatus) {
    return switch (exploitationStatus == null ? "NONE" : exploitationStatus) {
      case "ACTIVE" -> "active";
      case "SUSPECTED", "PUBLIC_POC" -> "public poc";
      default -> "none";
    };
  }

  /** track, track*, attend or act. */
  public String decide(Inputs in) {
    DmnDecisionResult r = decisions.evaluateDecisionByKey(DECISION_KEY).variables(Map.of(
        "ssvcExploitation", in.exploitation(), "ssvcAutomatable", in.automatable(),
        "ssvcTechnicalImpact", in.technicalImpact(), "ssvcMissionImpact", in.missionImpact())).evaluate();
    return r.getSingleResult().getSingleEntry();
  }

  /** Decides, stores the outcome on the case and returns it. */
  @Transactional
  public String triage(String trackingNumber, Inputs in, String actor) {
    String priority = decide(in);
    jdbc.update("UPDATE vr_case SET ssvc_priority = ?, ssvc_inputs = ? WHERE tracking_number = ?", priority,
        in.toString(), trackingNumber);
    register.event(trackingNumber, actor, "TRIAGED", "SSVC " + in + " -> " + priority);
    return priority;
  }

  /** The deadline policy's priority input: TRACK, TRACK_STAR, ATTEND, ACT. */
  public static String policyPriority(String ssvcPriority) {
    return ssvcPriority == null ? null : ssvcPriority.toUpperCase().replace("*", "_STAR");
  }

  /** Camunda task priority (Tasklist sorts by it): Act 90, Attend 70, Track* 55, Track 50. */
  public static int taskPriority(String ssvcPriority) {
    return switch (ssvcPriority == null ? "" : ssvcPriority) {
      case "act" -> 90;
      case "attend" -> 70;
      case "track*" -> 55;
      default -> 50;
    };
  }
}
