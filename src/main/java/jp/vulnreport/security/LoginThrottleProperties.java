package jp.vulnreport.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed logins per client address (the connecting one, or the forwarded one from a trusted proxy),
 * on every entry point that checks a staff password: {@code /engine-rest} (HTTP Basic), the staff
 * APIs (HTTP Basic) and the webapps' login. A token bucket: up to {@code capacity} failures at
 * once, refilled evenly over {@code period}; without a token left the address gets 429 with
 * Retry-After before its password is looked at. In memory, per node.
 */
@ConfigurationProperties("vulnreport.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10") int capacity,
    @DefaultValue("PT1H") Duration period) {}
