package jp.vulnreport.government;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Cabinet Office notices go ({@code vulnreport.government.*}). */
@ConfigurationProperties("vulnreport.government")
public record GovernmentProperties(String cabinetOfficeAddress) {

  public GovernmentProperties {
    if (cabinetOfficeAddress == null || !cabinetOfficeAddress.contains("@")) {
      throw new IllegalArgumentException("vulnreport.government.cabinet-office-address must be a mail address");
    }
  }
}
