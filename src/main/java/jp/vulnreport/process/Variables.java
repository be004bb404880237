package jp.vulnreport.process;

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
      throw new IllegalArgumentException("「" + name + "」を入力してください / " + name + " is required");
    }
    return v.strip();
  }

  static String trackingNumber(VariableScope scope) {
    String tn = string(scope, "trackingNumber");
    if (tn == null) {
      throw new IllegalStateException("the process has no trackingNumber variable");
    }
    return tn;
  }
}
