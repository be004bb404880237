package jp.vulnreport.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A vulnerability report as the discoverer files it: the fields of IPA's report form. The JSON shape
 * is a contract fixed by {@code shared/examples}; field names must not change.
 */
public record ReportSubmission(
    @NotNull(message = "{vulnreport.consent.required}")
        @AssertTrue(message = "{vulnreport.consent.required}")
        Boolean consent,
    @NotNull ReportCategory category,
    @NotNull @Valid Reporter reporter,
    @Valid Product product,
    @Valid Website website,
    @NotNull @Valid Vulnerability vulnerability,
    LocalDate discoveredOn,
    @Valid PriorContact priorContact,
    @Valid DisclosurePlan disclosurePlan,
    @Size(max = 4000) String requests) {

  public record Reporter(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String organization,
      @NotBlank @Email @Size(max = 320) String email,
      @Size(max = 50) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{vulnreport.phone.invalid}")
          String phone,
      @NotNull Boolean shareContactWithDeveloper,
      @Valid Credit credit) {}

  public record Credit(@NotNull Boolean wanted, @Size(max = 200) String displayName) {}

  public record Product(
      @NotBlank @Size(max = 300) String developer,
      @NotBlank @Size(max = 300) String name,
      @NotBlank @Size(max = 500) String versions,
      @Size(max = 2000) @Pattern(regexp = "^(https?://\\S+)?$", message = "{vulnreport.url.invalid}")
          String url,
      @Size(max = 500) @Pattern(regexp = "^(pkg:[a-zA-Z][a-zA-Z0-9.+\\-]*/\\S+)?$", message = "{vulnreport.purl.invalid}")
          String purl,
      @Size(max = 500) @Pattern(regexp = "^(cpe:2\\.3:[aho*\\-]:\\S+|cpe:/[aho]:\\S*)?$", message = "{vulnreport.cpe.invalid}")
          String cpe) {}

  public record Website(
      @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "{vulnreport.url.invalid}")
          String url,
      @Size(max = 300) String siteName) {}

  public record Vulnerability(
      @NotBlank @Size(max = 200) String type,
      @Size(max = 20) @Pattern(regexp = "^(CWE-[0-9]{1,5})?$", message = "{vulnreport.cwe.invalid}") String cwe,
      @NotBlank @Size(max = 1000) String summary,
      @NotBlank @Size(max = 20000) String details,
      @Size(max = 20000) String reproduction,
      @Size(max = 4000) String environment,
      @Size(max = 4000) String impact,
      @Size(max = 4000) String workaround,
      ReportedExploitation exploitation,
      @Size(max = 4000) String exploitationEvidence) {

    /** The reported exploitation; absent is NONE. */
    public ReportedExploitation exploitationOrNone() {
      return ReportedExploitation.of(exploitation);
    }
  }

  public record PriorContact(Boolean developerContacted, @Size(max = 2000) String others) {}

  public record DisclosurePlan(LocalDate date, @Size(max = 500) String venue) {}
}
