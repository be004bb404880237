package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our Japanese webapp locales cover every key of the English ones shipped with Camunda 7.24, placeholders intact. */
class WebappLocalesTest {

  static final String APPS = "/META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}]+?\\s*}}");

  final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void japaneseHasEveryEnglishKey(String app) throws Exception {
    Map<String, String> en = flatten(read(app, "en.json"));
    Map<String, String> ja = flatten(read(app, "ja.json"));
    assertThat(en).hasSizeGreaterThan(100);
    assertThat(ja.keySet()).isEqualTo(en.keySet());
    for (String key : en.keySet()) {
      assertThat(placeholders(ja.get(key))).as(key).isEqualTo(placeholders(en.get(key)));
      // English plural endings ("s") have no Japanese counterpart; everything else is translated
      if (!en.get(key).isBlank() && !en.get(key).equals("s")) {
        assertThat(ja.get(key)).as(app + " " + key).isNotBlank();
      }
    }
  }

  @Test
  void tasklistSaysComplete() throws Exception {
    assertThat(flatten(read("tasklist", "ja.json")).get("labels.COMPLETE")).isEqualTo("完了");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void japaneseIsTheDefaultWithEnglishAvailable(String app) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(APPS + app + "/scripts/config.js")) {
      String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(config).contains("export default").contains("availableLocales: ['ja', 'en']")
          .contains("fallbackLocale: 'ja'");
    }
  }

  private JsonNode read(String app, String file) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(APPS + app + "/locales/" + file)) {
      assertThat(in).as(file).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
          e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node.asText());
    }
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group().replace(" ", ""));
    }
    return out;
  }
}
