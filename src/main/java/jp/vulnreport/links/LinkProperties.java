package jp.vulnreport.links;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Private links: how long a new link of each audience stays valid, and the public address the
 * links are built on (mails are read outside any request, so they cannot take it from one).
 */
@ConfigurationProperties("vulnreport.links")
public record LinkProperties(
    @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
    @DefaultValue("P730D") Duration discovererValidity,
    @DefaultValue("P180D") Duration developerValidity,
    @DefaultValue("P180D") Duration operatorValidity) {

  public Duration validity(LinkAudience audience) {
    return switch (audience) {
      case DISCOVERER -> discovererValidity;
      case DEVELOPER -> developerValidity;
      case OPERATOR -> operatorValidity;
    };
  }

  /** The status page of a discoverer's token, as an absolute address. */
  /** A public page of the site (advisories, the unreachable-developers list). */
  public String publicUrl(String path) {
    return stripSlash(publicBaseUrl) + path;
  }

  public String statusUrl(String token) {
    return stripSlash(publicBaseUrl) + "/status/" + token;
  }

  public String responseUrl(LinkAudience audience, String token) {
    return switch (audience) {
      case DISCOVERER -> statusUrl(token);
      case DEVELOPER -> stripSlash(publicBaseUrl) + "/developer/" + token;
      case OPERATOR -> stripSlash(publicBaseUrl) + "/operator/" + token;
    };
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
