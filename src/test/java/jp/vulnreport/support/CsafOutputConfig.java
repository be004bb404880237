package jp.vulnreport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.vulnreport.Sha256;
import jp.vulnreport.government.CsafValidator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Writes every CSAF document the application validates during the tests (advisories and Cabinet Office
 * notices, drafts and releases) to {@code target/csaf/}, one file per distinct document, for the official
 * validator that .ci/run runs afterwards (.ci/csaf/validate.mjs).
 */
@TestConfiguration
public class CsafOutputConfig {

  public static final Path DIR = Path.of("target", "csaf");

  /** Documents of an earlier run are removed once, before this test JVM writes its first one. */
  private static boolean cleared;

  @Bean
  @Primary
  CsafValidator writingCsafValidator(ObjectMapper mapper) {
    return new CsafValidator() {
      @Override
      public void check(JsonNode document) {
        super.check(document);
        write(mapper, document);
      }
    };
  }

  static synchronized void write(ObjectMapper mapper, JsonNode document) {
    try {
      if (!cleared && Files.isDirectory(DIR)) {
        try (var old = Files.list(DIR)) {
          for (Path p : old.filter(f -> f.toString().endsWith(".json")).toList()) {
            Files.delete(p);
          }
        }
      }
      cleared = true;
      String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
      String id = document.path("document").path("tracking").path("id").asText("unknown");
      String name = id.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "-"
          + document.path("document").path("tracking").path("status").asText() + "-"
          + Sha256.hex(json).substring(0, 12) + ".json";
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(name), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
