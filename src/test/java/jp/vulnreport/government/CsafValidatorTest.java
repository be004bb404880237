package jp.vulnreport.government;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator accepts the published CSAF 2.0 advisories and refuses broken documents. */
class CsafValidatorTest {

  final CsafValidator validator = new CsafValidator();
  final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"bsi-2022-0001.json", "cisco-sa-20180328-smi2.json", "rhsa-2021_5217.json"})
  void publishedAdvisoriesAreValid(String file) throws Exception {
    assertThat(validator.problems(read(file))).isEmpty();
  }

  @Test
  void brokenDocumentsAreRefused() throws Exception {
    ObjectNode doc = (ObjectNode) read("bsi-2022-0001.json");
    ((ObjectNode) doc.get("document")).remove("tracking");
    assertThatThrownBy(() -> validator.check(doc)).isInstanceOf(CsafValidator.InvalidCsafException.class)
        .hasMessageContaining("tracking");

    ObjectNode badTlp = (ObjectNode) read("bsi-2022-0001.json");
    ((ObjectNode) badTlp.get("document")).putObject("distribution").putObject("tlp").put("label", "PURPLE");
    assertThat(validator.problems(badTlp)).isNotEmpty();
  }

  private JsonNode read(String file) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/csaf/examples/" + file)) {
      return mapper.readTree(in);
    }
  }
}
