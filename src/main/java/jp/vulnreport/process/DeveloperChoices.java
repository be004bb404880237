package jp.vulnreport.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.vulnreport.coordination.CaseDevelopers;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The developer list of 製品開発者の特定 as form-js reads and Tasklist sends it: the choices as a Json
 * variable ({@code [{"label": …, "value": id}, …]}, read through the taglist's {@code valuesKey}), and
 * the chosen ids back as a Json array of strings.
 */
final class DeveloperChoices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeveloperChoices() {}

  static JsonValue json(List<CaseDevelopers.Choice> choices) {
    ArrayNode array = JSON.createArrayNode();
    for (CaseDevelopers.Choice c : choices) {
      array.addObject().put("label", c.label()).put("value", c.value());
    }
    return SpinValues.jsonValue(array.toString()).create();
  }

  /** The report's attachments (not erased) as taglist choices: file name and size, the id as the value. */
  static JsonValue attachments(List<jp.vulnreport.coordination.SharedAttachments.Sharing> files) {
    ArrayNode array = JSON.createArrayNode();
    for (var f : files) {
      if (!f.erased()) {
        array.addObject().put("label", f.fileName() + " (" + jp.vulnreport.intake.AttachmentStore.humanSize(f.sizeBytes())
            + ")").put("value", f.id());
      }
    }
    return SpinValues.jsonValue(array.toString()).create();
  }

  /** Ids as the taglist's value: a Json array of strings. */
  static JsonValue ids(List<String> ids) {
    ArrayNode array = JSON.createArrayNode();
    ids.forEach(array::add);
    return SpinValues.jsonValue(array.toString()).create();
  }

  /**
   * The chosen ids: a Json array of strings (Tasklist), a collection (the Java API), or nothing. Anything
   * else is a mistake the person can fix.
   */
  static List<String> chosen(Object value) {
    return chosen(value, CoordinationDelegates.DEVELOPERS_CHOSEN);
  }

  /** The chosen values of the taglist {@code field}. */
  static List<String> chosen(Object value, String field) {
    List<String> ids = new ArrayList<>();
    if (value == null) {
      return ids;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (!(o instanceof String s)) {
          throw notAList(field);
        }
        ids.add(s);
      }
      return ids;
    }
    JsonNode node;
    try {
      node = JSON.readTree(value instanceof SpinJsonNode spin ? spin.toString() : value.toString());
    } catch (JsonProcessingException e) {
      throw notAList(field);
    }
    if (node == null || node.isNull()) {
      return ids;
    }
    if (!node.isArray()) {
      throw notAList(field);
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw notAList(field);
      }
      ids.add(item.asText());
    }
    return ids;
  }

  private static RuntimeException notAList(String field) {
    return PersonFixable.error(field, CoordinationDelegates.DEVELOPERS_CHOSEN.equals(field)
        ? "連絡する開発者は一覧から選んでください / choose the developers from the list"
        : "一覧から選んでください / choose from the list");
  }
}
