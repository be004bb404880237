package jp.vulnreport.process;

import java.util.Map;
import jp.vulnreport.cases.CaseKinds;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On "complete" of the tasks where staff decide a kind IPA's quarterly report counts by, records it on
 * the case (CaseKinds; V11__case_kinds.sql):
 * 運営者の連絡先の確認 → operatorKind (required); 修正完了報告の確認 → websiteFixKind (required when the
 * outcome closes the case: FIXED or DISPUTED); 内容確認 → productKind for a software product (the form
 * requires it for that category; recorded when given).
 */
@Component("caseKindListener")
public class CaseKindListener implements TaskListener {

  private final CaseRegister register;

  public CaseKindListener(CaseRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    String tn = Variables.trackingNumber(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_FindOperatorContact" -> record(task, tn, "operatorKind", "operator_kind", CaseKinds.OPERATOR, true,
          "運営者の種類（企業・団体・地方公共団体・個人）を選んでください / choose the kind of site operator");
      case "Task_ReviewOperatorResponse" -> {
        String outcome = Variables.string(task, "reviewOutcome");
        if ("FIXED".equals(outcome) || "DISPUTED".equals(outcome)) {
          String code = Variables.string(task, "websiteFixKind");
          if (CaseKinds.CLOSED_AFTER_REMINDER.equals(code)) {
            code = null;
          }
          task.setVariable("websiteFixKind", code);
          record(task, tn, "websiteFixKind", "website_fix_kind", CaseKinds.WEBSITE_FIX, true,
              "完了の区分（修正・削除・運営者の個別対応）を選んでください / choose how the case ended");
        }
      }
      case "Task_SubstantiveCheck" -> {
        if ("SOFTWARE_PRODUCT".equals(Variables.string(task, "category"))) {
          record(task, tn, "productKind", "product_kind", CaseKinds.PRODUCT, false,
              "製品の種類を選んでください / choose the kind of product");
        }
      }
      default -> { }
    }
  }

  private void record(DelegateTask task, String tn, String field, String column, Map<String, String[]> kinds,
      boolean required, String message) {
    String code = Variables.string(task, field);
    if (code == null || code.isBlank()) {
      if (required) {
        throw PersonFixable.error(field, message);
      }
      return;
    }
    if (!kinds.containsKey(code)) {
      throw PersonFixable.error(field, message + " (" + code + ")");
    }
    register.recordKind(tn, column, code, Actors.of(task));
  }
}
