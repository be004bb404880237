package jp.vulnreport.coordination;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.vulnreport.security.Groups;
import jp.vulnreport.security.StaffApiAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of product developers and the developer suggestions of a case: coordination keeps
 * the registry, managers may read it.
 *
 * <ul>
 *   <li>{@code GET /api/developers}: all developers; their products without the SBOM (only
 *       {@code hasSbom}).
 *   <li>{@code GET /api/developers/{id}}: one developer, each product's SBOM as a JSON object under
 *       {@code sbom}.
 *   <li>{@code PUT /api/developers/{id}}: creates or replaces a developer (body as GET returns it,
 *       without {@code id}; a product's {@code sbom} is a CycloneDX JSON object); answers like GET.
 *   <li>{@code POST /api/developers/import}: {@code application/json} (an array of developers, each
 *       with its {@code id}) or {@code text/csv} (header
 *       {@code id,name,registration_type,contact_emails,product_name,purl,cpe}); all or nothing;
 *       answers {@code {"imported": n}}.
 *   <li>{@code GET /api/cases/{tn}/developer-suggestions}: {@link DeveloperMatcher.Suggestion}s.
 * </ul>
 */
@RestController
public class DeveloperController {

  /** A product; {@code sbom} (the CycloneDX document) is left out of lists. */
  public record ProductView(Long id, String name, String purl, String cpe, boolean hasSbom,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode sbom) {}

  public record DeveloperView(String id, String name, DeveloperRegistry.RegistrationType registrationType,
      List<String> contactEmails, String pgpKey, List<ProductView> products) {}

  private final DeveloperRegistry registry;
  private final DeveloperMatcher matcher;
  private final ObjectMapper mapper;

  public DeveloperController(DeveloperRegistry registry, DeveloperMatcher matcher, ObjectMapper mapper) {
    this.registry = registry;
    this.matcher = matcher;
    this.mapper = mapper;
  }

  @GetMapping(path = "/api/developers", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<DeveloperView> list(HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    return registry.all().stream().map(d -> view(d, false)).toList();
  }

  @GetMapping(path = "/api/developers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public DeveloperView get(@PathVariable String id, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    return view(registry.get(id), true);
  }

  @PutMapping(path = "/api/developers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public DeveloperView save(@PathVariable String id, @RequestBody(required = false) JsonNode body,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    if (body == null || body.isNull()) {
      throw new IllegalArgumentException("a body is required");
    }
    return view(registry.save(registry.fromJson(body, id)), true);
  }

  @PostMapping(path = "/api/developers/import", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> importJson(@RequestBody byte[] body,
      @RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    return Map.of("imported", registry.importJson(text(body, contentType)));
  }

  @PostMapping(path = "/api/developers/import", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> importCsv(@RequestBody byte[] body,
      @RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION);
    return Map.of("imported", registry.importCsv(text(body, contentType)));
  }

  @GetMapping(path = "/api/cases/{trackingNumber}/developer-suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<DeveloperMatcher.Suggestion> suggestions(@PathVariable String trackingNumber,
      HttpServletRequest request) {
    StaffApiAuthenticationFilter.requireGroup(request, Groups.COORDINATION, Groups.MANAGER);
    return matcher.forCase(trackingNumber);
  }

  private DeveloperView view(DeveloperRegistry.Developer d, boolean withSbom) {
    return new DeveloperView(d.id(), d.name(), d.registrationType(), d.contactEmails(), d.pgpKey(),
        d.products().stream().map(p -> new ProductView(p.id(), p.name(), p.purl(), p.cpe(), p.sbom() != null,
            withSbom ? json(p.sbom()) : null)).toList());
  }

  private JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored SBOM is not JSON", e);
    }
  }

  /** The body as text: the Content-Type's charset, UTF-8 if it names none. */
  private static String text(byte[] body, String contentType) {
    Charset charset = StandardCharsets.UTF_8;
    if (contentType != null) {
      try {
        MediaType type = MediaType.parseMediaType(contentType);
        if (type.getCharset() != null) {
          charset = type.getCharset();
        }
      } catch (RuntimeException e) {
        // unparseable types do not reach here (consumes); keep UTF-8
      }
    }
    return new String(body == null ? new byte[0] : body, charset);
  }
}
