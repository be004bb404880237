package jp.vulnreport.government;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;
import jp.vulnreport.Lazily;
import org.springframework.stereotype.Component;

/**
 * Validates CSAF 2.0 documents against the official OASIS schema kept in
 * {@code classpath:csaf/} (FIRST's CVSS schemas mapped to local copies: no network).
 */
@Component
public class CsafValidator {

  /** Compiled on first use (a few hundred milliseconds), not while the application starts. */
  private final Lazily<JsonSchema> schema = new Lazily<>(CsafValidator::compile);

  private static JsonSchema compile() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .schemaMappers(m -> m
            .mapPrefix("https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:csaf/")
            .mapPrefix("https://www.first.org/cvss/", "classpath:csaf/referenced/")));
    return factory.getSchema(com.networknt.schema.SchemaLocation.of(
        "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"),
        SchemaValidatorsConfig.builder().build());
  }

  /** The schema violations of the document; empty when it is valid CSAF 2.0. */
  public List<String> problems(JsonNode document) {
    Set<ValidationMessage> messages = schema.get().validate(document);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** Throws when the document is not valid CSAF 2.0, listing why. */
  public void check(JsonNode document) {
    List<String> problems = problems(document);
    if (!problems.isEmpty()) {
      throw new InvalidCsafException(problems);
    }
  }

  /** A document that the CSAF 2.0 schema refuses; it is never sent. */
  public static class InvalidCsafException extends IllegalStateException {
    private final transient List<String> problems;

    public InvalidCsafException(List<String> problems) {
      super("not valid CSAF 2.0: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
