package jp.vulnreport.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;
import jp.vulnreport.Lazily;
import org.springframework.stereotype.Component;

/**
 * Validates CVE records against the official CVE Record Format schema (CVE JSON 5.1, kept in
 * {@code classpath:cve/CVE_Record_Format_bundled.json}; no network).
 */
@Component
public class CveRecordValidator {

  /** The record format version of the stored schema, as records state it. */
  public static final String DATA_VERSION = "5.1";

  /** Compiled on first use (a few hundred milliseconds), not while the application starts. */
  private final Lazily<JsonSchema> schema = new Lazily<>(CveRecordValidator::compile);

  private static JsonSchema compile() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
        .schemaMappers(m -> m.mapPrefix("https://cveproject.github.io/cve-schema/schema/docs/", "classpath:cve/")));
    return factory.getSchema(SchemaLocation.of(
        "https://cveproject.github.io/cve-schema/schema/docs/CVE_Record_Format_bundled.json"),
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
  }

  /** The schema violations of the record; empty when it is a valid CVE record. */
  public List<String> problems(JsonNode record) {
    Set<ValidationMessage> messages = schema.get().validate(record);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** Throws when the record is not a valid CVE record, listing why. */
  public void check(JsonNode record) {
    List<String> problems = problems(record);
    if (!problems.isEmpty()) {
      throw new InvalidCveRecordException(problems);
    }
  }

  /** A record the CVE Record Format schema refuses. */
  public static class InvalidCveRecordException extends IllegalStateException {
    private final transient List<String> problems;

    public InvalidCveRecordException(List<String> problems) {
      super("not a valid CVE record: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
