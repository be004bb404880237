package jp.vulnreport.coordination;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our CVE Numbering Authority as CVE records name it ({@code vulnreport.cve.*}): the organisation's UUID
 * in the CVE Services user registry (providerMetadata.orgId) and its short name. Set both to the CNA's
 * own values before submitting records; the default orgId is a placeholder.
 */
@ConfigurationProperties("vulnreport.cve")
public record CveProperties(
    @DefaultValue("00000000-0000-4000-8000-000000000000") String orgId,
    @DefaultValue("JPCERT") String shortName) {

  private static final Pattern UUID4 = Pattern.compile(
      "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$");

  public CveProperties {
    if (orgId == null || !UUID4.matcher(orgId).matches()) {
      throw new IllegalArgumentException("vulnreport.cve.org-id must be the CNA's organisation UUID (version 4)");
    }
    if (shortName == null || shortName.length() < 2 || shortName.length() > 32) {
      throw new IllegalArgumentException("vulnreport.cve.short-name must have 2 to 32 characters");
    }
  }
}
