package jp.vulnreport.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Camunda Form (form-js JSON): valid JSON with an id and components; the house rules of
 * ModelHouseRulesTest (id Form_PascalCase, the 7.24 platform, every key bound once and labelled);
 * only the component types the project's forms use plus layout ones; keys that are plain
 * identifiers; nothing that loads or shows foreign content (iframe, html, image, script, URL
 * properties, javascript:/data: values, raw HTML or images in text).
 */
final class FormChecks {

  /** The types in forms/ today, and harmless layout and choice types of the same form-js version. */
  static final Set<String> ALLOWED_TYPES = Set.of("textfield", "textarea", "text", "checkbox", "radio", "select",
      "datetime", "number", "checklist", "taglist", "group", "spacer", "separator", "button");
  private static final Set<String> URL_PROPERTIES = Set.of("url", "source", "src", "href", "iframe",
      "html", "content", "script", "dataSource", "endpoint");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FORM_ID = Pattern.compile("Form_[A-Z][A-Za-z]+");
  private static final Pattern DANGEROUS_VALUE = Pattern.compile("(?i)^\\s*(javascript|data|vbscript)\\s*:.*",
      Pattern.DOTALL);
  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|!\\[");

  private FormChecks() {}

  /** The form's id, or null when the JSON has none; problems go to {@code problems}. */
  static String check(byte[] bytes, ObjectMapper mapper, List<String> problems) {
    JsonNode form;
    try {
      form = mapper.readTree(bytes);
    } catch (IOException e) {
      problems.add("JSON として読めません / not valid JSON: " + e.getMessage());
      return null;
    }
    if (form == null || !form.isObject()) {
      problems.add("フォームが JSON オブジェクトではありません / the form is not a JSON object");
      return null;
    }
    String id = form.path("id").asText("");
    if (!FORM_ID.matcher(id).matches()) {
      problems.add("フォームの id \"" + id + "\" が Form_PascalCase ではありません / the form id \"" + id
          + "\" is missing or not Form_PascalCase");
    }
    if (!"7.24.0".equals(form.path("executionPlatformVersion").asText())) {
      problems.add("executionPlatformVersion が 7.24.0 ではありません / executionPlatformVersion is not 7.24.0");
    }
    if (!form.path("components").isArray()) {
      problems.add("components がありません / the form has no components");
      return id.isEmpty() ? null : id;
    }
    components(form.path("components"), new HashSet<>(), problems);
    return id.isEmpty() ? null : id;
  }

  private static void components(JsonNode list, Set<String> keys, List<String> problems) {
    for (JsonNode c : list) {
      String type = c.path("type").asText("");
      String where = "component " + c.path("id").asText("?") + " (" + type + ")";
      if (!ALLOWED_TYPES.contains(type)) {
        problems.add(where + ": 部品の種類 \"" + type + "\" は使えません（使えるのは " + String.join(", ",
            ALLOWED_TYPES.stream().sorted().toList()) + "）/ the component type \"" + type + "\" is not allowed");
      }
      if (c.has("key")) {
        String key = c.path("key").asText("");
        if (!IDENTIFIER.matcher(key).matches()) {
          problems.add(where + ": キー \"" + key + "\" が単純な識別子ではありません / the key \"" + key
              + "\" is not a plain identifier");
        }
        if (!keys.add(key)) {
          // form-js refuses to render a form that binds one key twice ("binding path ... is already claimed")
          problems.add(where + ": キー " + key + " が 2 回使われています / the key " + key + " is bound twice");
        }
        if (!c.hasNonNull("label") && !c.hasNonNull("dateLabel")) {
          problems.add(where + ": キー " + key + " にラベルがありません / the field " + key + " has no label");
        }
      }
      if (c.has("path") && !IDENTIFIER.matcher(c.path("path").asText("")).matches()) {
        problems.add(where + ": path が単純な識別子ではありません / the path is not a plain identifier");
      }
      if ("text".equals(type) && MARKUP.matcher(c.path("text").asText("")).find()) {
        problems.add(where + ": テキストに HTML や画像は書けません / text may not contain HTML or images");
      }
      values(c, where, problems);
      if (c.has("components")) {
        components(c.path("components"), keys, problems);
      }
    }
  }

  /** Properties that load foreign content, and script or data URLs in any value below the component. */
  private static void values(JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if ("components".equals(field.getKey())) {
          continue;
        }
        if (URL_PROPERTIES.contains(field.getKey()) || field.getKey().toLowerCase(Locale.ROOT).endsWith("url")) {
          problems.add(where + ": プロパティ " + field.getKey() + " は使えません（外部の内容を読み込みます）/ the property "
              + field.getKey() + " is not allowed (it loads foreign content)");
        }
        values(field.getValue(), where, problems);
      }
    } else if (node.isArray()) {
      node.forEach(n -> values(n, where, problems));
    } else if (node.isTextual() && DANGEROUS_VALUE.matcher(node.asText()).matches()) {
      problems.add(where + ": 値 \"" + node.asText() + "\" は使えません / the value \"" + node.asText()
          + "\" is not allowed (script or data URL)");
    }
  }
}
