package jp.vulnreport.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits for anonymous clients, per client address (behind the reverse proxy: the forwarded
 * address). {@code report}: report submissions (API and page); {@code public}: everything else on
 * the public pages and private links (uploads, token look-ups, replies). Each is a token bucket:
 * up to {@code capacity} requests at once, refilled evenly over {@code period}. Per node: with n
 * nodes behind the proxy a client may get up to n times as much.
 */
@ConfigurationProperties("vulnreport.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    Limit report,
    Limit publicPages) {

  public record Limit(int capacity, Duration period) {}
}
