package jp.vulnreport.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Checks a JUEL expression (or a text with embedded {@code ${...}} / {@code #{...}}) the way the
 * engine will read it: parsed with Camunda's own JUEL parser, then the syntax tree is walked. An
 * expression may name the application's own beans (and call their methods), plain process variables
 * (with operators, literals, comparisons, {@code empty}, ternaries and property access), and a few
 * read-only members of {@code execution} and {@code task}. Everything else is refused: other Spring
 * beans (identityService, runtimeService, processEngine...), the engine behind {@code execution},
 * method calls on anything but application beans, class and class-loader properties, JUEL functions.
 */
public final class ExpressionChecker {

  /** What a name resolves to when the engine evaluates an expression. */
  public enum BeanKind {
    /** A bean of the application (jp.vulnreport): may be named, and its methods called. */
    APPLICATION,
    /** A Spring bean from anywhere else (the engine's services, the data source...): refused. */
    OTHER,
    /** Not a bean: a process variable. */
    NONE
  }

  /** Tells which names are beans, and whose. */
  @FunctionalInterface
  public interface BeanCatalog {
    BeanKind kindOf(String name);

    /** Whether expressions may call {@code method} of the application bean {@code bean}. */
    default boolean offersMethod(String bean, String method) {
      return true;
    }
  }

  /** Names the engine binds itself. */
  static final String EXECUTION = "execution";
  static final String TASK = "task";
  /** Engine-bound names that are not allowed at all (CMMN, external tasks). */
  private static final Set<String> RESERVED = Set.of("caseExecution", "externalTask", "variableScope",
      "processEngine", "processEngineServices", "ProcessEngines");

  /** Read-only properties of {@code execution} (the project reads processBusinessKey and processInstanceId). */
  private static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "processInstanceId", "id",
      "eventName", "currentActivityId", "businessKey", "activityInstanceId", "processDefinitionId",
      "tenantId", "variables");
  /** Methods of {@code execution}: its own variables only (the project sets and reads variables). */
  private static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "setVariable", "hasVariable",
      "getVariableLocal", "setVariableLocal", "hasVariableLocal", "getProcessBusinessKey", "getProcessInstanceId",
      "getId", "getEventName", "getCurrentActivityId", "getBusinessKey");
  private static final Set<String> TASK_PROPERTIES = Set.of("id", "name", "eventName", "taskDefinitionKey",
      "processInstanceId", "assignee", "dueDate", "priority");
  private static final Set<String> TASK_METHODS = Set.of("getVariable", "setVariable", "hasVariable",
      "getVariableLocal", "setVariableLocal", "getId", "getName", "getEventName", "getTaskDefinitionKey",
      "getProcessInstanceId");
  /** Properties and methods that lead from any object to classes, loaders or the engine. */
  private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "classLoader", "getClassLoader",
      "forName", "module", "getModule", "protectionDomain", "declaredMethods", "declaredFields", "declaredConstructors",
      "methods", "fields", "constructors", "newInstance", "invoke", "wait", "notify", "notifyAll", "hashCode",
      "runtime", "getRuntime", "exec", "processEngine", "processEngineServices", "getProcessEngine",
      "getProcessEngineServices", "processEngineConfiguration", "getProcessEngineConfiguration");

  private final BeanCatalog beans;

  public ExpressionChecker(BeanCatalog beans) {
    this.beans = beans;
  }

  /** Whether the text holds an expression the engine would evaluate. */
  public static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Problems of a text with expressions; empty when it is allowed. */
  public List<String> check(String text) {
    List<String> problems = new ArrayList<>();
    AstNode root = parse(text, problems);
    if (root != null) {
      walk(root, Role.VALUE, problems);
    }
    return problems;
  }

  /**
   * Problems of a delegate expression (service task, listener): it must be exactly one application
   * bean, e.g. {@code ${registerCaseDelegate}}.
   */
  public List<String> checkDelegate(String text) {
    List<String> problems = new ArrayList<>();
    AstNode root = parse(text, problems);
    if (root == null) {
      return problems;
    }
    AstNode inner = root instanceof AstEval eval ? eval.getChild(0) : null;
    if (inner instanceof AstIdentifier id) {
      BeanKind kind = beans.kindOf(id.getName());
      if (kind != BeanKind.APPLICATION) {
        problems.add("'" + id.getName() + "' はアプリケーションの Bean ではありません / '" + id.getName()
            + "' is not a bean of the application (delegates must be jp.vulnreport beans)");
      }
    } else {
      problems.add("委譲式は Bean 名 1 つ（${beanName}）だけにしてください / a delegate expression must name exactly"
          + " one application bean (${beanName})");
    }
    return problems;
  }

  private static AstNode parse(String text, List<String> problems) {
    try {
      return (AstNode) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    } catch (TreeBuilderException | ClassCastException e) {
      problems.add("式を解析できません / the expression cannot be parsed: " + e.getMessage());
      return null;
    }
  }

  /** Where a node stands: a bare execution/task is allowed only as an argument of an application bean method. */
  private enum Role { VALUE, BEAN_ARGUMENT }

  private void walk(AstNode node, Role role, List<String> problems) {
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull) {
      return;
    }
    if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstBinary
        || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstNested) {
      Role childRole = node instanceof AstNested ? role : Role.VALUE;
      for (int i = 0; i < node.getCardinality(); i++) {
        walk(child(node, i), childRole, problems);
      }
      return;
    }
    if (node instanceof AstIdentifier id) {
      identifier(id.getName(), role, problems);
      return;
    }
    if (node instanceof AstMethod method) {
      method(method, problems);
      return;
    }
    if (node instanceof AstProperty property) {
      property(property, problems);
      return;
    }
    if (node instanceof AstFunction function) {
      problems.add("関数 " + function.getName() + "() は使えません / the JUEL function " + function.getName()
          + "() is not allowed");
      return;
    }
    problems.add("使えない構文です / unsupported construct: " + node.getClass().getSimpleName());
  }

  private void identifier(String name, Role role, List<String> problems) {
    if (EXECUTION.equals(name) || TASK.equals(name)) {
      if (role != Role.BEAN_ARGUMENT) {
        problems.add("'" + name + "' はアプリケーションの Bean のメソッドの引数にだけ渡せます / '" + name
            + "' may only be passed as an argument to a method of an application bean");
      }
      return;
    }
    if (RESERVED.contains(name)) {
      problems.add("'" + name + "' は使えません / '" + name + "' is not allowed");
      return;
    }
    BeanKind kind = beans.kindOf(name);
    if (kind == BeanKind.OTHER) {
      problems.add("'" + name + "' はアプリケーション外の Bean です / '" + name
          + "' is a bean outside the application (only jp.vulnreport beans and process variables)");
    }
  }

  private void method(AstMethod method, List<String> problems) {
    AstProperty target = (AstProperty) child(method, 0);
    AstParameters params = (AstParameters) child(method, 1);
    String name = memberName(target, problems);
    AstNode base = child(target, 0);
    if (name == null) {
      return;
    }
    String baseName = base instanceof AstIdentifier id ? id.getName() : null;
    if (baseName != null && FORBIDDEN_MEMBERS.contains(name)) {
      problems.add("メソッド " + name + "() は使えません / the method " + name + "() is not allowed");
      return;
    }
    if (EXECUTION.equals(baseName) || TASK.equals(baseName)) {
      Set<String> allowed = EXECUTION.equals(baseName) ? EXECUTION_METHODS : TASK_METHODS;
      if (!allowed.contains(name)) {
        problems.add(baseName + "." + name + "() は使えません（使えるのは " + String.join(", ", sorted(allowed))
            + "）/ " + baseName + "." + name + "() is not allowed (allowed: " + String.join(", ", sorted(allowed)) + ")");
        return;
      }
      walkChildren(params, Role.VALUE, problems);
      return;
    }
    if (baseName != null && !RESERVED.contains(baseName) && beans.kindOf(baseName) == BeanKind.APPLICATION) {
      if (!beans.offersMethod(baseName, name)) {
        problems.add("メソッド " + baseName + "." + name + "() は式から呼べません（呼べるのは @ProcessExpression の"
            + "メソッドだけ）/ " + baseName + "." + name + "() may not be called from a diagram (only methods marked "
            + "@ProcessExpression)");
        return;
      }
      walkChildren(params, Role.BEAN_ARGUMENT, problems);
      return;
    }
    if (baseName != null && (RESERVED.contains(baseName) || beans.kindOf(baseName) == BeanKind.OTHER)) {
      identifier(baseName, Role.VALUE, problems);
      return;
    }
    problems.add("メソッド呼び出し " + describe(base) + "." + name + "() は使えません（呼べるのはアプリケーションの Bean の"
        + "メソッドだけ）/ the method call " + describe(base) + "." + name
        + "() is not allowed (only methods of application beans)");
  }

  private void property(AstProperty property, List<String> problems) {
    String name = memberName(property, problems);
    if (name == null) {
      return;
    }
    AstNode base = child(property, 0);
    if (base instanceof AstIdentifier id && (EXECUTION.equals(id.getName()) || TASK.equals(id.getName()))) {
      Set<String> allowed = EXECUTION.equals(id.getName()) ? EXECUTION_PROPERTIES : TASK_PROPERTIES;
      if (!allowed.contains(name)) {
        problems.add(id.getName() + "." + name + " は使えません（使えるのは " + String.join(", ", sorted(allowed))
            + "）/ " + id.getName() + "." + name + " is not allowed (allowed: " + String.join(", ", sorted(allowed)) + ")");
      }
      return;
    }
    if (FORBIDDEN_MEMBERS.contains(name) || name.toLowerCase(Locale.ROOT).contains("class")) {
      problems.add("プロパティ " + name + " は使えません / the property " + name + " is not allowed");
      return;
    }
    if (base instanceof AstIdentifier id) {
      BeanKind kind = RESERVED.contains(id.getName()) ? BeanKind.OTHER : beans.kindOf(id.getName());
      if (kind == BeanKind.APPLICATION) {
        problems.add("Bean " + id.getName() + " のプロパティ " + name + " は読めません（メソッドを呼んでください）/ the property "
            + name + " of the bean " + id.getName() + " may not be read (call a method instead)");
      } else {
        identifier(id.getName(), Role.VALUE, problems);
      }
      return;
    }
    if (base instanceof AstProperty inner) {
      property(inner, problems);
      return;
    }
    problems.add("プロパティ " + name + " は変数にだけ使えます（" + describe(base) + "）/ the property " + name
        + " may only be read from a variable, not from " + describe(base));
  }

  /** The member name of {@code a.b} or {@code a['b']}; a computed name ({@code a[x]}) is refused. */
  private static String memberName(AstProperty property, List<String> problems) {
    if (property instanceof AstDot) {
      return property.toString().substring(2);
    }
    if (property instanceof AstBracket && child(property, 1) instanceof AstString s) {
      return String.valueOf(s.eval(null, null));
    }
    problems.add("計算で決まる名前 [...] は使えません / a computed member name [...] is not allowed");
    return null;
  }

  private void walkChildren(AstNode node, Role role, List<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(child(node, i), role, problems);
    }
  }

  private static String describe(AstNode node) {
    if (node instanceof AstIdentifier id) {
      return id.getName();
    }
    if (node instanceof AstDot) {
      return describe(child(node, 0)) + node.toString().substring(2).transform(s -> "." + s);
    }
    if (node instanceof AstMethod m) {
      return describe(child(m, 0)) + "(...)";
    }
    return "(" + node.getClass().getSimpleName().replace("Ast", "").toLowerCase(Locale.ROOT) + ")";
  }

  private static AstNode child(AstNode node, int i) {
    return (AstNode) node.getChild(i);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
