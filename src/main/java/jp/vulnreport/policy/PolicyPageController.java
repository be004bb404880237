package jp.vulnreport.policy;

import jp.vulnreport.security.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff page /policy (read-only; staff groups only, authenticated like the staff APIs — see
 * WebSecurityConfig): the deadline policy and the government-notification criteria in force, read
 * from the deployed decisions, and the project's meanings of the vague words.
 */
@Controller
public class PolicyPageController {

  private final PolicyTables tables;
  private final PolicyTerms terms;
  private final IdentityService identity;

  public PolicyPageController(PolicyTables tables, PolicyTerms terms, IdentityService identity) {
    this.tables = tables;
    this.terms = terms;
    this.identity = identity;
  }

  @GetMapping("/policy")
  String policy(Model model) {
    // every staff group may read the policy in force; the engine's authorizations (decision
    // definitions and deployments: managers and process owners) are for changing it
    model.addAttribute("deadlines", AsSystem.call(identity, tables::deadlines));
    model.addAttribute("criteria", AsSystem.call(identity, tables::criteria));
    model.addAttribute("terms", terms.all());
    return "policy/page";
  }
}
