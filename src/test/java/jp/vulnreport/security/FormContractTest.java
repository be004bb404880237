package jp.vulnreport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.vulnreport.intake.FieldError;
import org.junit.jupiter.api.Test;

/** The deployed forms as contracts: what a completion may set, read against the project's own forms. */
class FormContractTest {

  final ObjectMapper json = new ObjectMapper();

  FormContract form(String file) throws Exception {
    return FormContract.of(json.readTree(Files.readString(Path.of("forms", file))));
  }

  List<FieldError> check(FormContract c, String variables, Map<String, Object> current, boolean start)
      throws Exception {
    JsonNode v = json.readTree(variables);
    return c.check(v, current::get, start);
  }

  @Test
  void theFormalCheckTakesItsDecisionAndRefusesEverythingElse() throws Exception {
    FormContract c = form("formal-check.form");
    Map<String, Object> shown = Map.of("summary", "管理画面の XSS", "trackingNumber", "IPA-2026-00001");
    assertThat(check(c, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"}}", shown, false)).isEmpty();
    // Tasklist sends the read-only fields too, with the values shown (absent ones as empty / false)
    assertThat(check(c, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\"},\"summary\":{\"value\":\"管理画面の XSS\"},"
        + "\"trackingNumber\":{\"value\":\"IPA-2026-00001\"},\"cwe\":{\"value\":\"\"},"
        + "\"developerContacted\":{\"value\":false}}", shown, false)).isEmpty();

    assertThat(check(c, "{\"reporterId\":{\"value\":\"x\"}}", shown, false)).extracting(FieldError::field)
        .containsExactly("reporterId");
    assertThat(check(c, "{\"summary\":{\"value\":\"書き換え\"}}", shown, false)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("表示専用").contains("read-only"));
    assertThat(check(c, "{\"developerContacted\":{\"value\":true}}", shown, false)).hasSize(1);
    assertThat(check(c, "{\"formalCheckOutcome\":{\"value\":\"SKIP\"}}", shown, false)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("選択肢"));
    assertThat(check(c, "{\"formalCheckOutcome\":{\"value\":1}}", shown, false)).hasSize(1);
    assertThat(check(c, "{\"formalCheckOutcome\":{\"value\":\"COMPLETE\",\"type\":\"Object\"}}", shown, false))
        .hasSize(1);
    assertThat(check(c, "{\"formalCheckOutcome\":\"COMPLETE\"}", shown, false)).hasSize(1);
  }

  @Test
  void textsAreBoundedByWhatTheEngineOrTheRegisterHolds() throws Exception {
    FormContract notes = form("verification.form");
    String long4001 = "あ".repeat(4001);
    assertThat(check(notes, "{\"verificationNotes\":{\"value\":\"" + long4001 + "\"}}", Map.of(), false))
        .singleElement().satisfies(e -> assertThat(e.message()).contains("4,000"));
    assertThat(check(notes, "{\"verificationNotes\":{\"value\":\"" + "あ".repeat(4000) + "\"}}", Map.of(), false))
        .isEmpty();
    // the answer staff enter goes whole into the register: up to 20,000
    FormContract answer = form("await-clarification.form");
    assertThat(check(answer, "{\"clarificationAnswer\":{\"value\":\"" + "あ".repeat(20000) + "\"}}", Map.of(),
        false)).isEmpty();
    assertThat(check(answer, "{\"clarificationAnswer\":{\"value\":\"" + "あ".repeat(20001) + "\"}}", Map.of(),
        false)).hasSize(1);
  }

  @Test
  void aStartNeedsTheRequiredFieldsOfItsForm() throws Exception {
    FormContract c = form("discontinue-case.form");
    assertThat(check(c, "{}", Map.of(), true)).extracting(FieldError::field)
        .containsExactlyInAnyOrder("trackingNumber", "discontinuationReason");
    assertThat(check(c, "{\"trackingNumber\":{\"value\":\"IPA-2026-00001\"},"
        + "\"discontinuationReason\":{\"value\":\"届出者の取り下げ\"}}", Map.of(), true)).isEmpty();
    assertThat(check(c, "{\"trackingNumber\":{\"value\":\"  \"},"
        + "\"discontinuationReason\":{\"value\":\"理由\"}}", Map.of(), true)).extracting(FieldError::field)
        .containsExactly("trackingNumber");
  }

  @Test
  void aListOfChoicesIsAJsonArrayOfStrings() throws Exception {
    FormContract c = FormContract.of(json.readTree("{\"id\":\"Form_X\",\"components\":[{\"type\":\"taglist\","
        + "\"key\":\"developerIds\",\"label\":\"開発者\",\"valuesKey\":\"developerChoices\"},{\"type\":\"checklist\","
        + "\"key\":\"fixed\",\"label\":\"固定\",\"values\":[{\"label\":\"甲\",\"value\":\"A\"}]}]}"));
    assertThat(check(c, "{\"developerIds\":{\"value\":\"[\\\"dev-1\\\",\\\"dev-2\\\"]\",\"type\":\"Json\"}}", Map.of(),
        false)).isEmpty();
    assertThat(check(c, "{\"developerIds\":{\"value\":[\"dev-1\"]}}", Map.of(), false)).isEmpty();
    assertThat(check(c, "{\"developerIds\":{\"value\":\"dev-1\",\"type\":\"String\"}}", Map.of(), false)).hasSize(1);
    assertThat(check(c, "{\"developerIds\":{\"value\":\"[1,2]\",\"type\":\"Json\"}}", Map.of(), false)).hasSize(1);
    assertThat(check(c, "{\"fixed\":{\"value\":[\"A\"]}}", Map.of(), false)).isEmpty();
    assertThat(check(c, "{\"fixed\":{\"value\":[\"B\"]}}", Map.of(), false)).hasSize(1);
  }

  @Test
  void noFormMeansNothingMayBeSet() throws Exception {
    assertThat(check(FormContract.none(), "{\"anything\":{\"value\":\"x\"}}", Map.of(), false)).hasSize(1);
    assertThat(check(FormContract.none(), "{}", Map.of(), false)).isEmpty();
  }

  @Test
  void theRequestKindsOfTheEngineApi() {
    assertThat(EngineApiRequest.enginePath("/engine-rest/task/1/complete")).isEqualTo("task/1/complete");
    assertThat(EngineApiRequest.enginePath("/engine-rest/engine/default/task/1/complete/")).isEqualTo("task/1/complete");
    assertThat(EngineApiRequest.enginePath("/camunda/api/engine/engine/default/task/1/submit-form"))
        .isEqualTo("task/1/submit-form");
    assertThat(EngineApiRequest.enginePath("/api/cases/IPA-2026-00001")).isNull();
    // other spellings of the same endpoint are classified as the REST API will read them
    assertThat(EngineApiRequest.enginePath("/engine-rest//task/1/./%63omplete;jsessionid=x"))
        .isEqualTo("task/1/complete");
    assertThat(EngineApiRequest.enginePath("/engine-rest/process-instance/p1/modification;x=y"))
        .isEqualTo("process-instance/p1/modification");
    assertThat(EngineApiRequest.of("GET", "process-instance").kind()).isEqualTo(EngineApiRequest.Kind.READ);
    assertThat(EngineApiRequest.of("POST", "task").kind()).isEqualTo(EngineApiRequest.Kind.READ);
    assertThat(EngineApiRequest.of("POST", "filter/f1/list").kind()).isEqualTo(EngineApiRequest.Kind.READ);
    assertThat(EngineApiRequest.of("POST", "history/process-instance/count").kind())
        .isEqualTo(EngineApiRequest.Kind.READ);
    assertThat(EngineApiRequest.of("POST", "task/t1/claim").kind()).isEqualTo(EngineApiRequest.Kind.TASK_WORK);
    assertThat(EngineApiRequest.of("POST", "task/t1/submit-form")).isEqualTo(
        new EngineApiRequest(EngineApiRequest.Kind.COMPLETE_TASK, "t1", false));
    assertThat(EngineApiRequest.of("POST", "process-definition/key/CaseDiscontinuation/submit-form")).isEqualTo(
        new EngineApiRequest(EngineApiRequest.Kind.START, "CaseDiscontinuation", true));
    assertThat(EngineApiRequest.of("POST", "process-definition/key/X/tenant-id/t/start").kind())
        .isEqualTo(EngineApiRequest.Kind.RAW_START);
    assertThat(EngineApiRequest.of("POST", "deployment/create").kind()).isEqualTo(EngineApiRequest.Kind.DEPLOY);
    for (String[] write : new String[][] {{"POST", "process-instance/p1/modification"},
        {"PUT", "process-instance/p1/suspended"}, {"POST", "process-instance/p1/variables"},
        {"DELETE", "process-instance/p1"}, {"POST", "process-instance/delete"}, {"POST", "history/process-instance/delete"},
        {"POST", "history/cleanup"}, {"POST", "message"}, {"POST", "signal"}, {"POST", "migration/execute"},
        {"POST", "modification/execute"}, {"POST", "process-definition/d1/restart"}, {"PUT", "job/j1/retries"},
        {"POST", "task/t1/variables"}, {"PUT", "task/t1/localVariables/x"}, {"POST", "task/t1/bpmnError"},
        {"POST", "task/t1/identity-links"}, {"PUT", "task/t1"}, {"POST", "user/create"},
        {"POST", "authorization/create"}, {"DELETE", "deployment/d1"}}) {
      assertThat(EngineApiRequest.of(write[0], write[1]).kind()).as(write[0] + " " + write[1])
          .isEqualTo(EngineApiRequest.Kind.ADMIN_ONLY);
    }
  }
}
