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

  /**
   * The chosen ids: a Json array of strings (Tasklist), a collection (the Java API), or nothing. Anything
   * else is a mistake the person can fix.
   */
  static List<String> chosen(Object value) {
    List<String> ids = new ArrayList<>();
    if (value == null) {
      return ids;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (!(o instanceof String s)) {
          throw notAList();
        }
        ids.add(s);
      }
      return ids;
    }
    JsonNode node;
    try {
      node = JSON.readTree(value instanceof SpinJsonNode spin ? spin.toString() : value.toString());
    } catch (JsonProcessingException e) {
      throw notAList();
    }
    if (node == null || node.isNull()) {
      return ids;
    }
    if (!node.isArray()) {
      throw notAList();
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw notAList();
      }
      ids.add(item.asText());
    }
    return ids;
  }

  private static RuntimeException notAList() {
    return PersonFixable.error(CoordinationDelegates.DEVELOPERS_CHOSEN,
        "連絡する開発者は一覧から選んでください / choose the developers from the list");
  }
}
