package jp.vulnreport.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import jp.vulnreport.coordination.DeveloperRegistry;
import jp.vulnreport.exploitation.PriorityRecipients;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Realistic sample data where the demo users are (the local profile): priority information
 * recipients of three sectors with different accepted TLPs, and a registry of product developers
 * ({@code sample/developers.json}, SBOMs from {@code sample/sbom/}: a product's {@code sbomFile}
 * names its CycloneDX file). Fictitious organisations, example.jp and example.com addresses. Each
 * part is loaded only while its registry is empty.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "vulnreport.demo-users.enabled", havingValue = "true")
public class SampleData implements ApplicationRunner {

  private final PriorityRecipients recipients;
  private final DeveloperRegistry developers;
  private final ObjectMapper mapper;

  public SampleData(PriorityRecipients recipients, DeveloperRegistry developers, ObjectMapper mapper) {
    this.recipients = recipients;
    this.developers = developers;
    this.mapper = mapper;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (recipients.all().isEmpty()) {
      recipients.save(new PriorityRecipients.Recipient("power-east", "東日本電力（例示）", "電力",
          "csirt@power-east.example.jp", "AMBER+STRICT", true));
      recipients.save(new PriorityRecipients.Recipient("rail-central", "中央鉄道（例示）", "鉄道",
          "soc@rail-central.example.jp", "AMBER", true));
      recipients.save(new PriorityRecipients.Recipient("bank-isac", "金融 ISAC（例示）", "金融",
          "alerts@bank-isac.example.jp", "GREEN", true));
    }
    if (developers.isEmpty()) {
      developers.importJson(mapper.writeValueAsString(sampleDevelopers()));
    }
  }

  /** {@code sample/developers.json} with each product's {@code sbomFile} replaced by the SBOM itself. */
  private JsonNode sampleDevelopers() throws IOException {
    JsonNode root = read("sample/developers.json");
    for (JsonNode developer : root) {
      for (JsonNode product : developer.path("products")) {
        JsonNode file = product.get("sbomFile");
        if (file != null) {
          ((ObjectNode) product).remove("sbomFile");
          ((ObjectNode) product).set("sbom", read("sample/sbom/" + file.asText()));
        }
      }
    }
    return root;
  }

  private JsonNode read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return mapper.readTree(in);
    }
  }
}
