package jp.vulnreport.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.CaseState;
import jp.vulnreport.cases.NonAcceptanceReason;
import jp.vulnreport.coordination.Advisories;
import jp.vulnreport.coordination.CaseDevelopers;
import jp.vulnreport.coordination.Coordinations;
import jp.vulnreport.coordination.DeveloperMatcher;
import jp.vulnreport.coordination.DeveloperRegistry;
import jp.vulnreport.government.CriteriaFacts;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.government.GovernmentCriteria;
import jp.vulnreport.government.GovernmentEvaluations;
import jp.vulnreport.government.GovernmentEvaluations.Outcome;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.security.AsSystem;
import jp.vulnreport.verification.CvssService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The government-notification criteria on every path of a case (issue 15): each path that ends a
 * case (non-acceptance for any reason, discontinuation, the end of website handling or of
 * coordination) and the developers' identification evaluate the criteria and record that they did
 * (GovernmentEvaluations); a notifiable result starts the track (recognition) as its own process
 * instance, so no receipt waits behind it; a duplicate of a case already notified is linked to that
 * notice instead of a second one. And every end of a case closes its notice track: the track waiting
 * for the case gets the closing update, a busy track sends it when it next waits
 * ({@code ${governmentPaths.caseEnded(execution)}}).
 */
@Component("governmentPaths")
public class GovernmentPaths {

  /** The path on which the criteria are evaluated: the service task's input parameter. */
  public static final String PATH_PARAMETER = "governmentPath";

  /** Coordination variable: the SBOM downstream developers already suggested (comma separated). */
  public static final String DOWNSTREAM_KNOWN = "downstreamDevelopersKnown";

  private static final Pattern TRACKING_NUMBER = Pattern.compile("IPA-\\d{4}-\\d{5}");

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseRegister register;
  private final GovernmentNotices notices;
  private final GovernmentEvaluations evaluations;
  private final ObjectProvider<GovernmentCommands> commands;
  private final ObjectProvider<Advisories> advisories;
  private final ObjectProvider<Coordinations> coordinations;
  private final ObjectProvider<CaseDevelopers> developers;
  private final CriteriaFacts criteriaFacts;
  private final CvssService cvss;

  public GovernmentPaths(RuntimeService runtime, IdentityService identity, CaseRegister register,
      GovernmentNotices notices, GovernmentEvaluations evaluations, ObjectProvider<GovernmentCommands> commands,
      ObjectProvider<Advisories> advisories, ObjectProvider<Coordinations> coordinations,
      ObjectProvider<CaseDevelopers> developers, CriteriaFacts criteriaFacts, CvssService cvss) {
    this.criteriaFacts = criteriaFacts;
    this.cvss = cvss;
    this.coordinations = coordinations;
    this.developers = developers;
    this.runtime = runtime;
    this.identity = identity;
    this.register = register;
    this.notices = notices;
    this.evaluations = evaluations;
    this.commands = commands;
    this.advisories = advisories;
  }

  /** Gateway_CaseEnded: the case has ended (its closing update is due). */
  @jp.vulnreport.ProcessExpression
  public boolean caseEnded(DelegateExecution execution) {
    return register.get(Variables.trackingNumber(execution)).closedAt() != null;
  }

  /**
   * Evaluates the criteria on {@code path} with the execution's variables ({@code breadth} replaces
   * the number of affected developers when coordination has identified them), records it, and starts
   * the track, links the duplicate or sends an update as the result asks. Returns the outcome.
   */
  public Outcome evaluate(DelegateExecution execution, String path, Integer breadth) {
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    variables.remove(PATH_PARAMETER);
    return evaluate(Variables.trackingNumber(execution), variables, path, breadth,
        Actors.current(execution.getProcessEngineServices()));
  }

  Outcome evaluate(String tn, Map<String, Object> variables, String path, Integer breadth, String actor) {
    CaseRecord c = register.get(tn);
    if (variables.get("exploitationStatus") == null && c.exploitationStatus() != null) {
      variables.put("exploitationStatus", c.exploitationStatus());
    }
    // facts the case's processes no longer hold (they ended): as recorded in the register when they were set
    if (variables.get("cvssSeverity") == null && c.cvssVector() != null) {
      variables.put("cvssSeverity", cvss.evaluate(c.cvssVector()).severity());
    }
    criteriaFacts.variables(tn).forEach((k, v) -> {
      if (variables.get(k) == null) {
        variables.put(k, v);
      }
    });
    // the grounds met before the developers were counted: breadth acts only on grounds it newly meets
    java.util.List<String> before = notices.criteria(GovernmentDelegates.facts(variables::get)).grounds();
    if (breadth != null) {
      variables.put("affectedDeveloperCount", breadth);
    }
    GovernmentCriteria.Facts facts = GovernmentDelegates.facts(variables::get);
    GovernmentCriteria.Result result = notices.criteria(facts);
    boolean newlyMet = result.grounds().stream().anyMatch(g -> !before.contains(g));
    boolean sufficient = facts.severity() != null
        || (facts.exploitation() != null && !"NONE".equals(facts.exploitation()))
        || Boolean.TRUE.equals(facts.specificationFlaw()) || Boolean.TRUE.equals(facts.criticalInfrastructure());
    String factsText = GovernmentDelegates.factsText(facts);
    String reason = c.nonAcceptanceReason() == null ? null : c.nonAcceptanceReason().name();
    String detail = switch (path) {
      case "NOT_ACCEPTED" -> reason;
      case "CLOSED" -> c.state().name();
      case "BREADTH" -> "developers " + breadth;
      default -> null;
    };
    Optional<GovernmentNotification> notice = notices.find(tn);

    if ("NOT_ACCEPTED".equals(path) && c.nonAcceptanceReason() == NonAcceptanceReason.KNOWN_OR_DUPLICATE) {
      String original = duplicateOf(tn, variables.get("duplicateOf"));
      Optional<GovernmentNotification> originalNotice = original == null ? Optional.empty() : notices.find(original);
      if (originalNotice.isPresent() && originalNotice.get().notifiedOrDue()) {
        evaluations.record(tn, path, detail, result, sufficient, factsText, Outcome.LINKED_TO_NOTICE, original, actor);
        register.event(original, actor, "GOVERNMENT_DUPLICATE_LINKED", tn);
        if (originalNotice.get().sentAt() != null) {
          commands.getObject().inform(original, "duplicate:" + tn, "同じ脆弱性について重複する届出（受付番号 " + tn
              + "）を受け付けました。本通知の対象として扱います / a duplicate report (" + tn
              + ") of this vulnerability was received; it is covered by this notice", false);
        }
        return Outcome.LINKED_TO_NOTICE;
      }
    }
    if (trackRunning(tn)) {
      evaluations.record(tn, path, detail, result, sufficient, factsText, Outcome.TRACK_RUNNING, null, actor);
      return Outcome.TRACK_RUNNING;
    }
    boolean start = switch (path) {
      // verified facts: an analyst recognises every accepted case (as before)
      case "ACCEPTED" -> true;
      // the reasons where the scheme's own judgement may differ from the table's: an analyst looks (as before)
      case "NOT_ACCEPTED" -> result.notifiable() || c.nonAcceptanceReason() == NonAcceptanceReason.SPECIFICATION_CRYPTO_PROTOCOL
          || c.nonAcceptanceReason() == NonAcceptanceReason.OUT_OF_SCOPE;
      case "BREADTH" -> newlyMet;
      default -> result.notifiable();
    };
    if (start && "BREADTH".equals(path) && notice.isPresent() && notice.get().sentAt() != null) {
      String sent = commands.getObject().inform(tn, "breadth:" + breadth, "影響する製品開発者を特定しました（"
          + breadth + " 者） / the affected developers were identified (" + breadth + ")", false);
      Outcome o = "UPDATE_SENT".equals(sent) ? Outcome.UPDATE_SENT : Outcome.TRACK_RUNNING;
      evaluations.record(tn, path, detail, result, sufficient, factsText, o, null, actor);
      return o;
    }
    if (start && !"ACCEPTED".equals(path) && notice.isPresent() && Boolean.TRUE.equals(notice.get().notifiable())
        && notice.get().sentAt() != null && c.closedAt() == null) {
      // notified and its track ended on an earlier closing update: nothing new to notify
      evaluations.record(tn, path, detail, result, sufficient, factsText, Outcome.NOT_NOTIFIABLE, null, actor);
      return Outcome.NOT_NOTIFIABLE;
    }
    if (!start) {
      Outcome o = sufficient ? Outcome.NOT_NOTIFIABLE : Outcome.INSUFFICIENT_FACTS;
      evaluations.record(tn, path, detail, result, sufficient, factsText, o, null, actor);
      return o;
    }
    variables.put("governmentTrigger", path);
    variables.values().removeIf(java.util.Objects::isNull);
    AsSystem.call(identity, () -> runtime.startProcessInstanceByKey(ProcessKeys.GOVERNMENT_NOTIFICATION, tn, variables));
    evaluations.record(tn, path, detail, result, sufficient, factsText, Outcome.TRACK_STARTED, null, actor);
    return Outcome.TRACK_STARTED;
  }

  /**
   * A case ended (not accepted, discontinued, website handling or coordination ended): a track waiting
   * for the case's changes sends its closing update now; the criteria are evaluated on the end of
   * website handling and of coordination (the receipt's own ends evaluate them in the diagram).
   */
  @EventListener
  public void caseClosed(CaseRegister.CaseClosed event) {
    String tn = event.trackingNumber();
    CaseRecord c = register.get(tn);
    boolean waiting = AsSystem.call(identity, () -> runtime.createExecutionQuery()
        .processDefinitionKey(ProcessKeys.GOVERNMENT_NOTIFICATION).processInstanceBusinessKey(tn)
        .messageEventSubscriptionName(GovernmentCommands.MSG_CLOSED).count() > 0);
    if (waiting) {
      String text = closingText(tn);
      AsSystem.call(identity, () -> runtime.createMessageCorrelation(GovernmentCommands.MSG_CLOSED)
          .processInstanceBusinessKey(tn).setVariable("closingUpdateText", text).correlateWithResult());
      notices.updateSent(tn, "closing: " + text);
    }
    if (c.state() != CaseState.NOT_ACCEPTED && c.state() != CaseState.DISCONTINUED) {
      Map<String, Object> variables = new HashMap<>();
      if (c.processInstanceId() != null) {
        AsSystem.call(identity, () -> {
          if (runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0) {
            variables.putAll(runtime.getVariables(c.processInstanceId()));
          }
          return null;
        });
      }
      variables.putIfAbsent("trackingNumber", tn);
      variables.putIfAbsent("category", c.category());
      evaluate(tn, variables, "CLOSED", null, CaseRegister.SYSTEM);
    }
  }

  /** Task_PrepareClosingUpdate: the text of the closing update, counted as an update sent. */
  public String prepareClosingUpdate(String tn) {
    String text = closingText(tn);
    notices.updateSent(tn, "closing: " + text);
    return text;
  }

  /**
   * A developer was saved in the registry: its SBOMs may make it a downstream developer of open cases
   * in coordination. Each case with downstream matches not known before is evaluated again for breadth
   * (the identified developers plus the new matches): a track starts, or the notice gets an update, when
   * breadth newly meets a criterion. The coordinators see the new matches in the case's timeline.
   */
  @EventListener
  public void registrySaved(DeveloperRegistry.Saved event) {
    AsSystem.call(identity, () -> {
      for (String tn : coordinations.getObject().openCases()) {
        var coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
            .processInstanceBusinessKey(tn).singleResult();
        if (coordination == null) {
          continue;
        }
        Map<String, Object> variables = new HashMap<>(runtime.getVariables(coordination.getId()));
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        Object before = variables.get(DOWNSTREAM_KNOWN);
        if (before != null && !before.toString().isBlank()) {
          known.addAll(java.util.List.of(before.toString().split(",")));
        }
        var identified = coordinations.getObject().forCase(tn);
        identified.forEach(k -> known.add(k.developerId()));
        java.util.List<String> fresh = developers.getObject().suggestions(tn).stream()
            .filter(x -> x.role() == DeveloperMatcher.Role.DOWNSTREAM).map(DeveloperMatcher.Suggestion::developerId)
            .distinct().filter(id -> !known.contains(id)).toList();
        if (fresh.isEmpty()) {
          continue;
        }
        Object estimate = variables.get("affectedDeveloperCount");
        int breadth = Math.max(identified.size(), estimate instanceof Number n ? n.intValue() : 0) + fresh.size();
        register.event(tn, CaseRegister.SYSTEM, "SBOM_DOWNSTREAM_MATCHED", String.join(",", fresh));
        evaluate(tn, variables, "BREADTH", breadth, CaseRegister.SYSTEM);
        criteriaFacts.record(tn, Map.of("affectedDeveloperCount", breadth));
        known.addAll(fresh);
        runtime.setVariable(coordination.getId(), "affectedDeveloperCount", breadth);
        runtime.setVariable(coordination.getId(), DOWNSTREAM_KNOWN, String.join(",", known));
      }
      return null;
    });
  }

  /** The closing update's text, from how the case ended (Japanese, then English). */
  public String closingText(String tn) {
    CaseRecord c = register.get(tn);
    return switch (c.state()) {
      case NOT_ACCEPTED -> "不受理として取扱いを終了しました（" + c.nonAcceptanceReason().ja() + "） / handling ended: "
          + "the report was not accepted (" + c.nonAcceptanceReason().en() + ")";
      case DISCONTINUED -> "取扱いを終了しました（取りやめ） / handling was discontinued";
      case PUBLISHED -> advisories.getObject().stored(tn)
          .map(a -> "JVN で公表しました / published on JVN: " + a.id() + " " + advisories.getObject().publicUrl(a))
          .orElse("公表しました / published");
      default -> "取扱いを終了しました（" + c.state().ja() + "） / handling ended: " + c.state().en();
    };
  }

  /** The tracking number named in the substantive check's 重複先 (not the case itself, and registered). */
  private String duplicateOf(String tn, Object text) {
    if (text == null) {
      return null;
    }
    Matcher m = TRACKING_NUMBER.matcher(text.toString());
    while (m.find()) {
      if (!m.group().equals(tn) && register.find(m.group()).isPresent()) {
        return m.group();
      }
    }
    return null;
  }

  private boolean trackRunning(String tn) {
    return AsSystem.call(identity, () -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.GOVERNMENT_NOTIFICATION).processInstanceBusinessKey(tn).count() > 0);
  }
}
