package jp.vulnreport.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import jp.vulnreport.security.Groups;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The house rules of a BPMN file (DESIGN.md §2 and §7; also /work/shared/tools/check-project):
 * Camunda 7.24 as execution platform, full BPMN DI, executable processes with a history TTL, ids in
 * Prefix_PascalCase, user tasks with an existing Camunda Form, staff candidate groups, a due date
 * from the deadline policy and the completion listener, service tasks as delegate expressions, mail
 * tasks async with a retry cycle and an existing template, and timers from the deadline policy.
 * The gate applies them to every deployment; ModelHouseRulesTest applies them to processes/.
 */
public final class BpmnHouseRules {

  static final String MAIL_DELEGATE = "${sendMailDelegate}";
  static final String COMPLETION_LISTENER = "${taskCompletionListener}";
  private static final String ID_PATTERN = "[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*";

  /** What the rules look up outside the file. */
  public record Lookups(Predicate<String> formExists, Predicate<String> mailTemplateExists) {}

  private BpmnHouseRules() {}

  /** The findings for one model; empty when all rules hold. */
  public static List<String> check(BpmnModelInstance model, Lookups lookups) {
    List<String> problems = new ArrayList<>();
    Definitions definitions = model.getDefinitions();
    String platform = definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatform");
    String version = definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0",
        "executionPlatformVersion");
    if (!"Camunda Platform".equals(platform) || !"7.24.0".equals(version)) {
      problems.add("実行基盤が Camunda Platform 7.24.0 ではありません（modeler:executionPlatform / executionPlatformVersion）"
          + " / the execution platform is not Camunda Platform 7.24.0 (" + platform + " " + version + ")");
    }
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> {
      if (s.getBpmnElement() != null) {
        shapes.add(s.getBpmnElement().getId());
      }
    });
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> {
      if (e.getBpmnElement() != null) {
        edges.add(e.getBpmnElement().getId());
      }
    });
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (p.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("プロセス " + p.getId() + " に camunda:historyTimeToLive がありません / process " + p.getId()
            + " has no camunda:historyTimeToLive");
      }
      if (!p.isExecutable()) {
        problems.add("プロセス " + p.getId() + " が実行可能（isExecutable）ではありません / process " + p.getId()
            + " is not executable");
      }
    }
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(n.getId())) {
        problems.add(n.getId() + " に図形（BPMN DI）がありません / " + n.getId() + " has no shape in the diagram (BPMN DI)");
      }
      if (n.getId() == null || !n.getId().matches(ID_PATTERN)) {
        problems.add("ID " + n.getId() + " が Prefix_PascalCase ではありません / id " + n.getId()
            + " is not Prefix_PascalCase");
      }
    }
    for (SequenceFlow s : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(s.getId())) {
        problems.add("シーケンスフロー " + s.getId() + " に線（BPMN DI）がありません / sequence flow " + s.getId()
            + " has no edge in the diagram (BPMN DI)");
      }
    }
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      userTask(t, lookups, problems);
    }
    for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
      if (s.getCamundaFormRef() != null && !lookups.formExists().test(s.getCamundaFormRef())) {
        problems.add("開始イベント " + s.getId() + " のフォーム " + s.getCamundaFormRef() + " がありません / start event "
            + s.getId() + " refers to a missing form " + s.getCamundaFormRef());
      }
    }
    for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
      if (t.getCamundaDelegateExpression() == null) {
        problems.add("サービスタスク " + t.getId() + " が委譲式（camunda:delegateExpression）ではありません / service task "
            + t.getId() + " is not a delegate expression");
      } else if (MAIL_DELEGATE.equals(t.getCamundaDelegateExpression())) {
        mailTask(t, lookups, problems);
      }
    }
    List<ModelElementInstance> timers = new ArrayList<>();
    timers.addAll(model.getModelElementsByType(TimeDate.class));
    timers.addAll(model.getModelElementsByType(TimeDuration.class));
    timers.addAll(model.getModelElementsByType(TimeCycle.class));
    for (ModelElementInstance timer : timers) {
      String text = timer.getTextContent();
      // deadlines.* is the policy; publications.* the publication target (from the policy) and the agreed date
      if (text == null || (!text.contains("deadlines.") && !text.contains("publications."))) {
        problems.add("タイマーの期間 " + text + " が期限ポリシーから来ていません（deadlines.*）/ timer with a literal period "
            + text + " (use the deadline policy)");
      }
    }
    return problems;
  }

  private static void userTask(UserTask t, Lookups lookups, List<String> problems) {
    String id = t.getId();
    if (t.getCamundaFormRef() == null) {
      problems.add("ユーザータスク " + id + " に camunda:formRef がありません / user task " + id + " has no camunda:formRef");
    } else if (!lookups.formExists().test(t.getCamundaFormRef())) {
      problems.add("ユーザータスク " + id + " のフォーム " + t.getCamundaFormRef() + " がありません / user task " + id
          + " refers to a form that does not exist (" + t.getCamundaFormRef() + ")");
    }
    if (t.getCamundaCandidateGroups() == null || t.getCamundaCandidateGroupsList().isEmpty()) {
      problems.add("ユーザータスク " + id + " に候補グループ（camunda:candidateGroups）がありません / user task " + id
          + " has no candidate groups");
    } else if (!Groups.STAFF.containsAll(t.getCamundaCandidateGroupsList())) {
      problems.add("ユーザータスク " + id + " の候補グループ " + t.getCamundaCandidateGroups() + " に職員グループ以外があります"
          + " / user task " + id + " names a group that is not a staff group (" + String.join(", ", Groups.STAFF) + ")");
    }
    if (t.getCamundaDueDate() == null || !t.getCamundaDueDate().contains("deadlines.")) {
      problems.add("ユーザータスク " + id + " の期限が期限ポリシー（deadlines.*）から来ていません / user task " + id
          + " has no due date from the deadline policy");
    }
    boolean recorded = children(t, CamundaTaskListener.class).stream()
        .anyMatch(l -> COMPLETION_LISTENER.equals(l.getCamundaDelegateExpression()));
    if (!recorded) {
      problems.add("ユーザータスク " + id + " が完了を記録しません（taskCompletionListener）/ user task " + id
          + " does not record its completion (taskCompletionListener)");
    }
  }

  private static void mailTask(ServiceTask t, Lookups lookups, List<String> problems) {
    String id = t.getId();
    if (!t.isCamundaAsyncBefore() || !t.isCamundaAsyncAfter()) {
      problems.add("メールタスク " + id + " が asyncBefore と asyncAfter ではありません / mail task " + id
          + " is not asyncBefore and asyncAfter");
    }
    List<CamundaFailedJobRetryTimeCycle> cycles = children(t, CamundaFailedJobRetryTimeCycle.class);
    if (cycles.isEmpty() || cycles.get(0).getTextContent() == null
        || !cycles.get(0).getTextContent().contains("mailPolicy.retryCycle()")) {
      problems.add("メールタスク " + id + " にメール方針の再試行間隔がありません / mail task " + id
          + " has no retry cycle from the mail policy (mailPolicy.retryCycle())");
    }
    String template = t.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> p.getParentElement().getParentElement().getParentElement() == t)
        .filter(p -> "mailTemplate".equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
    if (template == null || !lookups.mailTemplateExists().test(template)) {
      problems.add("メールタスク " + id + " のテンプレート（mailTemplate）がありません / mail task " + id
          + " has no existing mailTemplate (" + template + ")");
    }
  }

  private static <T extends ModelElementInstance> List<T> children(BaseElement e, Class<T> type) {
    if (e.getExtensionElements() == null) {
      return List.of();
    }
    Collection<T> found = e.getExtensionElements().getElementsQuery().filterByType(type).list();
    return new ArrayList<>(found);
  }
}
