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

  /** Where a word is used (a document or the project) and what is said there. */
  public record Usage(String where, String what) {}

  /** A word, where it is used, and the project's meaning. */
  public record Term(String term, List<Usage> used, String meaning) {}

  static final String RESOURCE = "policy/terms-ja.yaml";

  private final List<Term> terms;

  public PolicyTerms() {
    this.terms = load();
  }

  public List<Term> all() {
    return terms;
  }

  /** A folded YAML text: the line breaks became spaces, which Japanese does not put between words. */
  static String joinLines(String folded) {
    return folded.strip().replaceAll("(?<=[^\\x00-\\x7F])\\s+(?=[^\\x00-\\x7F])", "");
  }

  @SuppressWarnings("unchecked")
  static List<Term> load() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      Map<String, Object> root = new Yaml().load(in);
      List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("terms");
      return list.stream().map(m -> new Term((String) m.get("term"),
          ((List<Map<String, String>>) m.get("used")).stream().map(u -> new Usage(u.get("where"), u.get("what"))).toList(),
          joinLines((String) m.get("meaning")))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
