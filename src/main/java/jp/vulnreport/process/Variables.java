package jp.vulnreport.process;

import jp.vulnreport.cases.CaseIdentity;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables with clear errors. */
final class Variables {

  private Variables() {}

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  static String required(VariableScope scope, String name) {
    String v = string(scope, name);
    if (v == null || v.isBlank()) {
      throw PersonFixable.error(name, "「" + name + "」を入力してください / " + name + " is required");
    }
    return v.strip();
  }

  /** The case's tracking number: the business key, never a variable (see {@link CaseIdentity}). */
  static String trackingNumber(VariableScope scope) {
    return CaseIdentity.trackingNumber(scope);
  }
}
