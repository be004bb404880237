package jp.vulnreport.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's meanings of 速やかに, 必要な, 適切な and 公正な (policy/terms-ja.yaml): where each is used
 * and what the project means by it, for the /policy page.
 */
@Component
public class PolicyTerms {

  /** A word, where it is used, and the project's meaning. */
  public record Term(String term, List<String> used, String meaning) {}

  static final String RESOURCE = "policy/terms-ja.yaml";

  private final List<Term> terms;

  public PolicyTerms() {
    this.terms = load();
  }

  public List<Term> all() {
    return terms;
  }

  @SuppressWarnings("unchecked")
  static List<Term> load() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      Map<String, Object> root = new Yaml().load(in);
      List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("terms");
      return list.stream().map(m -> new Term((String) m.get("term"), List.copyOf((List<String>) m.get("used")),
          ((String) m.get("meaning")).strip())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
