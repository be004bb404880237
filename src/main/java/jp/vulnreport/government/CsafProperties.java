package jp.vulnreport.government;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publishers of our CSAF documents ({@code vulnreport.csaf.*}): each producer's namespace and the
 * base of its documents' canonical URLs (the {@code self} reference: base + file name), which lies under
 * the namespace. The advisory (JVN) and the Cabinet Office notice (IPA) have their own.
 */
@ConfigurationProperties("vulnreport.csaf")
public record CsafProperties(
    @DefaultValue("https://jvn.jp") String advisoryNamespace,
    @DefaultValue("https://jvn.jp/csaf/") String advisoryBaseUrl,
    @DefaultValue("https://www.ipa.go.jp") String noticeNamespace,
    @DefaultValue("https://www.ipa.go.jp/security/csaf/notice/") String noticeBaseUrl) {

  public CsafProperties {
    check(advisoryNamespace, advisoryBaseUrl, "advisory");
    check(noticeNamespace, noticeBaseUrl, "notice");
  }

  /** The canonical URL of an advisory's CSAF document. */
  public String advisoryUrl(String fileName) {
    return slash(advisoryBaseUrl) + fileName;
  }

  /** The canonical URL of a notice's CSAF document. */
  public String noticeUrl(String fileName) {
    return slash(noticeBaseUrl) + fileName;
  }

  private static String slash(String base) {
    return base.endsWith("/") ? base : base + "/";
  }

  private static void check(String namespace, String base, String what) {
    if (namespace == null || !namespace.startsWith("https://") || base == null
        || !slash(base).startsWith(namespace.endsWith("/") ? namespace : namespace + "/")) {
      throw new IllegalArgumentException("vulnreport.csaf." + what + "-base-url must be an https URL under "
          + "vulnreport.csaf." + what + "-namespace (the CSAF publisher's namespace)");
    }
  }
}
