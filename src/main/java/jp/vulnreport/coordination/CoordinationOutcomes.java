package jp.vulnreport.coordination;

import java.util.List;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a coordinated case ends: published, or closed without publication; the Cabinet Office hears of it. */
@Service
public class CoordinationOutcomes {

  /** What the case does after every developer's part ended. */
  public enum CaseOutcome { PUBLISH, LOW_IMPACT, NO_PUBLICATION }

  private final Coordinations coordinations;
  private final Advisories advisories;
  private final CaseRegister register;
  public CoordinationOutcomes(Coordinations coordinations, Advisories advisories, CaseRegister register) {
    this.coordinations = coordinations;
    this.advisories = advisories;
    this.register = register;
  }

  /**
   * An advisory is published when a developer is affected and ready or the committee decided to
   * publish; otherwise a low-impact case closes after notice, any other without an advisory (all not
   * affected, committee against).
   */
  public CaseOutcome summarise(String trackingNumber, boolean lowImpact) {
    List<Coordinations.Coordination> all = coordinations.forCase(trackingNumber);
    // a committee decision to publish (an unreachable developer, also in a low-impact case) comes first
    if (all.stream().anyMatch(c -> c.outcome() == Coordinations.Outcome.READY
        || c.outcome() == Coordinations.Outcome.COMMITTEE_PUBLISH)) {
      return CaseOutcome.PUBLISH;
    }
    return lowImpact ? CaseOutcome.LOW_IMPACT : CaseOutcome.NO_PUBLICATION;
  }

  /** Closing without an advisory: after notice (low impact), not affected, or the committee decided so. */
  @Transactional
  public void closeWithoutPublication(String trackingNumber, CaseOutcome outcome) {
    CaseState state = outcome == CaseOutcome.LOW_IMPACT ? CaseState.CLOSED_LOW_IMPACT : CaseState.CLOSED_WITHOUT_PUBLICATION;
    // the case's end closes its government notice too (the closing update: GovernmentPaths, on CaseClosed)
    register.close(trackingNumber, state, CaseRegister.SYSTEM);
  }

  /** Publication day. */
  @Transactional
  public Advisories.Advisory publish(String trackingNumber) {
    // the case closes on publication: the Cabinet Office's closing update names the advisory (GovernmentPaths)
    return advisories.publish(trackingNumber);
  }
}
