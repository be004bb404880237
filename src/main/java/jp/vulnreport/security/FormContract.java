package jp.vulnreport.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.vulnreport.intake.FieldError;

/**
 * A deployed Camunda Form as the contract of a task's completion (or a process's start): which
 * fields it declares, which of them the person may change, and what kind of value each takes.
 * Completing sets exactly these fields; anything else is refused. Plain logic, no engine: the
 * guard ({@link EngineApiGuard}) hands it the form's JSON, the submitted variables and the current
 * values.
 */
public final class FormContract {

  /** The longest text the engine stores in a string variable (ACT_RU_VARIABLE.TEXT_). */
  public static final int MAX_TEXT = 4000;

  /**
   * Texts that the application keeps whole in the case register and hands the engine as a bounded
   * preview ({@link jp.vulnreport.cases.ProcessText}): the question to the discoverer and the answer
   * staff enter, up to the register's 20,000 characters.
   */
  static final Map<String, Integer> REGISTERED_TEXTS = Map.of(
      "clarificationQuestions", jp.vulnreport.intake.ReportValidator.MAX_REPLY,
      "clarificationAnswer", jp.vulnreport.intake.ReportValidator.MAX_REPLY);

  /**
   * The report-intake start form: its texts go through intake's own validation (its documented
   * limits, field messages) into the register, and the process gets previews.
   */
  static final String REPORT_INTAKE_FORM = "Form_ReportIntake";

  /** Form components that hold a value (the others — text, group, button — are layout). */
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime", "radio", "select");
  private static final Set<String> VALUE_TYPES = Set.of("textfield", "textarea", "datetime", "radio", "select",
      "checkbox", "number", "checklist", "taglist");
  /** Components whose value is a list of choices (Tasklist sends it as a Json variable: a JSON array text). */
  private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");
  /** The REST API's variable types a form field may carry (never serialised objects, files or bytes). */
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "null");

  /** One declared field. {@code options}: the allowed values of a radio or select, else null. */
  public record Field(String key, String type, boolean readonly, boolean required, boolean conditional,
      Set<String> options, String label) {}

  private final String formId;
  private final Map<String, Field> fields;

  private FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  /** The contract of a form given as its JSON (the deployed .form file). */
  public static FormContract of(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormContract(form.path("id").asText(null), fields);
  }

  /** No form: nothing may be set. */
  public static FormContract none() {
    return new FormContract(null, Map.of());
  }

  public String formId() {
    return formId;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText("");
      String key = c.path("key").asText(null);
      if (key != null && VALUE_TYPES.contains(type)) {
        boolean readonly = isOn(c.get("readonly")) || isOn(c.get("disabled"));
        boolean required = c.path("validate").path("required").asBoolean(false);
        Set<String> options = null;
        if ((type.equals("radio") || type.equals("select") || LIST_TYPES.contains(type)) && c.path("values").isArray()) {
          options = new java.util.LinkedHashSet<>();
          for (JsonNode v : c.path("values")) {
            options.add(v.path("value").asText());
          }
        }
        String label = c.path("label").asText(c.path("dateLabel").asText(key));
        fields.put(key, new Field(key, type, readonly, required, c.has("conditional"), options, label));
      }
      if (c.has("components")) {
        collect(c.path("components"), fields);
      }
    }
  }

  /** A readonly/disabled property may be true or a FEEL expression; either way the person cannot change it. */
  private static boolean isOn(JsonNode n) {
    return n != null && !n.isNull() && !(n.isBoolean() && !n.asBoolean()) && !(n.isTextual() && n.asText().isBlank());
  }

  /**
   * Checks submitted REST variables ({@code {"name": {"value": …, "type": …}}}) against the form.
   *
   * @param current the value a field has now (for read-only fields: submitting the value shown is
   *     allowed, as Tasklist does; changing it is not)
   * @param start whether this starts a process (required fields must then be present: there is no
   *     earlier value)
   */
  public List<FieldError> check(JsonNode variables, Function<String, Object> current, boolean start) {
    List<FieldError> errors = new ArrayList<>();
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      errors.add(new FieldError("variables", "variables はオブジェクトで指定してください / variables must be an object"));
      return errors;
    }
    Iterator<Map.Entry<String, JsonNode>> it = variables == null ? java.util.Collections.emptyIterator()
        : variables.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      Field f = fields.get(name);
      if (f == null) {
        errors.add(new FieldError(name, "「" + name + "」はこのフォーム" + formName() + "にない項目です。フォームの項目だけを送信できます"
            + " / \"" + name + "\" is not a field of this form" + formNameEn() + "; only the form's fields can be set"));
        continue;
      }
      JsonNode typed = e.getValue();
      if (typed == null || !typed.isObject()) {
        errors.add(new FieldError(name, "「" + f.label() + "」の値の形式が正しくありません / malformed value of \"" + name
            + "\" (expected {\"value\": …})"));
        continue;
      }
      String restType = typed.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
      if (LIST_TYPES.contains(f.type())) {
        String listError = listError(f, typed, restType);
        if (listError != null) {
          errors.add(new FieldError(name, listError));
        } else if (f.readonly() && !same(typed.get("value"), current.apply(name))) {
          errors.add(new FieldError(name, "「" + f.label() + "」は表示専用の項目で、変更できません / \"" + name
              + "\" is read-only in this form and cannot be changed"));
        }
        continue;
      }
      if (!restType.isEmpty() && !PLAIN_TYPES.contains(restType)) {
        errors.add(new FieldError(name, "「" + f.label() + "」に型 " + typed.path("type").asText()
            + " の値は設定できません / a value of type " + typed.path("type").asText() + " cannot be set on \"" + name
            + "\""));
        continue;
      }
      JsonNode value = typed.get("value");
      String kindError = kindError(f, value, maxText(name));
      if (kindError != null) {
        errors.add(new FieldError(name, kindError));
        continue;
      }
      if (f.readonly() && !same(value, current.apply(name))) {
        errors.add(new FieldError(name, "「" + f.label() + "」は表示専用の項目で、変更できません / \"" + name
            + "\" is read-only in this form and cannot be changed"));
      }
    }
    if (start) {
      for (Field f : fields.values()) {
        if (f.required() && !f.conditional() && !f.readonly()) {
          JsonNode v = variables == null ? null : variables.path(f.key()).get("value");
          if (isEmpty(v)) {
            errors.add(new FieldError(f.key(), "「" + f.label() + "」は必須です / \"" + f.key() + "\" is required"));
          }
        }
      }
    }
    return errors;
  }

  private String formName() {
    return formId == null ? "" : "（" + formId + "）";
  }

  private String formNameEn() {
    return formId == null ? "" : " (" + formId + ")";
  }

  /** The longest text field {@code name} takes through this form. */
  int maxText(String name) {
    if (REPORT_INTAKE_FORM.equals(formId)) {
      return Integer.MAX_VALUE;
    }
    return REGISTERED_TEXTS.getOrDefault(name, MAX_TEXT);
  }

  /**
   * A list of choices: a JSON array of strings (as a Json variable, which Tasklist sends as the
   * array's text, or as the array itself), each one of the component's choices when they are fixed.
   */
  private static String listError(Field f, JsonNode typed, String restType) {
    JsonNode value = typed.get("value");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!restType.isEmpty() && !restType.equals("json")) {
      return "「" + f.label() + "」には選択肢の一覧を指定してください / \"" + f.key() + "\" takes a list of choices";
    }
    JsonNode list = value;
    if (value.isTextual()) {
      try {
        list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.asText());
      } catch (java.io.IOException e) {
        list = null;
      }
    }
    if (list == null || !list.isArray() || list.size() > 100) {
      return "「" + f.label() + "」には選択肢の一覧を指定してください / \"" + f.key() + "\" takes a list of choices";
    }
    for (JsonNode item : list) {
      if (!item.isTextual() || item.asText().length() > 200
          || f.options() != null && !f.options().contains(item.asText())) {
        return "「" + f.label() + "」は選択肢から選んでください / \"" + f.key() + "\" must be chosen from its choices";
      }
    }
    return null;
  }

  /** Whether {@code value} is the kind of value field {@code f} takes; the message when not. */
  private static String kindError(Field f, JsonNode value, int maxText) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (TEXT_TYPES.contains(f.type())) {
      if (!value.isTextual()) {
        return "「" + f.label() + "」には文字列を指定してください / \"" + f.key() + "\" takes text";
      }
      String s = value.asText();
      if (s.length() > maxText) {
        String max = String.format(java.util.Locale.ROOT, "%,d", maxText);
        return "「" + f.label() + "」は " + max + " 文字以内で入力してください（" + s.length() + " 文字） / \"" + f.key()
            + "\" takes at most " + max + " characters (" + s.length() + ")";
      }
      if (f.options() != null && !s.isEmpty() && !f.options().contains(s)) {
        return "「" + f.label() + "」は選択肢から選んでください / \"" + f.key() + "\" must be one of " + f.options();
      }
      return null;
    }
    if (f.type().equals("checkbox")) {
      return value.isBoolean() ? null
          : "「" + f.label() + "」には true か false を指定してください / \"" + f.key() + "\" takes true or false";
    }
    if (f.type().equals("number")) {
      return value.isNumber() ? null : "「" + f.label() + "」には数値を指定してください / \"" + f.key() + "\" takes a number";
    }
    return null;
  }

  private static boolean isEmpty(JsonNode v) {
    return v == null || v.isNull() || v.isTextual() && v.asText().isBlank();
  }

  /**
   * Whether a submitted value is the one the field shows: absent, empty and false count as the same
   * (a form shows an absent variable as an empty field or an unticked box); numbers by value.
   */
  static boolean same(JsonNode submitted, Object current) {
    String a = normal(submitted == null || submitted.isNull() ? null
        : submitted.isNumber() ? submitted.decimalValue()
        : submitted.isBoolean() ? (Object) submitted.asBoolean() : submitted.asText());
    String b = normal(current);
    return a.equals(b);
  }

  private static String normal(Object v) {
    if (v == null || Boolean.FALSE.equals(v)) {
      return "";
    }
    if (v instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return n.toString();
      }
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().toString();
    }
    return v.toString();
  }
}
